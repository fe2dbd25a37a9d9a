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
            if (w.rType[r] != ORG || w.rWhy[r] == BY_ACRONYM || a >= tk.count) {
                continue;
            }
            String text = Tagger.source(tk, a, headline, body);
            int st = tk.start[a];
            int len = tk.end[a] - st;
            if (len < 2 || len > 6 || (tk.flags[a] & Tokens.ALL_UPPER) == 0 || st < 2 || tk.end[a] >= text.length()
                    || text.charAt(st - 1) != '(' || text.charAt(st - 2) != ' ' || tk.end[w.rLast[r]] != st - 2
                    || text.charAt(tk.end[a]) != ')' || !letters(text, st, tk.end[a])) {
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
