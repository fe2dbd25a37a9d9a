package io.wiretag.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A paragraph as clean text, the same whichever way it is reached. */
class TextTest {
    @Test
    void spacingAndControlsAreFoldedAndTrimmed() {
        assertEquals("Kyiv, Feb. 1", Text.cleanParagraph("  Kyiv,\tFeb.\u00A0\u00A01\n"));
        assertEquals("ab c", Text.cleanParagraph("a\u0001b \u0002 c"));
        assertEquals("", Text.cleanParagraph(" \t "));
        assertEquals("\u00e9t\u00e9", Text.cleanParagraph("e\u0301te\u0301"), "composed (NFC)");
    }

    @Test
    void aParagraphWithNothingToChangeIsReturnedAsItIs() {
        String p = "Russian forces struck Kharkiv overnight, the governor said.";
        assertSame(p, Text.cleanParagraph(p));
    }

    @Test
    void randomTextCleansAsTheRuleSays() {
        char[] alphabet = {'a', 'Z', ' ', ' ', '\t', '\n', '\u00A0', '\u0001', '\u0085', '\u2028', '\u00e9', 'e', '\u0301', '.'};
        Random rnd = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String s = b.toString();
            assertEquals(rule(s), Text.cleanParagraph(s), () -> "for " + s.chars().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    /** The rule, written plainly: NFC; white space (and no-break spaces) becomes a space; other controls go; runs fold; trimmed. */
    private static String rule(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder();
        for (char c : n.toCharArray()) {
            if (Character.isWhitespace(c) || c == '\u00A0') {
                b.append(' ');
            } else if (!Character.isISOControl(c)) {
                b.append(c);
            }
        }
        return b.toString().replaceAll(" +", " ").strip();
    }
}
