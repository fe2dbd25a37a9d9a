package io.wiretag.tagging;

/**
 * Which place a place name the gazetteer matched is in this story, for the {@link NameFinder}: another place
 * of that name ("Cairo, Illinois"), a river ("down the Mississippi."), and the AP abbreviations of the states
 * after a place ("CAIRO, Ill."), which name the state. A mention given up here is marked
 * {@link NameFinder#ELSEWHERE}, and the name finder reads it as a name of its own.
 */
final class PlaceSenses {
    private final NameCues cues;
    private final boolean[] entityIsPlace;
    private final boolean[] entityIsCountry;
    /** Each entity's affiliations, as entity numbers (Kyiv: Ukraine). */
    private final int[][] affiliations;
    private final String[] entityIds;
    private final int unitedStates;
    /** The folded hashes of the state abbreviations ({@link NameCues#US_STATES}) and their entities. */
    private final long[] stateHash;
    private final int[] stateEntity;
    /** An alias of each entity that names it alone, for the mentions linked here (-1: none). */
    private final int[] ownAlias;
    private final boolean[] riverState;

    PlaceSenses(Gazetteer g, NameCues cues, boolean[] entityIsPlace, boolean[] entityIsCountry, int[][] affiliations) {
        this.cues = cues;
        this.entityIsPlace = entityIsPlace;
        this.entityIsCountry = entityIsCountry;
        int n = g.entities.length;
        this.affiliations = affiliations;
        this.entityIds = new String[n];
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int e = 0; e < n; e++) {
            index.put(g.entities[e].id(), e);
            entityIds[e] = g.entities[e].id();
        }
        this.unitedStates = index.getOrDefault("united-states", -1);
        this.stateHash = new long[NameCues.US_STATES.length];
        this.stateEntity = new int[NameCues.US_STATES.length];
        for (int k = 0; k < stateHash.length; k++) {
            Tokens t = Tokens.of(NameCues.US_STATES[k][0]);
            stateHash[k] = t.lower[t.count - 1];
            stateEntity[k] = index.getOrDefault(NameCues.US_STATES[k][1], -1);
        }
        this.riverState = new boolean[n];
        for (String id : NameCues.RIVER_STATES) {
            Integer e = index.get(id);
            if (e != null) {
                riverState[e] = true;
            }
        }
        this.ownAlias = new int[n];
        java.util.Arrays.fill(ownAlias, -1);
        for (int a = g.aliasTarget.length - 1; a >= 0; a--) {
            if (g.aliasTarget[a] == Gazetteer.TARGET_ENTITY && g.aliasRef[a] >= 0 && g.aliasRef[a] < n) {
                ownAlias[g.aliasRef[a]] = a;
            }
        }
    }

    /**
     * A place the gazetteer knows followed by ", " and a state or country it is not in ("Cairo, Illinois",
     * "St. Petersburg, Fla.", "Odessa, Texas") is another place of that name: every mention of that entity in
     * the story is left to the name finder, which reads it as a place of its own, so it counts for no
     * country's topic. Not in a list of places ("Moscow, Kyiv and Washington", "Moscow, Kyiv, Washington").
     */
    void elsewhere(Tokens tk, Scratch s, String headline, String body, Explanation.Builder explain) {
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e < 0 || !entityIsPlace[e]) {
                continue;
            }
            int last = s.mLast[m];
            int r = last + 1;
            if (r >= tk.count || tk.start[r] != tk.end[last] + 2) {
                continue; // most places: not two chars (", ") before the next word
            }
            String text = Tagger.source(tk, last, headline, body);
            if (!commaBetween(tk, text, last, r)) {
                continue;
            }
            String region = null;
            if (stateAbbreviation(tk, text, r)) {
                region = unitedStates >= 0 && !affiliated(e, unitedStates) ? text.substring(tk.start[r], tk.end[r]) : null;
            } else {
                int m2 = matchAt(s, m + 1, r);
                int e2 = m2 < 0 ? -1 : s.mEntity[m2];
                if (e2 >= 0 && (entityIsPlace[e2] || entityIsCountry[e2]) && outside(e, e2)
                        && NameText.closes(text, tk.end[s.mLast[m2]]) && !placeListGoesOn(tk, s, text, m2)) {
                    region = entityIds[e2];
                }
            }
            if (region == null) {
                continue;
            }
            for (int k = 0; k < s.matches; k++) {
                if (s.mEntity[k] == e) {
                    s.mEntity[k] = NameFinder.ELSEWHERE;
                    if (explain != null) {
                        explain.why(k, "another place of this name (\"" + Tagger.span(tk, s.mFirst[m], last, headline, body)
                                + ", " + region + "\"), read by the name finder");
                    }
                }
            }
        }
    }

    /**
     * The name of a state that shares it with a river, after "the" and before a full stop, comma or the end ("down
     * the Mississippi.", "on the Ohio, officials said"), is the river: no one writes "the Ohio." of the state;
     * so is "the Mississippi" anywhere in a story that names the Mississippi River in full ("The Mississippi
     * receded", "pushed the Mississippi and smaller rivers over their banks"). Left to the name finder,
     * which reads it as a place of its own.
     */
    void rivers(Tokens tk, Scratch s, NameWork w, String headline, String body, Explanation.Builder explain) {
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            int f = s.mFirst[m];
            if (e < 0 || !riverState[e] || f == 0
                    || tk.sentence[f - 1] != tk.sentence[f] || Tagger.field(tk, f - 1) != Tagger.field(tk, f)) {
                continue;
            }
            String text = Tagger.source(tk, f, headline, body);
            if (tk.lower[f - 1] != THE || NameText.gap(text, tk.end[f - 1], tk.start[f]) != NameText.GAP_SPACE
                    || !NameText.closes(text, tk.end[s.mLast[m]]) && !riverNamedInFull(tk, f)) {
                continue;
            }
            s.mEntity[m] = NameFinder.ELSEWHERE;
            w.riverAt[f] = w.stamp;
            if (explain != null) {
                explain.why(m, "a river (\"the\" before it), read by the name finder");
            }
        }
    }

    private static final long THE = Tokens.hashLower("the");
    private static final long RIVER = Tokens.hashLower("river");

    /** Whether the story names the river of token {@code t}'s name in full somewhere ("Mississippi River"). */
    private static boolean riverNamedInFull(Tokens tk, int t) {
        long name = tk.lower[t];
        for (int k = 0; k + 1 < tk.count; k++) {
            if (tk.lower[k] == name && tk.lower[k + 1] == RIVER && tk.sentence[k] == tk.sentence[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A state's abbreviation right after "<capitalised word>, " ("CAIRO, Ill.", "Albany, N.Y."), which the scan
     * set aside, is a mention of that state: it joins the gazetteer's matches, as a surname joins its person's.
     */
    void linkStateAbbreviations(Tokens tk, Scratch s, NameWork w, int leadParagraph, Explanation.Builder explain) {
        for (int k = 0; k < w.states; k++) {
            int t = w.stateToken[k];
            int e = -1;
            for (int i = 0; i < stateHash.length; i++) {
                if (stateHash[i] == tk.lower[t]) {
                    e = stateEntity[i];
                    break;
                }
            }
            if (e < 0 || ownAlias[e] < 0) {
                continue;
            }
            s.addMatch(t, t, ownAlias[e]);
            int m = s.matches - 1;
            int slot = s.slotFor(e, m);
            s.mEntity[m] = e;
            s.slotWeight[slot] += EntityTags.weight(tk, t, leadParagraph);
            s.slotMentions[slot]++;
            if (explain != null) {
                explain.why(m, "the state's abbreviation after a place");
            }
        }
    }

    /** Whether tokens {@code a} and {@code b} are one comma and one space apart, in one sentence and field. */
    static boolean commaBetween(Tokens tk, String text, int a, int b) {
        return NameFinder.sameSentence(tk, a, b) && tk.start[b] == tk.end[a] + 2 && text.charAt(tk.end[a]) == ',' && text.charAt(tk.end[a] + 1) == ' ';
    }

    /** Whether token {@code t} is a state's abbreviation as AP writes it: "Ill.", "Fla.", "N.Y.". */
    boolean stateAbbreviation(Tokens tk, String text, int t) {
        return (tk.flags[t] & Tokens.FIRST_UPPER) != 0
                && (text.charAt(tk.end[t] - 1) == '.' || tk.end[t] < text.length() && text.charAt(tk.end[t]) == '.')
                && (cues.of(tk.lower[t]) & NameCues.US_STATE) != 0;
    }

    /** The gazetteer match from {@code from} on that starts at token {@code t}, or -1. */
    private static int matchAt(Scratch s, int from, int t) {
        for (int k = from; k < s.matches && s.mFirst[k] <= t; k++) {
            if (s.mFirst[k] == t) {
                return k;
            }
        }
        return -1;
    }

    /** Whether after match {@code m} comes ", " and another place or country: a list of places. */
    private boolean placeListGoesOn(Tokens tk, Scratch s, String text, int m) {
        int last = s.mLast[m];
        int next = last + 1;
        if (next >= tk.count || !commaBetween(tk, text, last, next)) {
            return false;
        }
        int k = matchAt(s, m + 1, next);
        return k >= 0 && s.mEntity[k] >= 0 && (entityIsPlace[s.mEntity[k]] || entityIsCountry[s.mEntity[k]]);
    }

    /** Whether place {@code e} lies outside {@code region}: neither is the other's, nor do they share a country. */
    private boolean outside(int e, int region) {
        if (e == region || affiliated(e, region) || affiliated(region, e)) {
            return false;
        }
        for (int a : affiliations[e]) {
            if (a == region || affiliated(region, a)) {
                return false;
            }
        }
        return true;
    }

    private boolean affiliated(int e, int to) {
        for (int a : affiliations[e]) {
            if (a == to) {
                return true;
            }
        }
        return false;
    }
}
