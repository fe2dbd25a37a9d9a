package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_ACRONYM;
import static io.wiretag.tagging.NameFinder.ORG;

/**
 * An organisation's acronym, given in parentheses right after its name ("the far-right National Alliance (AN)",
 * "the Brazilian Plastic Surgery Society (SBCP)"), is that organisation's wherever the story writes it in capitals
 * alone ("AN leader Gianfranco Fini", "AN's deputies"), though it be a common word ("AN"), where the name finder
 * alone would not read it: mentions of that organisation, whose initials may differ (Alleanza Nazionale). Inside
 * a longer run of capitalised words it is left to that run.
 */
final class Acronyms {
    private Acronyms() {
    }

    /** After the scan and the rules that type organisations: the acronyms defined, then their other mentions. */
    static void read(Tokens tk, Scratch s, NameWork w, String headline, String body) {
        long[] defined = null;
        long[] keyOf = null; // the organisation's key: its acronym's runs join its entity (Coreference)
        int n = 0;
        for (int r = 0; r < w.runs; r++) {
            int a = w.rLast[r] + 1;
            if (w.rType[r] != ORG || w.rWhy[r] == BY_ACRONYM || a >= tk.count
                    || !inParenthesesAfterAName(tk, Tagger.source(tk, a, headline, body), a)) {
                continue;
            }
            if (defined == null) {
                defined = new long[4];
                keyOf = new long[4];
            }
            if (n < defined.length) {
                keyOf[n] = w.rKey[r];
                defined[n++] = tk.lower[a];
            }
        }
        if (n == 0) {
            return;
        }
        // A headline or a body in capitals writes every word so: the acronym is read only where words are not.
        int h = Tagger.HEADLINE;
        int b = Tagger.BODY;
        boolean capsHeadline = NameText.shape(tk, tk.fieldStart[h], tk.fieldStart[h + 1]) == NameText.SHAPE_CAPS;
        boolean capsBody = NameText.capsShape(tk, tk.fieldStart[b], tk.fieldStart[b + 1]) == NameText.SHAPE_CAPS;
        int sorted = w.runs; // the runs so far, in token order; those added here come after them (NameWork.orderRuns)
        for (int t = 0; t < tk.count; t++) {
            int d = (tk.flags[t] & Tokens.ALL_UPPER) == 0 ? -1 : indexOf(defined, n, tk.lower[t]);
            if (d < 0) {
                continue;
            }
            boolean inHeadline = Tagger.field(tk, t) == h;
            String text = inHeadline ? headline : body;
            if ((inHeadline ? capsHeadline : capsBody) || !letters(text, tk.start[t], tk.end[t]) || NameFinder.insideMatch(s, t)) {
                continue;
            }
            int run = w.runCovering(t, sorted);
            if (run >= 0 && w.rFirst[run] == t && w.rLast[run] == t) {
                w.rType[run] = ORG;
                w.rWhy[run] = BY_ACRONYM;
                w.rKey[run] = keyOf[d];
            } else if (run < 0) {
                w.addRun(t, t, ORG, BY_ACRONYM, keyOf[d], tk.lower[t], true);
            }
        }
    }

    /** Lower-case words a name may hold between the words its acronym spells ("Movement for a Democratic ..."). */
    private static final long[] LINKS = Tokens.hashesLower("of", "and", "for", "the", "on", "in", "a", "de", "du",
            "des", "la", "le", "et", "del", "y", "für", "und", "der", "die");

