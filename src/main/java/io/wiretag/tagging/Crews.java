package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_CREW;
import static io.wiretag.tagging.NameFinder.ORG;

/**
 * A country's crew or second team, named by the country and a Roman numeral: bobsleigh and relay results list
 * "1. United States III (Brian Shimer, Randy Jones)", "Canada I, represented by Pierre Lueders". The country's
 * match gives way ({@link KnownNames#markCovered}) and the name finder's run of the same words, with the numeral,
 * is an organisation: the team, not a mention of the country.
 */
final class Crews {
    private Crews() {
    }

    /**
     * Whether token {@code last}, the end of a country's name, is followed by a Roman numeral from I to IV that
     * names a crew: with one space between, in capitals as written; "I" only before an opening parenthesis, a
     * comma, a digit or the end of its line ("Canada I (Pierre", "Canada I, represented"), so that "in Canada I
     * think" stays the country and the pronoun.
     */
    static boolean numeralAfter(Tokens tk, String text, int last) {
        int n = last + 1;
        if (n >= tk.count || (tk.flags[n] & Tokens.ALL_UPPER) == 0 || tk.end[n] - tk.start[n] > 3
                || !NameFinder.adjacent(tk, text, last, n)) {
            return false;
        }
        int from = tk.start[n];
        int len = tk.end[n] - from;
        if (len == 1) {
            if (text.charAt(from) != 'I') {
                return false;
            }
            int k = from + 1;
            while (k < text.length() && text.charAt(k) == ' ') {
                k++;
            }
            if (k == text.length()) {
                return true;
            }
            char c = text.charAt(k);
            return c == '(' || c == ',' || c == '\n' || (c >= '0' && c <= '9');
        }
        return text.startsWith("II", from) && len == 2 || text.startsWith("III", from) && len == 3
                || text.startsWith("IV", from) && len == 2;
    }

    /**
     * After the scan: each run that opens where a crew's country gave way ({@link NameWork#addCrew}), or inside its
     * words, is the crew: an organisation from the country's first word to the numeral (the scan may have trimmed
     * "United" as an adjective or "I" as a word).
     */
    static void type(Tokens tk, NameWork w) {
        for (int c = 0; c < w.crews; c++) {
            int f = w.crewFirst[c];
            int numeral = w.crewNumeral[c];
            for (int t = f; t <= numeral; t++) { // the scan's runs are in token order: a binary search each
                int r = w.runCovering(t, w.runs);
                if (r >= 0 && w.rFirst[r] >= f) {
                    w.rFirst[r] = f;
                    if (w.rLast[r] < numeral) {
                        w.rLast[r] = numeral;
                    }
                    w.rType[r] = ORG;
                    w.rWhy[r] = BY_CREW;
                    w.rKey[r] = NameFinder.key(tk, f, w.rLast[r]);
                    w.rSurname[r] = NameFinder.surname(tk, f, w.rLast[r]);
                    break;
                }
            }
        }
    }
}
