package io.wiretag.tagging;

/**
 * What the text around a run of capitalised words shows: the gap between two tokens, digits, a dateline's end;
 * and the shape of a field (in capitals, in title case, plain).
 */
final class NameText {
    static final int GAP_OTHER = 0;
    static final int GAP_SPACE = 1;
    static final int GAP_HYPHEN = 2;
    static final int GAP_DOT = 3;
    /** An ampersand, alone or between spaces: "AT&T", "Toyo Trust & Banking Co". */
    static final int GAP_AMP = 4;

    private NameText() {
    }

    static boolean gapJoins(int gap) {
        return gap == GAP_SPACE || gap == GAP_HYPHEN;
    }

    /**
     * What separates two tokens: one space, a hyphen, a full stop and a space (after an initial), an ampersand,
     * or else.
     */
    static int gap(String text, int from, int to) {
        int n = to - from;
        if (n == 1) {
            char c = text.charAt(from);
            return c == ' ' ? GAP_SPACE : c == '-' ? GAP_HYPHEN : c == '&' ? GAP_AMP : GAP_OTHER;
        }
        if (n == 3 && text.charAt(from + 1) == '&' && text.charAt(from) == ' ' && text.charAt(from + 2) == ' ') {
            return GAP_AMP;
        }
        if (n == 2 && text.charAt(from) == '.' && text.charAt(from + 1) == ' ') {
            return GAP_DOT;
        }
        if (n == 2 && (text.charAt(from) == '\'' || text.charAt(from) == '\u2019') && text.charAt(from + 1) == ' '
                && from > 0 && text.charAt(from - 1) == 's') {
            return GAP_SPACE; // a plural's apostrophe inside a name: "National Farmers' Union", "Workers' Party"
        }
        return GAP_OTHER;
    }

