package io.wiretag.tagging;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The taxonomy's topic rules compiled for scoring: each group of each rule as entity and keyword sets and
 * a bit in the per-story masks, and which bits every entity and every keyword sets. Immutable once built.
 */
final class TopicRules {
    static final int KIND_ENTITY = 0;
    static final int KIND_KEYWORDS = 1;
    static final int KIND_TOGETHER = 2;
    static final int SCOPE_STORY = 0;
    static final int SCOPE_HEADLINE = 1;
    static final int SCOPE_LEAD = 2;
    static final int SCOPE_SENTENCE = 3;
    static final int SCOPE_PARAGRAPH = 4;

    final CompiledTopic[] topics;
    /**
     * The order topics are scored in: a topic after those it yields to ({@code yields_to}), which must be decided
     * first; otherwise the taxonomy's order.
     */
    final int[] order;
    /** Longs per mask of groups; the groups (by bit) each entity and each keyword belongs to. */
    final int maskWords;
    final long[] entityBits;
    final long[] keywordBits;
    /** Whether an entity or a keyword has any bit in {@link #entityBits} or {@link #keywordBits}: most have none. */
    final boolean[] entityCounts;
    final boolean[] keywordCounts;

    private final EntityDef[] entities;
    private final Gazetteer gazetteer;

