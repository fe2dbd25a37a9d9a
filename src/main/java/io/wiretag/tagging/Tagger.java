package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import io.wiretag.story.TopicTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tags a story with the entities it names and the topics it covers, from a compiled {@link Taxonomy}.
 * Names are found by one pass over the story's tokens through a token trie, so the cost per story does not
 * grow with the number of aliases. Immutable and thread-safe (each thread reuses its own scratch space).
 */
public final class Tagger {
    static final int HEADLINE = 0;
    static final int BODY = 1;

    private static final byte TARGET_ENTITY = Gazetteer.TARGET_ENTITY;
    private static final byte TARGET_SHARED = Gazetteer.TARGET_SHARED;

    private final Taxonomy taxonomy;
    private final Gazetteer gazetteer;
    private final EntityDef[] entities;

    private final List<String> aliasText;
    private final byte[] aliasTarget;
    private final int[] aliasRef;
    private final boolean[] aliasWordLike;
    private final List<Gazetteer.Shared> shared;

    private final List<String> keywordText;

    private final PhraseMatcher matcher;
    private final EntityResolver resolver;
    private final EntityTags entityTags;
    private final CompiledTopic[] topics;
    private final ThreadLocal<Scratch> scratch;

    private Tagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Gazetteer gz = new Gazetteer(taxonomy);
        this.gazetteer = gz;
        this.entities = gz.entities;
        this.aliasText = gz.aliasText;
        this.aliasTarget = gz.aliasTarget;
        this.aliasRef = gz.aliasRef;
        this.aliasWordLike = gz.aliasWordLike;
        this.shared = gz.shared;
        this.keywordText = gz.keywordText;
        this.matcher = new PhraseMatcher(gz);
        this.resolver = new EntityResolver(gz);
        this.entityTags = new EntityTags(gz);

