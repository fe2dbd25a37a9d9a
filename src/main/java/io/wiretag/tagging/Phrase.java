package io.wiretag.tagging;

/**
 * A name or keyword from the taxonomy, tokenised as story text is, with the case it must be found in:
 * all-capital names ("US", "NATO", "U.S.") only in capitals, so "us" is not the United States; names
 * written with a capital ("Turkey") never start at a lower-case word ("turkey"); names written in lower
 * case match in any case. Keywords and cues always match in any case.
 */
record Phrase(String text, long[] lower, long[] exact, Case mode) {
    enum Case { EXACT, CAPITALISED, ANY }

    static Phrase of(String text) {
        Tokens t = Tokens.of(text);
        long[] lower = java.util.Arrays.copyOf(t.lower, t.count);
        long[] exact = new long[t.count];
        for (int k = 0; k < t.count; k++) {
            exact[k] = t.exact(k);
        }
        int letters = 0;
        int uppers = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    uppers++;
                }
            }
        }
        Case mode = letters >= 2 && uppers == letters ? Case.EXACT
                : !text.isEmpty() && Character.isUpperCase(text.codePointAt(0)) ? Case.CAPITALISED : Case.ANY;
        return new Phrase(text, lower, exact, mode);
    }

    /** Two names with the same key are the same name to the matcher. */
    String key() {
        StringBuilder b = new StringBuilder(mode == Case.EXACT ? "E" : "I");
        for (long h : mode == Case.EXACT ? exact : lower) {
            b.append(':').append(Long.toHexString(h));
        }
        return b.toString();
    }

    /** Key ignoring case, for keywords. */
    String lowerKey() {
        StringBuilder b = new StringBuilder("K");
        for (long h : lower) {
            b.append(':').append(Long.toHexString(h));
        }
        return b.toString();
    }
}
