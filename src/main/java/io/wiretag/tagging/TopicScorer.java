package io.wiretag.tagging;

import static io.wiretag.tagging.TopicRules.KIND_ENTITY;
import static io.wiretag.tagging.TopicRules.KIND_KEYWORDS;
import static io.wiretag.tagging.TopicRules.SCOPE_HEADLINE;
import static io.wiretag.tagging.TopicRules.SCOPE_LEAD;
import static io.wiretag.tagging.TopicRules.SCOPE_PARAGRAPH;
import static io.wiretag.tagging.TopicRules.SCOPE_SENTENCE;

import io.wiretag.story.TopicTag;
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
    private final boolean[] entityCounts;
    private final boolean[] keywordCounts;
    private final TopicEvidence rulesFound;
    private final int[] order;

    TopicScorer(TopicRules rules, Gazetteer gazetteer) {
        this.topics = rules.topics;
        this.order = rules.order;
        this.maskWords = rules.maskWords;
        this.entityBits = rules.entityBits;
        this.keywordBits = rules.keywordBits;
        this.entityCounts = rules.entityCounts;
        this.keywordCounts = rules.keywordCounts;
        this.rulesFound = new TopicEvidence(gazetteer, rules.entityCounts);
    }

    /** The topics the story is about, from the entities the resolver kept and the keywords found. */
    List<TopicTag> score(Tokens tk, Scratch s, int leadParagraph, Explanation.Builder explain) {
        groupMasks(tk, s, leadParagraph);
        // Scored in the order that decides a topic before those that yield to it; listed in the taxonomy's.
        TopicTag[] given = new TopicTag[topics.length];
        int n = 0;
        for (int t : order) {
            given[t] = evaluate(topics[t], tk, s, leadParagraph, given, explain);
            n += given[t] != null ? 1 : 0;
        }
        List<TopicTag> topicTags = new ArrayList<>(Math.max(2, n));
        for (TopicTag tag : given) {
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
            if (e >= 0 && entityCounts[e]) { // most entities and keywords are in no topic's groups
                addBits(tk, s, entityBits, e * w, s.mFirst[m], bodyStart, leadParagraph);
            }
        }
        for (int k = 0; k < s.words; k++) {
            int id = s.wId[k];
            if (keywordCounts[id]) {
                addBits(tk, s, keywordBits, id * w, s.wFirst[k], bodyStart, leadParagraph);
            }
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

    private TopicTag evaluate(CompiledTopic topic, Tokens tk, Scratch s, int leadParagraph, TopicTag[] given,
                              Explanation.Builder explain) {
        if (explain != null) {
            return evaluateExplained(topic, tk, s, leadParagraph, given, explain);
        }
        if (excluded(topic, tk, s, leadParagraph, given) != null) {
            return null;
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
                case KIND_KEYWORDS -> rulesFound.keywordRule(rule, tk, s, leadParagraph, null);
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
                case KIND_ENTITY -> rulesFound.entityRule(rule, tk, s, leadParagraph, evidence);
                case KIND_KEYWORDS -> rulesFound.keywordRule(rule, tk, s, leadParagraph, evidence);
                default -> {
                    int u = togetherUnit(rule, tk, s, ruleWord[r], ruleBits[r]);
                    if (u >= 0) {
                        evidence.add(rulesFound.togetherEvidence(rule, tk, s, u));
                    }
                }
            }
        }
        return new TopicTag(def.id(), def.name(), def.iptc(), score, evidence);
    }

    private TopicTag evaluateExplained(CompiledTopic topic, Tokens tk, Scratch s, int leadParagraph, TopicTag[] given,
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
                case KIND_ENTITY -> got = rulesFound.entityRule(r, tk, s, leadParagraph, evidence);
                case KIND_KEYWORDS -> got = rulesFound.keywordRule(r, tk, s, leadParagraph, evidence);
                default -> {
                    String[] nearOut = explain == null ? null : new String[1];
                    got = rulesFound.togetherRule(r, tk, s, evidence, nearOut);
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
        String excluded = excluded(topic, tk, s, leadParagraph, given);
        boolean assigned = required && score >= def.threshold() && excluded == null;
        if (explain != null && excluded != null) {
            explain.rule(def.id(), "not this topic: " + excluded, 0, List.of(), null);
        }
        if (explain != null) {
            explain.topic(def.id(), def.name(), score, def.threshold(), assigned, required);
        }
        return assigned ? new TopicTag(def.id(), def.name(), def.iptc(), score, evidence) : null;
    }

    /**
     * Why the topic cannot be the story's whatever its rules say, or null: the story is dated before the topic,
     * or a veto phrase is in its headline or lead, where what a story is about is said, or veto phrases stand in
     * two sentences or more further down (a feature on the Crimean War whose lead names only "the defence of
     * Sevastopol"). In one sentence further down, veto phrases are a passing mention ("the city came under
     * naval fire in 1854, during the Crimean War") and veto nothing. Then what {@link #yielded} and
     * {@link #inPassing} say.
     */
    private String excluded(CompiledTopic topic, Tokens tk, Scratch s, int leadParagraph, TopicTag[] given) {
        if (topic.fromDay != StoryDates.NONE && s.storyDay != StoryDates.NONE && s.storyDay < topic.fromDay) {
            return "the story is dated " + StoryDates.show(s.storyDay) + ", before " + StoryDates.show(topic.fromDay);
        }
        int further = 0; // sentences further down with a veto phrase, each counted once
        int sentence = -1;
        int first = -1;
        for (int k : topic.unless) {
            if (!s.wordSeen[k]) {
                continue;
            }
            for (int w = s.wordFirst[k]; w >= 0; w = s.wNext[w]) {
                int t = s.wFirst[w];
                if (t < tk.fieldStart[Tagger.BODY] || tk.paragraph[t] == leadParagraph) {
                    return "\"" + topic.def.unless().get(indexOf(topic.unless, k)) + "\" in the "
                            + (t < tk.fieldStart[Tagger.BODY] ? "headline" : "lead");
                }
                if (tk.sentence[t] != sentence && further++ == 0) {
                    first = k;
                }
                sentence = tk.sentence[t];
            }
        }
        return further >= 2 ? "\"" + topic.def.unless().get(indexOf(topic.unless, first)) + "\" and veto phrases in "
                + further + " sentences of the body" : yieldedOrPassing(topic, tk, s, leadParagraph, given);
    }

    private String yieldedOrPassing(CompiledTopic topic, Tokens tk, Scratch s, int leadParagraph, TopicTag[] given) {
        String why = yielded(topic, tk, s, given);
        return why != null ? why : inPassing(topic, tk, s, leadParagraph);
    }

    /**
     * For a topic that {@code yields_to} another the story was given, why the story leaves this one to it, or
     * null. It does unless this topic's required one-sentence rule holds in two sentences or more where that
     * topic's does not: an EU sanctions package "over Russia's war in Ukraine" names the war as the reason for
     * the sanctions, in the sentences that speak of them; a report of the war speaks of the war on its own.
     */
    private String yielded(CompiledTopic topic, Tokens tk, Scratch s, TopicTag[] given) {
        if (topic.yieldsTo.length == 0) {
            return null;
        }
        int w = maskWords;
        int word = topic.ruleWord[topic.sentenceRule];
        long all = topic.ruleBits[topic.sentenceRule];
        if ((s.storyMask[word] & all) != all) {
            return null;
        }
        for (int o : topic.yieldsTo) {
            if (given[o] == null) {
                continue;
            }
            CompiledTopic other = topics[o];
            int otherWord = other.ruleWord[other.sentenceRule];
            long otherAll = other.ruleBits[other.sentenceRule];
            int apart = 0;
            for (int u = 0, n = tk.sentences; u < n && apart < 2; u++) {
                if ((s.sentenceMask[u * w + word] & all) == all && (s.sentenceMask[u * w + otherWord] & otherAll) != otherAll) {
                    apart++;
                }
            }
            if (apart < 2) {
                return "left to " + other.def.id() + ", which the story is given: " + (apart == 0 ? "no sentence"
                        : "one sentence only") + " holds this topic's required rule without that topic's";
            }
        }
        return null;
    }

    /**
     * For a topic {@code not_in_passing}, why the story names it only in passing, or null. It does when its
     * required one-sentence rule holds in one sentence only, no other sentence has one of that rule's keywords,
     * the headline has none of them nor an entity of the topic's required entity rule (for the war: nothing
     * Ukrainian), and that sentence is not the body's first, which says what a story is about. A sentence of the
     * lead paragraph is passing only under a headline that names none of the rule's entities at all: a
     * lead is where a story says what it is about, unless its headline says something else.
     *
     * <p>A festival report that recalls "a director killed by Russian troops in Mariupol"; a central bank's rate
     * decision whose lead gives "the war in Ukraine" as one reason for waiting; a Victory Day parade in Moscow
     * with veterans of the "special military operation": the one sentence is all they say of the war. A report
     * of the war names it in its headline or its first sentence, or speaks of it in more than one sentence.
     */
    private String inPassing(CompiledTopic topic, Tokens tk, Scratch s, int leadParagraph) {
        int r = topic.passingRule;
        if (r < 0) {
            return null;
        }
        int w = maskWords;
        int word = topic.ruleWord[r];
        long all = topic.ruleBits[r];
        if ((s.storyMask[word] & all) != all) {
            return null; // the rule holds nowhere: most stories
        }
        long keywords = topic.passingKeywordBits;
        int held = -1;
        for (int u = 0, n = tk.sentences; u < n; u++) {
            long m = s.sentenceMask[u * w + word];
            if ((m & all) == all) {
                if (held >= 0) {
                    return null;
                }
                held = u;
            } else if ((m & keywords) != 0) {
                return null;
            }
        }
        int body = tk.fieldStart[Tagger.BODY];
        if (held < 0 || body >= tk.count || held <= tk.sentence[body]) {
            return null;
        }
        int h = topic.headlineRule;
        long[] headline = s.headlineMask;
        if ((headline[word] & keywords) != 0 || (headline[topic.ruleWord[h]] & topic.ruleBits[h]) != 0) {
            return null;
        }
        boolean lead = tk.paragraph[firstTokenOf(tk, held)] == leadParagraph;
        if (lead && (headline[word] & all) != 0) {
            return null;
        }
        return "named in passing: one sentence " + (lead ? "of the lead, not its first," : "past the lead")
                + " holds its required rule, no other sentence has one of that rule's keywords, and the headline"
                + (lead ? " names none of it" : " names neither those nor " + topic.rules[h].groups()[0].describe());
    }

    /** The first token of a sentence (sentences are numbered in token order). */
    private static int firstTokenOf(Tokens tk, int sentence) {
        int lo = 0;
        int hi = tk.count - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tk.sentence[mid] < sentence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
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
}
