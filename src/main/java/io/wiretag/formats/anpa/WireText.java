package io.wiretag.formats.anpa;

import io.wiretag.formats.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the byte-level wires (ANPA-1312, IPTC 7901, ZCZC) share: the transmission control characters,
 * line splitting that survives mixed CRLF/LF/CR, and stripping of the control characters a body must
 * not carry.
 */
public final class WireText {
    public static final char SOH = 0x01;
    public static final char STX = 0x02;
    public static final char ETX = 0x03;
    public static final char EOT = 0x04;
    public static final char SYN = 0x16;
    public static final char US = 0x1F;
    public static final char DEL = 0x7F;
    /** Inputs larger than this are refused by the byte parsers before they read them, unless configured otherwise. */
    public static final int MAX_BYTES = io.wiretag.formats.FormatDetector.DEFAULT_MAX_BYTES;

    private WireText() {
    }

    /** Refuses an input over {@link #MAX_BYTES} before a byte parser reads it. */
    public static void checkSize(String format, byte[] bytes) throws ParseException {
        checkSize(format, bytes, MAX_BYTES);
    }

    /** Refuses an input over {@code maxBytes} (wiretag.max.input.bytes) before a byte parser reads it. */
    public static void checkSize(String format, byte[] bytes, int maxBytes) throws ParseException {
        if (bytes.length > maxBytes) {
            throw new ParseException(format + ": input is " + bytes.length + " bytes, over the limit of " + maxBytes
                    + " bytes (wiretag.max.input.bytes)");
        }
    }

    /** Lines, whatever mix of CRLF, LF and lone CR ends them. */
    public static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** The line without control characters other than TAB; DEL padding and stray DC codes go. */
    public static String printable(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t' || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True for a line that is empty or only white space and control characters. */
    public static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isISOControl(c) && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }

    /** Number of white-space separated words in the paragraphs. */
    public static int words(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            boolean inWord = false;
            for (int i = 0; i < p.length(); i++) {
                boolean space = Character.isWhitespace(p.charAt(i));
                if (!space && !inWord) {
                    n++;
                }
                inWord = !space;
            }
        }
        return n;
    }

    /** Index of the first {@code c} at or after {@code from}, or -1. */
    public static int indexOf(String s, char c, int from) {
        return from >= s.length() ? -1 : s.indexOf(c, Math.max(0, from));
    }

    /** The two-digit year of a wire footer as a four-digit year (wires began long after 1970). */
    public static int year(int twoDigits) {
        return twoDigits < 70 ? 2000 + twoDigits : 1900 + twoDigits;
    }
}
