package io.wiretag.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Plain-text helpers every parser shares: clean paragraphs, join a body, find a first sentence. */
public final class Text {
    /** Abbreviations after which a full stop does not end a sentence. */
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col",
            "sgt", "rep", "sen", "gov", "pres", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "no", "vs", "inc", "corp", "co", "ltd", "jr", "sr", "u.s", "u.n", "u.k", "e.u");

    private Text() {
    }

    /**
     * One paragraph as clean text: NFC, control characters removed (tabs and newlines become spaces),
     * runs of white space folded, trimmed.
     */
    public static String cleanParagraph(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        if (clean(n)) {
            return n; // most paragraphs: nothing to change, nothing to copy
        }
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            boolean ws = Character.isWhitespace(c) || c == '\u00A0';
            if (ws || Character.isISOControl(c)) {
                if (ws) {
                    space = true;
                }
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Whether {@link #cleanParagraph} would return {@code n} as it is: single spaces between words, no other spacing or controls. */
    private static boolean clean(String n) {
        int len = n.length();
        if (len == 0 || n.charAt(0) == ' ' || n.charAt(len - 1) == ' ') {
            return len == 0;
        }
        char prev = 'x';
        for (int i = 0; i < len; i++) {
            char c = n.charAt(i);
            if (c == ' ' ? prev == ' ' : c < ' ' || Character.isWhitespace(c) || c == '\u00A0' || Character.isISOControl(c)) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    /** Joins paragraphs into a body: cleaned, empty ones dropped, separated by one blank line. */
    public static String body(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            String c = cleanParagraph(p);
            if (!c.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append("\n\n");
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Splits a body into its paragraphs. */
    public static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        for (String p : body.split("\\n\\s*\\n")) {
            String c = cleanParagraph(p);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The first sentence of a paragraph: up to the first '.', '!' or '?' that is followed by white space
     * and is not the end of an abbreviation or an initial; the whole paragraph when there is no such end.
     */
    public static String firstSentence(String paragraph) {
        String p = cleanParagraph(paragraph);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == p.length() || p.charAt(i + 1) == ' ')) {
                if (c == '.' && isAbbreviation(p, i)) {
                    continue;
                }
                return p.substring(0, i + 1);
            }
        }
        return p;
    }

    private static boolean isAbbreviation(String p, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(p.charAt(start - 1)) || p.charAt(start - 1) == '.')) {
            start--;
        }
        String word = p.substring(start, dot).toLowerCase();
        return word.length() == 1 || ABBREVIATIONS.contains(word);
    }
}
