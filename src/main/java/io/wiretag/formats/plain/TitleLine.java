package io.wiretag.formats.plain;

/**
 * Whether a line standing alone at the top of a plain-text story is its title: it ends without a sentence's
 * closing mark (a one-sentence lead ends in one: "Diplomats met on Tuesday."), is not a byline ("By Jane
 * Doe") and not a dateline the first paragraph runs on from ("KYIV, Ukraine (AP) —").
 */
final class TitleLine {
    /** Longer than this, a first line is a paragraph of its own, whatever its end. */
    static final int MAX_CHARS = 200;

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
            case '.', '!', '?', ':', ';', ',', '-', '–', '—', '…' -> false;
            default -> true;
        };
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == '»' || c == '«' || c == ')' || c == ']';
    }
}
