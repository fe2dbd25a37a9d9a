package io.wiretag.formats.plain;

/**
 * Whether a line standing alone at the top of a plain-text story is its title: it ends without a full stop, a
 * colon or a dash (a one-sentence lead ends in a full stop: "Diplomats met on Tuesday."), or is one short
 * question or exclamation ("Hat die Ampel nichts gelernt?"); it is not a byline ("By Jane Doe") and not a
 * dateline the first paragraph runs on from ("KYIV, Ukraine (AP) —").
 */
final class TitleLine {
    /** Longer than this, a first line is a paragraph of its own, whatever its end. */
    static final int MAX_CHARS = 200;
    /** A first line that asks or exclaims is a title only this short. */
    static final int MAX_QUESTION_CHARS = 120;

    private TitleLine() {
    }

    static boolean isTitle(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > MAX_CHARS || !t.codePoints().anyMatch(Character::isLetter)) {
            return false;
        }
        if (t.regionMatches(true, 0, "by ", 0, 3)) {
            return false;
        }
        int end = t.length();
        while (end > 0 && isClosing(t.charAt(end - 1))) { // the mark inside a closing quote or bracket
            end--;
        }
        if (end == 0) {
            return false;
        }
        return switch (t.charAt(end - 1)) {
            case '.', ':', ';', ',', '-', '–', '—', '…' -> false;
            // "Hat die Ampel nichts gelernt?": a question or an exclamation is a title when it is one short
            // sentence; a line of several sentences is a paragraph.
            case '!', '?' -> end <= MAX_QUESTION_CHARS && !hasSentenceEnd(t, end - 1);
            default -> true;
        };
    }

    /** Whether a sentence ends before {@code end}: a full stop, question or exclamation mark before a space. */
    private static boolean hasSentenceEnd(String t, int end) {
        for (int i = 0; i + 1 < end; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && t.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == '«' || c == ')' || c == ']';
    }
}