    static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A dateline ends in a comma, " (" (the agency), a dash or a date alone: "KHARKIV, Ukraine (Reuters) -", "BRUSSELS 1996-08-22". */
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
            return d == '(' || d == '-' || d == '\u2014' || d == '\u2013' || isoDateLine(text, at + 1);
        }
        return false;
    }

    /**
     * Whether tokens {@code from} to {@code to} of a field hold a table of results or standings, as a story's
     * paragraphs give it (a table's lines joined by spaces): twice a number of one to three digits right before
     * a capitalised word, or before its scorers in parentheses ("Plymouth 4 Exeter 1 Bologna 2 Cagliari 0",
     * "Arsenal 2 (Adams 45) Derby 2 (Sturridge 62)"), or three such numbers in a row
     * ("Limoges (France) 9 3 6 12"), or a line that holds one result and nothing else ("Plymouth 4 Exeter 1").
     * Read from the tokens: a flag test for most of them.
     */
    static boolean hasTableRows(Tokens tk, String text, int from, int to) {
        int beforeNames = 0;
        int lastBeforeName = -1;
        int inRow = 0;
        int[] flags = tk.flags;
        for (int t = from; t < to; t++) {
            if ((flags[t] & (Tokens.FIRST_UPPER | Tokens.FIRST_LOWER)) != 0 || !isScoreSide(text, tk.start[t], tk.end[t])
                    && !isThreeDigits(text, tk.start[t], tk.end[t])) {
                inRow = 0;
                continue;
            }
            boolean spaceAfter = t + 1 < to && (tk.start[t + 1] == tk.end[t] + 1 && text.charAt(tk.end[t]) == ' '
                    || tk.start[t + 1] == tk.end[t] + 2 && text.startsWith(" (", tk.end[t])); // "Arsenal 2 (Adams 45
            if (inRow > 0 && !(tk.start[t] == tk.end[t - 1] + 1 && text.charAt(tk.end[t - 1]) == ' ')) {
                inRow = 0;
            }
            if (++inRow >= 3) {
                return true;
            }
            if (spaceAfter && (flags[t + 1] & Tokens.FIRST_UPPER) != 0) {
                if (++beforeNames >= 2) {
                    return true;
                }
                lastBeforeName = t;
            }
        }
        return beforeNames == 1 && isResultLine(text, tk.start[lastBeforeName]);
    }

    /** A line of one result and nothing else: "Plymouth 4 Exeter 1", "INDIANAPOLIS 37 Philadelphia 10". */
    private static final java.util.regex.Pattern RESULT_LINE =
            java.util.regex.Pattern.compile("\\p{Lu}[^\\d\\n]{0,40} \\d{1,3} \\p{Lu}[^\\d\\n]{0,40} \\d{1,3}\\.? *");

    /** Whether the line around {@code at} is one result ({@link #RESULT_LINE}). */
    private static boolean isResultLine(String text, int at) {
        int ls = text.lastIndexOf('\n', at) + 1;
        int le = text.indexOf('\n', at);
        return RESULT_LINE.matcher(text).region(ls, le < 0 ? text.length() : le).matches();
    }

    private static boolean isThreeDigits(String text, int from, int to) {
        return to - from == 3 && isDigit(text.charAt(from)) && isDigit(text.charAt(from + 1)) && isDigit(text.charAt(from + 2));
    }

    /**
     * Whether the name at {@code text[start, end)} is one in a row of a table: the first words of their line, or
     * right after a number, and followed on the line by a number, with at most a bracket between ("Plymouth 4
     * Exeter 1", "Limoges (France) 9 3 6 12").
     */
    static boolean inTableRow(String text, int start, int end) {
        int i = start;
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        boolean opens = i == 0 || text.charAt(i - 1) == '\n';
        if (!opens) {
            int d = i;
            while (d > 0 && isDigit(text.charAt(d - 1))) {
                d--;
            }
            opens = d < i && i - d <= 3 && (d == 0 || text.charAt(d - 1) == ' ');
        }
        if (!opens) {
            opens = afterScorers(text, i);
        }
        if (!opens) {
            return false;
        }
        int n = text.length();
        int j = end;
        while (j < n && text.charAt(j) == ' ') {
            j++;
        }
        if (j < n && text.charAt(j) == '(') {
            int close = text.indexOf(')', j);
            int line = text.indexOf('\n', j);
            if (close < 0 || (line >= 0 && line < close) || close - j > 40) {
                return false;
            }
            j = close + 1;
            while (j < n && text.charAt(j) == ' ') {
                j++;
            }
        }
        int digits = 0;
        while (j < n && isDigit(text.charAt(j))) {
            j++;
            digits++;
        }
        if (digits >= 1 && digits <= 3 && j < n && text.charAt(j) == '.') {
            j++; // the last result of a paragraph: "Middlesbrough 0 Leeds 0."
        }
        return digits >= 1 && digits <= 3 && (j == n || text.charAt(j) == ' ' || text.charAt(j) == '\n');
    }

    /**
     * Whether {@code text[.., i)} ends with the scorers of a team's result in parentheses after its score, on
     * one line: "Arsenal 2 (Adams 45, Vieira 90)" before "Derby 2": the name at {@code i} is the other side.
     */
    private static boolean afterScorers(String text, int i) {
        if (i < 5 || text.charAt(i - 1) != ')') {
            return false;
        }
        // The opening parenthesis within 120 chars back on the line (bounded: a story may be one long line).
        int open = i - 2;
        while (open >= 0 && i - open <= 120 && text.charAt(open) != '(' && text.charAt(open) != '\n') {
            open--;
        }
        if (open < 3 || i - open > 120 || text.charAt(open) != '(' || text.charAt(open - 1) != ' ') {
            return false;
        }
        int d = open - 1;
        while (d > 0 && isDigit(text.charAt(d - 1))) {
            d--;
        }
        return d < open - 1 && open - 1 - d <= 3 && d > 0 && text.charAt(d - 1) == ' ';
    }

    /**
     * Whether the name at {@code text[start, end)} is one side of a fixture line, a line of a schedule that
     * holds only two names and "at", "v" or "vs" between them ("Anaheim at Buffalo", "TORONTO AT NY RANGERS",
     * "Leeds v Chelsea"): the first words of the line before the connector, or the last after it. Each side may
     * carry its league position, and the line its kick-off time ("Bologna (4) v Piacenza (13) 1330").
     */
    static boolean inFixtureLine(String text, int start, int end) {
        // Most names are neither the first nor the last words of their line: told without a search.
        boolean opens = start == 0 || text.charAt(start - 1) == '\n'
                || text.charAt(start - 1) == ' ' && (start == 1 || text.charAt(start - 2) == '\n');
        int position = afterPosition(text, end);
        int tail = afterKickOff(text, position);
        boolean closes = tail == text.length() || Character.isWhitespace(text.charAt(tail))
                && (text.charAt(tail) == '\n' || text.charAt(tail) == '\r' || tail + 1 == text.length() || text.charAt(tail + 1) == '\n');
        if (!opens && !closes) {
            return false;
        }
        int ls = text.lastIndexOf('\n', start - 1) + 1;
        int le = text.indexOf('\n', end);
        if (le < 0) {
            le = text.length();
        }
        while (ls < start && text.charAt(ls) == ' ') {
            ls++;
        }
        while (le > end && Character.isWhitespace(text.charAt(le - 1))) {
            le--;
        }
        if (le - ls > 80) {
            return false;
        }
        for (String c : FIXTURE_CONNECTORS) {
            int n = c.length();
            if (le == tail && start - n >= ls && text.regionMatches(true, start - n, c, 0, n)) {
                return namesOnly(text, ls, beforePosition(text, ls, start - n));
            }
            if (ls == start && position + n <= le && text.regionMatches(true, position, c, 0, n)) {
                int other = position + n;
                return namesOnly(text, other, beforePosition(text, other, beforeKickOff(text, other, le)));
            }
        }
        return false;
    }

    /** Past a league position right after a team's name (" (4)"), or {@code at} when there is none. */
    private static int afterPosition(String text, int at) {
        int n = text.length();
        if (at + 3 < n && text.charAt(at) == ' ' && text.charAt(at + 1) == '(') {
            int i = at + 2;
            while (i < n && i < at + 5 && isDigit(text.charAt(i))) {
                i++;
            }
            if (i > at + 2 && i < n && text.charAt(i) == ')') {
                return i + 1;
            }
        }
        return at;
    }

    /** Past a kick-off time of four digits (" 1330"), or {@code at} when there is none. */
    private static int afterKickOff(String text, int at) {
        int n = text.length();
        if (at + 5 <= n && text.charAt(at) == ' ' && isDigit(text.charAt(at + 1)) && isDigit(text.charAt(at + 2))
                && isDigit(text.charAt(at + 3)) && isDigit(text.charAt(at + 4)) && (at + 5 == n || !isDigit(text.charAt(at + 5)))) {
            return at + 5;
        }
        return at;
    }

    /** {@code text[from, to)} without a league position at its end ("Bologna (4)" is "Bologna"). */
    private static int beforePosition(String text, int from, int to) {
        int i = to - 1;
        if (i > from && text.charAt(i) == ')') {
            int j = i - 1;
            while (j > from && isDigit(text.charAt(j))) {
                j--;
            }
            if (j < i - 1 && j - 1 > from && text.charAt(j) == '(' && text.charAt(j - 1) == ' ') {
                return j - 1;
            }
        }
        return to;
    }

    /** {@code text[from, to)} without a kick-off time of four digits at its end. */
    private static int beforeKickOff(String text, int from, int to) {
        if (to - from > 5 && text.charAt(to - 5) == ' ' && isDigit(text.charAt(to - 4)) && isDigit(text.charAt(to - 3))
                && isDigit(text.charAt(to - 2)) && isDigit(text.charAt(to - 1))) {
            return to - 5;
        }
        return to;
    }

    private static final String[] FIXTURE_CONNECTORS = {" at ", " v ", " vs ", " vs. ", " v. "};

    /** Whether {@code text[from, to)} is capitalised words only (the other side of a fixture). */
    private static boolean namesOnly(String text, int from, int to) {
        if (from >= to || !Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c) && c != ' ' && c != '.' && c != '\'' && c != '-') {
                return false;
            }
            if (i > from && text.charAt(i - 1) == ' ' && !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text holds a score: one or two digits, a hyphen, one or two digits ("1-1", "2-0"), not a date. */
    static boolean hasScore(String text) {
        int n = text.length();
        for (int i = text.indexOf('-'); i > 0 && i + 1 < n; i = text.indexOf('-', i + 1)) {
            int a = i - 1;
            while (a >= 0 && a >= i - 3 && isDigit(text.charAt(a))) {
                a--;
            }
            int b = i + 1;
            while (b < n && b <= i + 3 && isDigit(text.charAt(b))) {
                b++;
            }
            int left = i - 1 - a;
            int right = b - i - 1;
            if (left >= 1 && left <= 2 && right >= 1 && right <= 2 && (a < 0 || !isDigit(text.charAt(a)))
                    && (b >= n || !isDigit(text.charAt(b)) && text.charAt(b) != '-')
                    && (a < 0 || text.charAt(a) != '-')) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text[from, to)} is one side of a score as {@link #hasScore} reads it: one or two digits. */
    static boolean isScoreSide(String text, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A date as 1996-08-22 that ends its line: the dateline of Reuters' archive ("BRUSSELS 1996-08-22"). */
    static boolean isoDateLine(String text, int at) {
        int end = at + 10;
        if (end > text.length() || (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r')) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(at + i);
            if (i == 4 || i == 7 ? c != '-' : !isDigit(c)) {
                return false;
            }
        }
        return true;
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

    static final int SHAPE_PLAIN = 0;
    static final int SHAPE_TITLE = 1;
    static final int SHAPE_CAPS = 2;

    /** A field in capitals (80% of words) or in title case (70% of at least four words capitalised). */
    static int shape(Tokens tk, int from, int to) {
        int words = 0;
        int caps = 0;
        int upperFirst = 0;
        for (int t = from; t < to; t++) {
            int fl = tk.flags[t];
            if ((fl & (Tokens.FIRST_LOWER | Tokens.FIRST_UPPER)) != 0) {
                words++;
                caps += (fl & Tokens.ALL_UPPER) != 0 ? 1 : 0;
                upperFirst += (fl & Tokens.FIRST_UPPER) != 0 ? 1 : 0;
            }
        }
        if (words >= 3 && caps * 5 >= words * 4) {
            return SHAPE_CAPS;
        }
        return words >= 4 && upperFirst * 10 >= words * 7 ? SHAPE_TITLE : SHAPE_PLAIN;
    }

    /**
     * {@link #shape} for a body, where only capitals matter: {@link #SHAPE_CAPS} or {@link #SHAPE_PLAIN}, and
     * it stops reading as soon as too many words are not in capitals, for a body mostly is not.
     */
    static int capsShape(Tokens tk, int from, int to) {
        int words = 0;
        int notCaps = 0;
        int n = to - from;
        for (int t = from; t < to; t++) {
            int fl = tk.flags[t];
            if ((fl & (Tokens.FIRST_LOWER | Tokens.FIRST_UPPER)) != 0) {
                words++;
                if ((fl & Tokens.ALL_UPPER) == 0) {
                    notCaps++;
                    if (notCaps * 5 > n) {
                        return SHAPE_PLAIN; // capitals need words >= 5 * notCaps, and words <= n
                    }
                }
            }
        }
        return words >= 3 && (words - notCaps) * 5 >= words * 4 ? SHAPE_CAPS : SHAPE_PLAIN;
    }
}
