package io.wiretag.tagging;

/** What the text around a run of capitalised words shows: the gap between two tokens, digits, a dateline's end. */
final class NameText {
    static final int GAP_OTHER = 0;
    static final int GAP_SPACE = 1;
    static final int GAP_HYPHEN = 2;
    static final int GAP_DOT = 3;

    private NameText() {
    }

    static boolean gapJoins(int gap) {
        return gap == GAP_SPACE || gap == GAP_HYPHEN;
    }

    /** What separates two tokens: one space, a hyphen, a full stop and a space (after an initial), or else. */
    static int gap(String text, int from, int to) {
        int n = to - from;
        if (n == 1) {
            char c = text.charAt(from);
            return c == ' ' ? GAP_SPACE : c == '-' ? GAP_HYPHEN : GAP_OTHER;
        }
        if (n == 2 && text.charAt(from) == '.' && text.charAt(from + 1) == ' ') {
            return GAP_DOT;
        }
        return GAP_OTHER;
    }

    static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** A dateline ends in a comma, " (" (the agency) or a dash: "KHARKIV, Ukraine (Reuters) -". */
    static boolean datelineEnd(String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        if (c == ',') {
            return true;
        }
        if (c == ' ' && at + 1 < text.length()) {
            char d = text.charAt(at + 1);
            return d == '(' || d == '-' || d == '\u2014' || d == '\u2013';
        }
        return false;
    }

    /** Whether a name ends its clause: punctuation or the end of the text follows ("Tampa, Florida."). */
    static boolean closes(String text, int at) {
        if (at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        return c == ',' || c == '.' || c == ')' || c == ';' || c == ':' || c == '\n'
                || c == ' ' && at + 1 < text.length() && text.charAt(at + 1) == '(';
    }

    /** Whether a word in capitals stands among others in capitals ("FORT WASHINGTON, Pa."): then no acronym. */
    static boolean capsNeighbour(Tokens tk, int t, int from, int to) {
        return t > from && tk.sentence[t - 1] == tk.sentence[t] && (tk.flags[t - 1] & Tokens.ALL_UPPER) != 0
                || t + 1 < to && tk.sentence[t + 1] == tk.sentence[t] && (tk.flags[t + 1] & Tokens.ALL_UPPER) != 0;
    }
}
