package io.wiretag.tagging;

/**
 * Finds the gazetteer's names and keywords in a story's tokens, leftmost-longest, into the thread's
 * {@link Scratch}; which entity a name stands for is decided later.
 */
final class PhraseMatcher {
    // Copies of the gazetteer's tables in final fields of this class, so the hot loops read them directly.
    private final TokenTrie names;
    private final TokenFilter rootFilter;
    private final LongSet lowerStarts;
    private final TokenFilter lowerFilter;
    private final Phrase.Case[] aliasMode;
    private final long[][] aliasExact;
    private final TokenTrie words;
    private final TokenFilter wordsFilter;
    private final boolean[] keywordNoun;

    PhraseMatcher(Gazetteer g) {
        this.names = g.names;
        this.rootFilter = g.rootFilter;
        this.lowerStarts = g.lowerStarts;
        this.lowerFilter = g.lowerFilter;
        this.aliasMode = g.aliasMode;
        this.aliasExact = g.aliasExact;
        this.words = g.words;
        this.wordsFilter = g.wordsFilter;
        this.keywordNoun = g.keywordNoun;
    }

    /** Leftmost-longest matching of names; a match starts only at a word that is not lower case, unless a
     * lower-case name starts with it. */
    void matchNames(Tokens tk, Scratch s) {
        int n = tk.count;
        long[] lower = tk.lower;
        int[] flags = tk.flags;
        int[] sentence = tk.sentence;
        for (int i = 0; i < n; i++) {
            long h = lower[i];
            if ((flags[i] & Tokens.FIRST_LOWER) != 0) {
                if (!lowerFilter.mayContain(h) || !lowerStarts.contains(h)) {
                    continue;
                }
            } else if (!rootFilter.mayContain(h)) {
                continue;
            }
            int node = TokenTrie.ROOT;
            int bestEnd = -1;
            int bestAlias = -1;
            for (int j = i; j < n && sentence[j] == sentence[i]; j++) {
                node = names.child(node, lower[j]);
                if (node < 0) {
                    break;
                }
                int[] vals = names.values(node);
                if (vals != null) {
                    for (int v : vals) {
                        if (accepts(v, tk, i, j)) {
                            bestEnd = j;
                            bestAlias = v;
                            break;
                        }
                    }
                }
            }
            if (bestAlias >= 0) {
                s.addMatch(i, bestEnd, bestAlias);
                i = bestEnd;
            }
        }
    }

    private boolean accepts(int alias, Tokens tk, int first, int last) {
        switch (aliasMode[alias]) {
            case EXACT -> {
                long[] ex = aliasExact[alias];
                for (int k = 0; k < ex.length; k++) {
                    if (tk.exact(first + k) != ex[k]) {
                        return false;
                    }
                }
                return true;
            }
            case CAPITALISED -> {
                return (tk.flags[first] & Tokens.FIRST_LOWER) == 0;
            }
            default -> {
                return true;
            }
        }
    }

    /** Keywords and cues: leftmost-longest, any case; a noun of a language that capitalises nouns, capitalised. */
    void matchWords(Tokens tk, Scratch s) {
        int n = tk.count;
        long[] lower = tk.lower;
        int[] sentence = tk.sentence;
        for (int i = 0; i < n; i++) {
            if (!wordsFilter.mayContain(lower[i])) {
                continue;
            }
            int node = words.child(TokenTrie.ROOT, lower[i]);
            if (node < 0) {
                continue;
            }
            int bestEnd = -1;
            int bestWord = -1;
            for (int j = i; ; ) {
                int[] vals = words.values(node);
                if (vals != null) {
                    bestEnd = j;
                    bestWord = vals[0];
                }
                j++;
                if (j >= n || sentence[j] != sentence[i]) {
                    break;
                }
                node = words.child(node, lower[j]);
                if (node < 0) {
                    break;
                }
            }
            if (bestWord >= 0 && !(keywordNoun[bestWord] && (tk.flags[i] & Tokens.FIRST_LOWER) != 0)) {
                s.addWord(i, bestEnd, bestWord);
                i = bestEnd;
            }
        }
    }
}
