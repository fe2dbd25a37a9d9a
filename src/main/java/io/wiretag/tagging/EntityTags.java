package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the resolved matches of a story into its entity tags: mentions, relevance, and their order. */
final class EntityTags {
    private static final double HEADLINE_WEIGHT = 3;
    private static final double LEAD_WEIGHT = 2;
    private static final double BODY_WEIGHT = 1;

    private final EntityDef[] entities;
    private final List<String> aliasText;

    EntityTags(Gazetteer g) {
        this.entities = g.entities;
        this.aliasText = g.aliasText;
    }

    /** What one mention at {@code token} adds to its entity's weight: more in the headline and the lead. */
    static double weight(Tokens tk, int token, int leadParagraph) {
        return token < tk.fieldStart[Tagger.BODY] ? HEADLINE_WEIGHT
                : tk.paragraph[token] == leadParagraph ? LEAD_WEIGHT : BODY_WEIGHT;
    }

    /** The entity tags from the slots {@link EntityResolver#resolve} filled, most relevant first. */
    List<EntityTag> build(Tokens tk, Scratch s, String headline, String body, Explanation.Builder explain) {
        int used = s.usedSlots;
        // Most relevant first, then by first mention: an insertion sort of slot numbers, no boxing.
        int[] order = s.order(used);
        for (int k = 0; k < used; k++) {
            int j = k;
            while (j > 0 && before(s, k, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = k;
        }
        List<EntityTag> out = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            int k = order[i];
            int e = s.slotEntity[k];
            EntityDef def = entities[e];
            Mention[] buf = s.mentionBuffer(s.matches - s.slotFirst[k]);
            int n = 0;
            int prevToken = -1;
            boolean inOrder = true; // token order is mention order: the headline's tokens come first
            for (int m = s.slotFirst[k]; m < s.matches; m++) {
                if (s.mEntity[m] == e) {
                    int f = s.mFirst[m];
                    inOrder &= f >= prevToken;
                    prevToken = f;
                    int l = s.mLast[m];
                    Mention mention = new Mention(Tagger.field(tk, f) == Tagger.HEADLINE ? "headline" : "body",
                            tk.start[f], tk.end[l], mentionText(tk, f, l, headline, body));
                    buf[n++] = mention;
                    if (explain != null) {
                        explain.mention(def.id(), mention, aliasText.get(s.mAlias[m]), explain.whyOf(m));
                    }
                }
            }
            if (n == 0) {
                continue; // every mention gave way to a longer name the name finder read (NameFinder.markCovered)
            }
            if (!inOrder) { // a surname the name finder joined comes after the matches
                Arrays.sort(buf, 0, n, MENTION_ORDER);
            }
            // Most entities have one or two mentions: those lists hold them without an array, and EntityTag keeps
            // an immutable list as it is.
            List<Mention> mentions = n == 1 ? List.of(buf[0]) : n == 2 ? List.of(buf[0], buf[1])
                    : List.of(Arrays.copyOf(buf, n));
            Arrays.fill(buf, 0, n, null);
            double relevance = Math.round((1 - Math.exp(-s.slotWeight[k] / 4)) * 100) / 100.0;
            out.add(new EntityTag(def.id(), def.name(), def.type(), def.wikidata(), relevance, mentions));
        }
        return out;
    }

    private static final java.util.Comparator<Mention> MENTION_ORDER = java.util.Comparator
            .comparing((Mention m) -> !m.field().equals("headline")).thenComparingInt(Mention::start);

    private static boolean before(Scratch s, int a, int b) {
        int c = Double.compare(s.slotWeight[b], s.slotWeight[a]);
        return c != 0 ? c < 0 : s.slotFirst[a] < s.slotFirst[b];
    }

    /**
     * The text of a mention as the story writes it. A copy of the span: comparing it with the alias's own
     * String first, to share that, cost more than the copy (the alias's chars are rarely in cache).
     */
    private static String mentionText(Tokens tk, int first, int last, String headline, String body) {
        String src = first < tk.fieldStart[Tagger.BODY] ? headline : body;
        return src.substring(tk.start[first], tk.end[last]);
    }
}