    TopicRules(Taxonomy taxonomy, Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.entities = gazetteer.entities;
        topics = new CompiledTopic[taxonomy.topics().size()];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = compileTopic(taxonomy.topics().get(t));
        }
        int keywords = gazetteer.keywordCount();
        // Every group of every rule gets a bit; a rule's groups share one 64-bit word of the masks.
        int bit = 0;
        for (CompiledTopic t : topics) {
            for (int r = 0; r < t.rules.length; r++) {
                CompiledGroup[] groups = t.rules[r].groups();
                if ((bit & 63) + groups.length > 64) {
                    bit = (bit + 63) & ~63;
                }
                t.ruleWord[r] = bit >>> 6;
                for (CompiledGroup g : groups) {
                    g.keywordSet = new boolean[keywords];
                    for (int k : g.keywords) {
                        g.keywordSet[k] = true;
                    }
                    g.bit = bit++;
                    t.ruleBits[r] |= 1L << (g.bit & 63);
                }
            }
            t.sentenceRule = firstRequired(t, KIND_TOGETHER, SCOPE_SENTENCE);
            t.passingRule = t.def.notInPassing() ? t.sentenceRule : -1;
            if (t.passingRule >= 0) {
                for (CompiledGroup g : t.rules[t.passingRule].groups()) {
                    t.passingKeywordBits |= g.keywords.length > 0 ? 1L << (g.bit & 63) : 0;
                }
                int named = firstRequired(t, KIND_ENTITY, -1);
                t.headlineRule = named >= 0 ? named : t.passingRule;
            }
        }
        maskWords = Math.max(1, (bit + 63) >>> 6);
        order = yieldOrder();
        entityBits = new long[entities.length * maskWords];
        keywordBits = new long[keywords * maskWords];
        for (CompiledTopic t : topics) {
            for (CompiledRule r : t.rules) {
                if (r.kind() == KIND_KEYWORDS) {
                    continue; // counted from the keywords found, not from masks
                }
                for (CompiledGroup g : r.groups()) {
                    int w = g.bit >>> 6;
                    long b = 1L << (g.bit & 63);
                    for (int e = 0; e < entities.length; e++) {
                        if (g.entity[e]) {
                            entityBits[e * maskWords + w] |= b;
                        }
                    }
                    if (r.kind() == KIND_TOGETHER) { // an entity rule counts entities only
                        for (int k : g.keywords) {
                            keywordBits[k * maskWords + w] |= b;
                        }
                    }
                }
            }
        }
        entityCounts = anyBits(entityBits, entities.length, maskWords);
        keywordCounts = anyBits(keywordBits, keywords, maskWords);
    }

    private static boolean[] anyBits(long[] bits, int n, int words) {
        boolean[] any = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int w = 0; w < words; w++) {
                any[i] |= bits[i * words + w] != 0;
            }
        }
        return any;
    }

    /**
     * Resolves each topic's {@code yields_to} to topic numbers, keeping those with a required one-sentence rule
     * on both sides (what {@code taxonomy check} asks for), and orders the topics so each comes after those it
     * yields to. A cycle, which {@code taxonomy check} reports, leaves the rest in the taxonomy's order.
     */
    private int[] yieldOrder() {
        Map<String, Integer> index = new HashMap<>();
        for (int t = 0; t < topics.length; t++) {
            index.put(topics[t].def.id(), t);
        }
        for (CompiledTopic t : topics) {
            t.yieldsTo = t.sentenceRule < 0 ? new int[0] : t.def.yieldsTo().stream().map(index::get)
                    .filter(o -> o != null && topics[o] != t && topics[o].sentenceRule >= 0).mapToInt(Integer::intValue).toArray();
        }
        int[] out = new int[topics.length];
        boolean[] placed = new boolean[topics.length];
        int n = 0;
        for (boolean progress = true; progress && n < topics.length; ) {
            progress = false;
            for (int t = 0; t < topics.length; t++) {
                if (!placed[t] && Arrays.stream(topics[t].yieldsTo).allMatch(o -> placed[o])) {
                    placed[t] = true;
                    out[n++] = t;
                    progress = true;
                }
            }
        }
        for (int t = 0; t < topics.length; t++) {
            if (!placed[t]) {
                topics[t].yieldsTo = new int[0];
                out[n++] = t;
            }
        }
        return out;
    }

    /** The first required rule of a topic of this kind and, unless {@code scope} is -1, this scope; or -1. */
    private static int firstRequired(CompiledTopic t, int kind, int scope) {
        for (int r = 0; r < t.rules.length; r++) {
            CompiledRule rule = t.rules[r];
            if (rule.kind() == kind && (scope < 0 || rule.scopeCode() == scope) && rule.def().required()) {
                return r;
            }
        }
        return -1;
    }

    private CompiledTopic compileTopic(TopicDef def) {
        CompiledRule[] rules = new CompiledRule[def.rules().size()];
        for (int r = 0; r < rules.length; r++) {
            TopicDef.Rule rule = def.rules().get(r);
            CompiledGroup[] groups;
            if ("together".equals(rule.kind())) {
                groups = new CompiledGroup[rule.groups().size()];
                for (int g = 0; g < groups.length; g++) {
                    groups[g] = group(rule.groups().get(g).entities(), rule.groups().get(g).keywords());
                }
            } else {
                groups = new CompiledGroup[] {group(rule.entities(), rule.keywords())};
            }
            rules[r] = new CompiledRule(rule, rule.scopeOrDefault(), groups);
        }
        CompiledTopic t = new CompiledTopic(def, rules);
        t.fromDay = StoryDates.parse(def.from(), false);
        t.unless = def.unless().stream().mapToInt(gazetteer::keywordId).toArray();
        return t;
    }

    private CompiledGroup group(List<String> ids, List<String> kws) {
        boolean[] ent = new boolean[entities.length];
        Set<String> set = new HashSet<>(ids);
        for (int e = 0; e < entities.length; e++) {
            if (set.contains(entities[e].id())) {
                ent[e] = true;
            } else {
                for (String a : entities[e].affiliations()) {
                    if (set.contains(a)) {
                        ent[e] = true;
                        break;
                    }
                }
            }
        }
        int[] kwIds = kws.stream().mapToInt(gazetteer::keywordId).toArray();
        StringBuilder d = new StringBuilder();
        for (String id : ids) {
            d.append(d.isEmpty() ? "" : "/").append(id);
        }
        for (int k = 0; k < Math.min(4, kws.size()); k++) {
            d.append(d.isEmpty() ? "" : "/").append('"').append(kws.get(k)).append('"');
        }
        if (kws.size() > 4) {
            d.append("/...");
        }
        return new CompiledGroup(ent, kwIds, d.toString());
    }

    /** One group of a rule: the entities (with their affiliates) and keywords that count as a member. */
    static final class CompiledGroup {
        final boolean[] entity;
        final int[] keywords;
        final String describe;
        /** Keyword id to membership, filled once every keyword has its id. */
        boolean[] keywordSet;
        /** This group's bit in the story's masks. */
        int bit;

        /** Whether any entity is a member: a group of keywords only need not walk a story's matches. */
        final boolean anyEntity;

        CompiledGroup(boolean[] entity, int[] keywords, String describe) {
            this.entity = entity;
            this.keywords = keywords;
            this.describe = describe;
            boolean any = false;
            for (int e = 0; e < entity.length && !any; e++) {
                any = entity[e];
            }
            this.anyEntity = any;
        }

        boolean[] entity() {
            return entity;
        }

        String describe() {
            return describe;
        }

        boolean hasKeyword(int kw) {
            return keywordSet[kw];
        }
    }

    /** A rule with its groups, and its kind and scope as numbers for the switches in the scorer. */
    record CompiledRule(TopicDef.Rule def, String scope, CompiledGroup[] groups, int kind, int scopeCode) {
        CompiledRule(TopicDef.Rule def, String scope, CompiledGroup[] groups) {
            this(def, scope, groups, switch (def.kind()) {
                case "entity" -> KIND_ENTITY;
                case "keywords" -> KIND_KEYWORDS;
                default -> KIND_TOGETHER;
            }, switch (scope) {
                case "headline" -> SCOPE_HEADLINE;
                case "lead" -> SCOPE_LEAD;
                case "sentence" -> SCOPE_SENTENCE;
                case "paragraph" -> SCOPE_PARAGRAPH;
                default -> SCOPE_STORY;
            });
        }

        String describe() {
            return switch (def.kind()) {
                case "entity" -> "entity " + groups[0].describe() + " in " + scope;
                case "keywords" -> "keywords " + groups[0].describe() + " in " + scope
                        + " (each " + def.weight() + ", up to " + Math.max(1, def.max()) + ")";
                default -> {
                    StringBuilder b = new StringBuilder("together in one " + scope + ":");
                    for (CompiledGroup g : groups) {
                        b.append(" [").append(g.describe()).append(']');
                    }
                    yield b.toString();
                }
            };
        }
    }

    /** A topic's rules, and per rule where its group bits are in the masks. */
    static final class CompiledTopic {
        final TopicDef def;
        final CompiledRule[] rules;

        /** Per rule: the word of the masks its groups are in, and their bits. */
        final int[] ruleWord;
        final long[] ruleBits;
        /** Stories dated before this day are not about the topic; the keyword ids that veto it. */
        long fromDay = StoryDates.NONE;
        int[] unless = new int[0];
        /** The topic's required one-sentence together rule, or -1. */
        int sentenceRule = -1;
        /** The topics this one yields to ({@code yields_to}), by number; each has a required one-sentence rule. */
        int[] yieldsTo = new int[0];
        /**
         * For a topic {@code not_in_passing}: its required one-sentence rule (or -1), and the bits of that
         * rule's groups of keywords.
         */
        int passingRule = -1;
        long passingKeywordBits;
        /**
         * The rule whose entities, named in the headline, make the topic's one sentence more than a passing
         * mention: its required entity rule (the war's Ukraine), else the one-sentence rule itself.
         */
        int headlineRule = -1;

        CompiledTopic(TopicDef def, CompiledRule[] rules) {
            this.def = def;
            this.rules = rules;
            this.ruleWord = new int[rules.length];
            this.ruleBits = new long[rules.length];
        }
    }
}