        topics = new CompiledTopic[taxonomy.topics().size()];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = compileTopic(taxonomy.topics().get(t));
        }
        int keywords = gz.keywordCount();
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
        }
        maskWords = Math.max(1, (bit + 63) >>> 6);
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
        int ents = entities.length;
        int words = maskWords;
        int sharedNames = shared.size();
        scratch = ThreadLocal.withInitial(() -> new Scratch(ents, keywords, words, sharedNames));
    }

    /** Longs per mask of groups; the groups (by bit) each entity and each keyword belongs to. */
    private final int maskWords;
    private final long[] entityBits;
    private final long[] keywordBits;

    /** The field a token is in: {@link #HEADLINE} or {@link #BODY}. */
    static int field(Tokens tk, int token) {
        return token < tk.fieldStart[BODY] ? HEADLINE : BODY;
    }

    public static Tagger compile(Taxonomy taxonomy) {
        return new Tagger(taxonomy);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Number of names (aliases, ignore phrases, shared names) the matcher knows. */
    public int aliasCount() {
        return gazetteer.aliasCount();
    }

    public Tags tag(Story story) {
        return analyse(story, null).tags();
    }

    /** Tags a story and explains every decision, for taxonomy editors. */
    public Explanation explain(Story story) {
        Explanation.Builder b = new Explanation.Builder();
        Tags tags = analyse(story, b).tags();
        return b.build(story, tags);
    }

    // ------------------------------------------------------------------------------------------------
    // Matching

    private record Result(Tags tags) {
    }

    private Result analyse(Story story, Explanation.Builder explain) {
        Scratch s = scratch.get();
        Tokens tk = s.tokens;
        tk.reset();
        String headline = story.headline() == null ? "" : story.headline();
        String body = story.body() == null ? "" : story.body();
        tk.addField(HEADLINE, headline);
        tk.addField(BODY, body);
        int leadParagraph = tk.fieldStart[BODY] < tk.count ? tk.paragraph[tk.fieldStart[BODY]] : -1;
        matcher.matchNames(tk, s);
        matcher.matchWords(tk, s);
        try {
            resolver.resolve(tk, s, headline, body, leadParagraph, explain);
            List<EntityTag> entityList = entityTags.build(tk, s, headline, body, explain);
            groupMasks(tk, s, leadParagraph);
            List<TopicTag> topicTags = new ArrayList<>(2);
            for (CompiledTopic t : topics) {
                TopicTag tag = t.evaluate(tk, s, leadParagraph, explain);
                if (tag != null) {
                    topicTags.add(tag);
                }
            }
            return new Result(new Tags(entityList, topicTags, taxonomy.version()));
        } finally {
            s.clear();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Entities

    // ------------------------------------------------------------------------------------------------
    // Topics

    /**
     * The groups present in each unit of the story, as bits: the whole story, the headline, the lead, each
     * sentence and each paragraph. Topic rules then test bits instead of walking the mentions again.
     */
    private void groupMasks(Tokens tk, Scratch s, int leadParagraph) {
        int w = maskWords;
        s.resetMasks(tk.sentences, tk.paragraphs);
        int bodyStart = tk.fieldStart[BODY];
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e >= 0) {
                addBits(tk, s, entityBits, e * w, s.mFirst[m], bodyStart, leadParagraph);
            }
        }
        for (int k = 0; k < s.words; k++) {
            addBits(tk, s, keywordBits, s.wId[k] * w, s.wFirst[k], bodyStart, leadParagraph);
        }
    }

    private void addBits(Tokens tk, Scratch s, long[] bits, int from, int token, int bodyStart, int leadParagraph) {
        int w = maskWords;
        boolean headline = token < bodyStart;
        boolean lead = headline || tk.paragraph[token] == leadParagraph;
        int sent = tk.sentence[token] * w;
        int para = tk.paragraph[token] * w;
        for (int k = 0; k < w; k++) {
            long b = bits[from + k];
            if (b != 0) {
                s.storyMask[k] |= b;
                s.sentenceMask[sent + k] |= b;
                s.paragraphMask[para + k] |= b;
                if (headline) {
                    s.headlineMask[k] |= b;
                }
                if (lead) {
                    s.leadMask[k] |= b;
                }
            }
        }
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
            String scope = rule.scope() != null ? rule.scope() : "together".equals(rule.kind()) ? "sentence" : "story";
            rules[r] = new CompiledRule(rule, scope, groups);
        }
        return new CompiledTopic(def, rules);
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

    private static final class CompiledGroup {
        final boolean[] entity;
        final int[] keywords;
        final String describe;
        /** Keyword id to membership, filled once every keyword has its id. */
        boolean[] keywordSet;
        /** This group's bit in the story's masks. */
        int bit;

        CompiledGroup(boolean[] entity, int[] keywords, String describe) {
            this.entity = entity;
            this.keywords = keywords;
            this.describe = describe;
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

    private static final int KIND_ENTITY = 0;
    private static final int KIND_KEYWORDS = 1;
    private static final int KIND_TOGETHER = 2;
    private static final int SCOPE_STORY = 0;
    private static final int SCOPE_HEADLINE = 1;
    private static final int SCOPE_LEAD = 2;
    private static final int SCOPE_SENTENCE = 3;
    private static final int SCOPE_PARAGRAPH = 4;

    private record CompiledRule(TopicDef.Rule def, String scope, CompiledGroup[] groups, int kind, int scopeCode) {
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

    private final class CompiledTopic {
        final TopicDef def;
        final CompiledRule[] rules;

        /** Per rule: the word of the masks its groups are in, and their bits. */
        final int[] ruleWord;
        final long[] ruleBits;

        CompiledTopic(TopicDef def, CompiledRule[] rules) {
            this.def = def;
            this.rules = rules;
            this.ruleWord = new int[rules.length];
            this.ruleBits = new long[rules.length];
        }

        TopicTag evaluate(Tokens tk, Scratch s, int leadParagraph, Explanation.Builder explain) {
            if (explain != null) {
                return evaluateExplained(tk, s, leadParagraph, explain);
            }
            // The score from the masks and counters first; the evidence only for a topic that is assigned.
            double sum = 0;
            for (int r = 0; r < rules.length; r++) {
                CompiledRule rule = rules[r];
                double got = switch (rule.kind()) {
                    case KIND_ENTITY -> entityFired(rule, s, ruleWord[r], ruleBits[r]) ? rule.def().weight() : 0;
                    case KIND_KEYWORDS -> keywordRule(rule, tk, s, leadParagraph, null);
                    default -> togetherUnit(rule, tk, s, ruleWord[r], ruleBits[r]) >= 0 ? rule.def().weight() : 0;
                };
                if (got == 0 && rule.def().required()) {
                    return null;
                }
                sum += got;
            }
            double score = Math.round(Math.min(1.0, sum) * 100) / 100.0;
            if (score < def.threshold()) {
                return null;
            }
            List<String> evidence = new ArrayList<>(8);
            for (int r = 0; r < rules.length; r++) {
                CompiledRule rule = rules[r];
                switch (rule.kind()) {
                    case KIND_ENTITY -> entityRule(rule, tk, s, leadParagraph, evidence);
                    case KIND_KEYWORDS -> keywordRule(rule, tk, s, leadParagraph, evidence);
                    default -> {
                        int u = togetherUnit(rule, tk, s, ruleWord[r], ruleBits[r]);
                        if (u >= 0) {
                            evidence.add(togetherEvidence(rule, tk, s, u));
                        }
                    }
                }
            }
            return new TopicTag(def.id(), def.name(), def.iptc(), score, evidence);
        }

        private TopicTag evaluateExplained(Tokens tk, Scratch s, int leadParagraph, Explanation.Builder explain) {
            double sum = 0;
            boolean required = true;
            List<String> evidence = new ArrayList<>(4);
            for (CompiledRule r : rules) {
                int before = evidence.size();
                String near = null;
                double got;
                switch (r.kind()) {
                    case KIND_ENTITY -> got = entityRule(r, tk, s, leadParagraph, evidence);
                    case KIND_KEYWORDS -> got = keywordRule(r, tk, s, leadParagraph, evidence);
                    default -> {
                        String[] nearOut = explain == null ? null : new String[1];
                        got = togetherRule(r, tk, s, evidence, nearOut);
                        near = nearOut == null ? null : nearOut[0];
                    }
                }
                if (got == 0 && r.def().required()) {
                    required = false;
                }
                sum += got;
                if (explain != null) {
                    explain.rule(def.id(), r.describe() + (r.def().required() ? " (required)" : ""), got,
                            evidence.subList(before, evidence.size()), near);
                }
            }
            double score = Math.round(Math.min(1.0, sum) * 100) / 100.0;
            boolean assigned = required && score >= def.threshold();
            if (explain != null) {
                explain.topic(def.id(), def.name(), score, def.threshold(), assigned, required);
            }
            return assigned ? new TopicTag(def.id(), def.name(), def.iptc(), score, evidence) : null;
        }
    }

    private static boolean inScope(int scope, Tokens tk, int token, int leadParagraph) {
        return switch (scope) {
            case SCOPE_HEADLINE -> token < tk.fieldStart[BODY];
            case SCOPE_LEAD -> token < tk.fieldStart[BODY] || tk.paragraph[token] == leadParagraph;
            default -> true;
        };
    }

    /** Whether an entity rule's group has a member in its scope, from the masks. */
    private static boolean entityFired(CompiledRule r, Scratch s, int word, long bits) {
        long[] mask = switch (r.scopeCode()) {
            case SCOPE_HEADLINE -> s.headlineMask;
            case SCOPE_LEAD -> s.leadMask;
            default -> s.storyMask;
        };
        return (mask[word] & bits) != 0;
    }

    /** The first unit of a together rule's scope where every group has a member, or -1; from the masks. */
    private int togetherUnit(CompiledRule r, Tokens tk, Scratch s, int word, long bits) {
        int w = maskWords;
        switch (r.scopeCode()) {
            case SCOPE_SENTENCE -> {
                for (int u = 0, n = tk.sentences; u < n; u++) {
                    if ((s.sentenceMask[u * w + word] & bits) == bits) {
                        return u;
                    }
                }
                return -1;
            }
            case SCOPE_PARAGRAPH -> {
                for (int u = 0, n = tk.paragraphs; u < n; u++) {
                    if ((s.paragraphMask[u * w + word] & bits) == bits) {
                        return u;
                    }
                }
                return -1;
            }
            case SCOPE_HEADLINE -> {
                return (s.headlineMask[word] & bits) == bits ? 0 : -1;
            }
            default -> {
                return (s.storyMask[word] & bits) == bits ? 0 : -1;
            }
        }
    }

    /** What a together rule found in unit {@code u}: the first member of each group there. */
    private String togetherEvidence(CompiledRule r, Tokens tk, Scratch s, int u) {
        CompiledGroup[] groups = r.groups();
        int scope = r.scopeCode();
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < groups.length; g++) {
            b.append(g == 0 ? "" : " + ").append(member(groups[g], scope, tk, s, u));
        }
        return b.append(where(scope)).toString();
    }

    private static String where(int scope) {
        return switch (scope) {
            case SCOPE_SENTENCE -> " in one sentence";
            case SCOPE_PARAGRAPH -> " in one paragraph";
            case SCOPE_HEADLINE -> " in the headline";
            default -> " in the story";
        };
    }

    private double entityRule(CompiledRule r, Tokens tk, Scratch s, int lead, List<String> evidence) {
        boolean[] want = r.groups()[0].entity();
        int found = 0;
        int[] seen = s.seenEntities;
        for (int m = 0; m < s.matches && found < 3; m++) {
            int e = s.mEntity[m];
            if (e >= 0 && want[e] && inScope(r.scopeCode(), tk, s.mFirst[m], lead)) {
                boolean dup = false;
                for (int k = 0; k < found; k++) {
                    dup |= seen[k] == e;
                }
                if (!dup) {
                    seen[found++] = e;
                    evidence.add("entity: " + entities[e].id() + (r.scope().equals("story") ? "" : " in " + r.scope()));
                }
            }
        }
        return found > 0 ? r.def().weight() : 0;
    }

    private double keywordRule(CompiledRule r, Tokens tk, Scratch s, int lead, List<String> evidence) {
        CompiledGroup g = r.groups()[0];
        int max = Math.max(1, r.def().max());
        int found = 0;
        int[] seen = s.seenKeywords(max);
        for (int w = 0; w < s.words && found < max; w++) {
            int kw = s.wId[w];
            if (g.hasKeyword(kw) && inScope(r.scopeCode(), tk, s.wFirst[w], lead)) {
                boolean dup = false;
                for (int k = 0; k < found; k++) {
                    dup |= seen[k] == kw;
                }
                if (!dup) {
                    seen[found++] = kw;
                    if (evidence != null) {
                        evidence.add("keyword: " + keywordText.get(kw) + (r.scope().equals("story") ? "" : " in " + r.scope()));
                    }
                }
            }
        }
        return found * r.def().weight();
    }

    private double togetherRule(CompiledRule r, Tokens tk, Scratch s, List<String> evidence, String[] near) {
        CompiledGroup[] groups = r.groups();
        int scope = r.scopeCode();
        int units = scope == SCOPE_PARAGRAPH ? tk.paragraphs : scope == SCOPE_SENTENCE ? tk.sentences : 1;
        int[] mask = s.unitMask(units);
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e < 0) {
                continue;
            }
            int u = unit(scope, tk, s.mFirst[m]);
            if (u >= 0) {
                for (int g = 0; g < groups.length; g++) {
                    if (groups[g].entity()[e]) {
                        mask[u] |= 1 << g;
                    }
                }
            }
        }
        for (int w = 0; w < s.words; w++) {
            int u = unit(scope, tk, s.wFirst[w]);
            if (u >= 0) {
                for (int g = 0; g < groups.length; g++) {
                    if (groups[g].hasKeyword(s.wId[w])) {
                        mask[u] |= 1 << g;
                    }
                }
            }
        }
        int full = (1 << groups.length) - 1;
        int bestUnit = -1;
        int bestBits = 0;
        for (int u = 0; u < units; u++) {
            int bits = Integer.bitCount(mask[u]);
            if (mask[u] == full) {
                bestUnit = u;
                bestBits = bits;
                break;
            }
            if (bits > bestBits) {
                bestUnit = u;
                bestBits = bits;
            }
        }
        String where = where(scope);
        if (bestUnit >= 0 && mask[bestUnit] == full) {
            StringBuilder b = new StringBuilder();
            for (int g = 0; g < groups.length; g++) {
                b.append(g == 0 ? "" : " + ").append(member(groups[g], scope, tk, s, bestUnit));
            }
            evidence.add(b.append(where).toString());
            return r.def().weight();
        }
        if (near != null && bestUnit >= 0 && bestBits > 0) {
            StringBuilder b = new StringBuilder("nearly: ");
            boolean firstMissing = true;
            for (int g = 0; g < groups.length; g++) {
                if ((mask[bestUnit] & (1 << g)) != 0) {
                    b.append(member(groups[g], scope, tk, s, bestUnit)).append(" present, ");
                }
            }
            for (int g = 0; g < groups.length; g++) {
                if ((mask[bestUnit] & (1 << g)) == 0) {
                    b.append(firstMissing ? "but no " : " nor ").append('[').append(groups[g].describe()).append(']');
                    firstMissing = false;
                }
            }
            near[0] = b.append(where).toString();
        }
        return 0;
    }

    private static int unit(int scope, Tokens tk, int token) {
        return switch (scope) {
            case SCOPE_SENTENCE -> tk.sentence[token];
            case SCOPE_PARAGRAPH -> tk.paragraph[token];
            case SCOPE_HEADLINE -> token < tk.fieldStart[BODY] ? 0 : -1;
            default -> 0;
        };
    }

    /** The first member of a group found in a unit: an entity id or a quoted keyword. */
    private String member(CompiledGroup g, int scope, Tokens tk, Scratch s, int u) {
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e >= 0 && g.entity()[e] && unit(scope, tk, s.mFirst[m]) == u) {
                return entities[e].id();
            }
        }
        for (int w = 0; w < s.words; w++) {
            if (g.hasKeyword(s.wId[w]) && unit(scope, tk, s.wFirst[w]) == u) {
                return "\"" + keywordText.get(s.wId[w]) + "\"";
            }
        }
        return "?";
    }
}
