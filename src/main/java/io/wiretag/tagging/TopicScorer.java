package io.wiretag.tagging;

import static io.wiretag.tagging.TopicRules.KIND_ENTITY;
import static io.wiretag.tagging.TopicRules.KIND_KEYWORDS;
import static io.wiretag.tagging.TopicRules.SCOPE_HEADLINE;
import static io.wiretag.tagging.TopicRules.SCOPE_LEAD;
import static io.wiretag.tagging.TopicRules.SCOPE_PARAGRAPH;
import static io.wiretag.tagging.TopicRules.SCOPE_SENTENCE;

import io.wiretag.story.TopicTag;
import io.wiretag.tagging.TopicRules.CompiledGroup;
import io.wiretag.tagging.TopicRules.CompiledRule;
import io.wiretag.tagging.TopicRules.CompiledTopic;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a story's topics: sets the masks of rule groups present per unit of the story, scores each topic
 * from them, and writes the evidence for the topics assigned (and, when explaining, for every rule).
 */
final class TopicScorer {
    private final CompiledTopic[] topics;
    private final int maskWords;
    private final long[] entityBits;
    private final long[] keywordBits;
    private final EntityDef[] entities;
    private final List<String> keywordText;

    TopicScorer(TopicRules rules, Gazetteer gazetteer) {
        this.topics = rules.topics;
        this.maskWords = rules.maskWords;
        this.entityBits = rules.entityBits;
        this.keywordBits = rules.keywordBits;
        this.entities = gazetteer.entities;
        this.keywordText = gazetteer.keywordText;
    }

    /** The topics the story is about, from the entities the resolver kept and the keywords found. */
    List<TopicTag> score(Tokens tk, Scratch s, int leadParagraph, Explanation.Builder explain) {
        groupMasks(tk, s, leadParagraph);
        List<TopicTag> topicTags = new ArrayList<>(2);
        for (CompiledTopic t : topics) {
            TopicTag tag = evaluate(t, tk, s, leadParagraph, explain);
            if (tag != null) {
                topicTags.add(tag);
            }
        }
        return topicTags;
    }

    /**
     * The groups present in each unit of the story, as bits: the whole story, the headline, the lead, each
     * sentence and each paragraph. Topic rules then test bits instead of walking the mentions again.
     */
    private void groupMasks(Tokens tk, Scratch s, int leadParagraph) {
        int w = maskWords;
        s.resetMasks(tk.sentences, tk.paragraphs);
        int bodyStart = tk.fieldStart[Tagger.BODY];
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

    private TopicTag evaluate(CompiledTopic topic, Tokens tk, Scratch s, int leadParagraph, Explanation.Builder explain) {
        if (explain != null) {
            return evaluateExplained(topic, tk, s, leadParagraph, explain);
        }
        CompiledRule[] rules = topic.rules;
        int[] ruleWord = topic.ruleWord;
        long[] ruleBits = topic.ruleBits;
        TopicDef def = topic.def;
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

    private TopicTag evaluateExplained(CompiledTopic topic, Tokens tk, Scratch s, int leadParagraph,
                                       Explanation.Builder explain) {
        TopicDef def = topic.def;
        double sum = 0;
        boolean required = true;
        List<String> evidence = new ArrayList<>(4);
        for (CompiledRule r : topic.rules) {
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

    private static boolean inScope(int scope, Tokens tk, int token, int leadParagraph) {
        return switch (scope) {
            case SCOPE_HEADLINE -> token < tk.fieldStart[Tagger.BODY];
            case SCOPE_LEAD -> token < tk.fieldStart[Tagger.BODY] || tk.paragraph[token] == leadParagraph;
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
            case SCOPE_HEADLINE -> token < tk.fieldStart[Tagger.BODY] ? 0 : -1;
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