    /**
     * Before {@link #read}: an acronym in parentheses right after capitalised words whose first letters it spells,
     * in order, with only small words between ("the South Lebanon Army (SLA)", "Nippon Telegraph and Telephone
     * Corp (NTT)", a legal form after them), makes those words one organisation's name, whatever the name finder
     * read in them: runs inside it are swallowed, a country or a place the gazetteer matched there is named inside
     * it ({@link Scratch#mWithin}). Not where a person or an organisation the gazetteer knows is among the words.
     * Runs added here are put in token order before the method returns.
     */
    static void spelledOut(Tokens tk, Scratch s, NameWork w, String headline, String body, boolean[] entityIsPlace,
            boolean[] entityIsCountry, Explanation.Builder explain) {
        boolean added = false;
        for (int c = tk.fieldCaps[Tagger.HEADLINE], end = tk.fieldCaps[Tagger.BODY + 1]; c < end; c++) {
            int a = tk.caps[c];
            if ((tk.flags[a] & Tokens.ALL_UPPER) == 0 || a < 2) {
                continue;
            }
            String text = Tagger.source(tk, a, headline, body);
            int p = a - 1;
            if (!inParenthesesAfterAName(tk, text, a) || Tagger.field(tk, p) != Tagger.field(tk, a)) {
                continue;
            }
            int first = spelledBy(tk, text, tk.start[a], tk.end[a] - tk.start[a], p);
            if (first < 0 || first == p) {
                continue;
            }
            int r = w.runCovering(first, w.runs);
            if (r >= 0 && w.rFirst[r] == first && w.rLast[r] == p && w.rType[r] == ORG) {
                continue; // read so already
            }
            if (!onlyPlacesKnown(s, first, p, entityIsPlace, entityIsCountry) || !runsInside(w, first, p)) {
                continue;
            }
            for (int q = 0; q < w.runs; q++) {
                if (w.rFirst[q] >= first && w.rLast[q] <= p) {
                    w.rType[q] = NameFinder.SWALLOWED;
                }
            }
            for (int t = first; t <= p; t++) {
                int m = s.matchAt(t);
                if (m >= 0 && s.mEntity[m] >= 0 && !s.mWithin[m]) {
                    s.mWithin[m] = true;
                    if (explain != null) {
                        explain.why(m, "inside the name its acronym spells");
                    }
                }
            }
            w.addRun(first, p, ORG, NameFinder.BY_SPELLED, NameFinder.key(tk, first, p), NameFinder.surname(tk, first, p), true);
            added = true;
        }
        if (added) {
            w.orderRuns();
        }
    }

    /**
     * The first token of the words before token {@code p} (inclusive) whose first letters spell the acronym at
     * {@code text[st, st + len)}, or -1.
     */
    private static int spelledBy(Tokens tk, String text, int st, int len, int p) {
        int i = len - 1;
        int k = p;
        if (NameFinder.isLegalForm(tk.lower[k]) && (tk.flags[k] & Tokens.FIRST_UPPER) != 0) {
            k--; // "Telephone Corp (NTT)"
        }
        while (i >= 0 && k >= 0) {
            int gap = k < p ? NameText.gap(text, tk.end[k], tk.start[k + 1]) : NameText.GAP_SPACE;
            if (k < p && (!NameFinder.sameSentence(tk, k, k + 1) || gap != NameText.GAP_SPACE && gap != NameText.GAP_HYPHEN)) {
                return -1; // "Inter-Services Intelligence (ISI)": a hyphen joins two words the letters spell
            }
            if ((tk.flags[k] & Tokens.FIRST_UPPER) != 0
                    && Character.toLowerCase(text.charAt(tk.start[k])) == Character.toLowerCase(text.charAt(st + i))) {
                i--;
                if (i < 0) {
                    return k;
                }
            } else if ((tk.flags[k] & Tokens.FIRST_LOWER) == 0 || !Tokens.among(LINKS, tk.lower[k]) || i == len - 1) {
                return -1;
            }
            k--;
        }
        return -1;
    }

    /** Whether every match in tokens [f, l] that names an entity names a place or a country. */
    private static boolean onlyPlacesKnown(Scratch s, int f, int l, boolean[] entityIsPlace, boolean[] entityIsCountry) {
        for (int t = f; t <= l; t++) {
            int m = s.matchAt(t);
            int e = m >= 0 ? s.mEntity[m] : -1;
            if (e >= 0 && (s.mFirst[m] < f || s.mLast[m] > l || !entityIsPlace[e] && !entityIsCountry[e])) {
                return false;
            }
        }
        return true;
    }

    /** Whether no run of the name finder goes over the edge of tokens [f, l]. */
    private static boolean runsInside(NameWork w, int f, int l) {
        for (int q = 0; q < w.runs; q++) {
            if (w.rType[q] != NameFinder.SWALLOWED && w.rFirst[q] <= l && w.rLast[q] >= f && (w.rFirst[q] < f || w.rLast[q] > l)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether token {@code a} is an acronym given in parentheses right after the word before it: two to six
     * letters in capitals, "Name (ABC)".
     */
    private static boolean inParenthesesAfterAName(Tokens tk, String text, int a) {
        int st = tk.start[a];
        int len = tk.end[a] - st;
        return a > 0 && len >= 2 && len <= 6 && (tk.flags[a] & Tokens.ALL_UPPER) != 0 && st >= 2 && tk.end[a] < text.length()
                && text.charAt(st - 1) == '(' && text.charAt(st - 2) == ' ' && tk.end[a - 1] == st - 2
                && text.charAt(tk.end[a]) == ')' && letters(text, st, tk.end[a]);
    }

    private static boolean letters(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(long[] a, int n, long v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
