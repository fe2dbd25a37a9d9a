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
    private final boolean[] aliasDemonym;

    EntityTags(Gazetteer g) {
        this.entities = g.entities;
        this.aliasText = g.aliasText;
        this.aliasDemonym = g.aliasDemonym;
    }

    /**
     * Whether {@code src[from, to)} is part of a word joined by a hyphen, or "$": "UK-US talks", "the India-South
     * Africa test", "U.S.-based", "then-U.S.", "mid-Mississippi", "US$ 24 billion", "the Arafat-Netanyahu
     * meeting", "the Real Madrid-Barcelona game". A name there modifies the word as an adjective does (the story
     * names the talks, the game), so it is listed apart with the names it stands inside; it counts for the entity
     * as a mention does.
     */
    static boolean inCompound(String src, int from, int to) {
        if (from >= 2 && src.charAt(from - 1) == '-') {
            char c = src.charAt(from - 2);
            if (Character.isLetterOrDigit(c) || c == '.') {
                return true;
            }
        }
        if (to < src.length()) {
            char c = src.charAt(to);
            return c == '$' || c == '-' && to + 1 < src.length() && Character.isLetter(src.charAt(to + 1));
        }
        return false;
    }

    /** Relevance by whole weight: weights are sums of the whole numbers above, so the exponential is read, not computed. */
    private static final double[] RELEVANCE = new double[64];

    static {
        for (int w = 0; w < RELEVANCE.length; w++) {
            RELEVANCE[w] = relevanceOf(w);
        }
    }

    /** An entity's relevance from its weight: 1 - e^(-weight/4), to two decimals (3 -> 0.53, 8 -> 0.86). */
    static double relevance(double weight) {
        int w = (int) weight;
        return w == weight && w >= 0 && w < RELEVANCE.length ? RELEVANCE[w] : relevanceOf(weight);
    }

    private static double relevanceOf(double weight) {
        return Math.round((1 - Math.exp(-weight / 4)) * 100) / 100.0;
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
        // Each slot's matches in match order, gathered in one pass (a counting sort by slot).
        int matches = s.matches;
        int[] groupStart = s.groupStart(used + 1);
        for (int m = 0; m < matches; m++) {
            int e = s.mEntity[m];
            if (e >= 0 && s.entitySlot[e] >= 0) {
                groupStart[s.entitySlot[e] + 1]++;
            }
        }
        for (int k = 0; k < used; k++) {
            groupStart[k + 1] += groupStart[k];
        }
        int[] grouped = s.grouped(matches);
        int[] cursor = s.cursor;
        System.arraycopy(groupStart, 0, cursor, 0, used);
        for (int m = 0; m < matches; m++) {
            int e = s.mEntity[m];
            if (e >= 0 && s.entitySlot[e] >= 0) {
                grouped[cursor[s.entitySlot[e]]++] = m;
            }
        }
        List<EntityTag> out = new ArrayList<>(used);
        for (int i = 0; i < used; i++) {
            int k = order[i];
            int e = s.slotEntity[k];
            EntityDef def = entities[e];
            int size = groupStart[k + 1] - groupStart[k];
            Mention[] buf = s.mentionBuffer(size);
            int n = 0;
            Mention[] dem = null; // mentions by a demonym ("Polish"), listed apart from the names
            int d = 0;
            Mention[] within = null; // inside a longer name or word ("Rubber Board of India", "UK-US"), apart too
            int in = 0;
            int prevToken = -1;
            String prevText = null;
            boolean inOrder = true; // token order is mention order: the headline's tokens come first
            for (int g = groupStart[k]; g < groupStart[k + 1]; g++) {
                int m = grouped[g];
                int f = s.mFirst[m];
                inOrder &= f >= prevToken;
                prevToken = f;
                int l = s.mLast[m];
                boolean inHeadline = Tagger.field(tk, f) == Tagger.HEADLINE;
                String src = inHeadline ? headline : body;
                int from = tk.start[f];
                int to = tk.nameEnd(l, src);
                // An entity named again the same way shares the text of its mention before (just made, in cache).
                String text = prevText != null && prevText.length() == to - from
                        && src.regionMatches(from, prevText, 0, to - from) ? prevText : src.substring(from, to);
                prevText = text;
                Mention mention = new Mention(inHeadline ? "headline" : "body", from, to, text);
                boolean demonym = aliasDemonym[s.mAlias[m]];
                if (s.mWithin[m] || inCompound(src, from, to)) {
                    if (within == null) {
                        within = s.insideBuffer(size);
                    }
                    within[in++] = mention;
                } else if (demonym) {
                    if (dem == null) {
                        dem = s.demonymBuffer(size);
                    }
                    dem[d++] = mention;
                } else {
                    buf[n++] = mention;
                }
                if (explain != null) {
                    explain.mention(def.id(), mention, aliasText.get(s.mAlias[m]), demonym, explain.whyOf(m));
                }
            }
            if (n + d + in == 0) {
                continue; // every mention gave way to a longer name the name finder read (NameFinder.markCovered)
            }
            if (!inOrder) { // a surname the name finder joined comes after the matches
                Arrays.sort(buf, 0, n, MENTION_ORDER);
                if (d > 0) {
                    Arrays.sort(dem, 0, d, MENTION_ORDER);
                }
                if (in > 0) {
                    Arrays.sort(within, 0, in, MENTION_ORDER);
                }
            }
            double relevance = relevance(s.slotWeight[k]);
            if (in > 0) {
                out.add(new EntityTag(def.id(), def.name(), def.type(), def.wikidata(), relevance, listOf(buf, n),
                        Boolean.TRUE, listOf(dem, d), listOf(within, in)));
                Arrays.fill(within, 0, in, null);
                if (d > 0) {
                    Arrays.fill(dem, 0, d, null);
                }
            } else if (d == 0) {
                out.add(new EntityTag(def.id(), def.name(), def.type(), def.wikidata(), relevance, listOf(buf, n)));
            } else {
                out.add(new EntityTag(def.id(), def.name(), def.type(), def.wikidata(), relevance, listOf(buf, n),
                        Boolean.TRUE, listOf(dem, d)));
                Arrays.fill(dem, 0, d, null);
            }
            Arrays.fill(buf, 0, n, null);
        }
        return out;
    }

    /** Most entities have one or two mentions: those lists hold them without an array. */
    private static List<Mention> listOf(Mention[] buf, int n) {
        return n == 0 ? List.of() : n == 1 ? List.of(buf[0]) : n == 2 ? List.of(buf[0], buf[1]) : List.of(Arrays.copyOf(buf, n));
    }

    private static final java.util.Comparator<Mention> MENTION_ORDER = java.util.Comparator
            .comparing((Mention m) -> !m.field().equals("headline")).thenComparingInt(Mention::start);

    private static boolean before(Scratch s, int a, int b) {
        int c = Double.compare(s.slotWeight[b], s.slotWeight[a]);
        return c != 0 ? c < 0 : s.slotFirst[a] < s.slotFirst[b];
    }

}
