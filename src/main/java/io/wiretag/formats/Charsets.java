package io.wiretag.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes wire bytes by what they are, not only by what they declare. Wires lie: Latin-1 and cp1252
 * bytes turn up in "ASCII" stories, UTF-8 under an {@code iso-8859-1} declaration, and C1 controls
 * (U+0080..U+009F) where a cp1252 quote was meant. Never produces U+FFFD where the character can be
 * recovered.
 */
public final class Charsets {
    public static final Charset CP1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    /** Text and the charset it was actually read in (lower-case IANA name). */
    public record Decoded(String text, String detected) {
    }

    /**
     * Decodes {@code bytes[off, off+len)}. Order: a BOM wins; then strict UTF-8 if the bytes are valid
     * UTF-8 (whatever was declared: a valid multi-byte UTF-8 sequence is all but impossible by chance);
     * then the declared single-byte charset if it is one Java knows; else cp1252, the superset of
     * Latin-1's printable range that Western wires actually use.
     */
    public static Decoded decode(byte[] bytes, int off, int len, String declared) {
        if (len >= 3 && u(bytes[off]) == 0xEF && u(bytes[off + 1]) == 0xBB && u(bytes[off + 2]) == 0xBF) {
            return new Decoded(fixC1(new String(bytes, off + 3, len - 3, StandardCharsets.UTF_8)), "utf-8");
        }
        if (len >= 2 && u(bytes[off]) == 0xFE && u(bytes[off + 1]) == 0xFF) {
            return new Decoded(new String(bytes, off + 2, len - 2, StandardCharsets.UTF_16BE), "utf-16be");
        }
        if (len >= 2 && u(bytes[off]) == 0xFF && u(bytes[off + 1]) == 0xFE) {
            return new Decoded(new String(bytes, off + 2, len - 2, StandardCharsets.UTF_16LE), "utf-16le");
        }
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new Decoded(new String(bytes, off, len, StandardCharsets.US_ASCII), "us-ascii");
        }
        String utf8 = strictUtf8(bytes, off, len);
        if (utf8 != null) {
            return new Decoded(fixC1(utf8), "utf-8");
        }
        Charset single = singleByte(declared);
        if (single != null && !single.equals(StandardCharsets.ISO_8859_1) && !single.equals(CP1252)) {
            return new Decoded(new String(bytes, off, len, single), single.name().toLowerCase());
        }
        if (utf8Sequences(bytes, off, len) > 0) {
            // UTF-8 text with stray single-byte characters pasted in (an edited take, a quote from another
            // system): each part read as what it is, so neither turns into mojibake nor U+FFFD.
            return new Decoded(mixed(bytes, off, len), "utf-8+windows-1252");
        }
        boolean c1 = false;
        for (int i = off; i < off + len; i++) {
            int b = u(bytes[i]);
            if (b >= 0x80 && b <= 0x9F) {
                c1 = true;
                break;
            }
        }
        // Latin-1 text has no printable characters at 0x80..0x9F; cp1252 puts quotes and dashes there.
        // cp1252 by way of Latin-1 and fixC1: the same characters, but cp1252's five undefined bytes are
        // dropped instead of becoming U+FFFD
        return c1 || CP1252.equals(single) ? new Decoded(fixC1(new String(bytes, off, len, StandardCharsets.ISO_8859_1)), "windows-1252")
                  : new Decoded(new String(bytes, off, len, StandardCharsets.ISO_8859_1), "iso-8859-1");
    }

    public static Decoded decode(byte[] bytes, String declared) {
        return decode(bytes, 0, bytes.length, declared);
    }

    /**
     * Replaces C1 control characters with the cp1252 characters they stand for (U+0092 is the right
     * single quote the author typed). C1 controls are never meant in news text.
     */
    public static String fixC1(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) < 0x80 || s.charAt(i) > 0x9F)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                String mapped = new String(new byte[] {(byte) c}, CP1252);
                char m = mapped.charAt(0);
                if (m != '\uFFFD' && m != c) {
                    out.append(m);
                }
                // the five bytes cp1252 leaves undefined are dropped: they carry nothing
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Number of well-formed multi-byte UTF-8 sequences in the range. */
    static int utf8Sequences(byte[] bytes, int off, int len) {
        int count = 0;
        int end = off + len;
        for (int i = off; i < end; ) {
            int n = utf8Length(bytes, i, end);
            if (n > 1) {
                count++;
                i += n;
            } else {
                i++;
            }
        }
        return count;
    }

    /** Valid UTF-8 sequences as UTF-8, every other byte as cp1252 (Latin-1 where cp1252 has a hole). */
    private static String mixed(byte[] bytes, int off, int len) {
        StringBuilder out = new StringBuilder(len);
        int end = off + len;
        for (int i = off; i < end; ) {
            int n = utf8Length(bytes, i, end);
            if (n > 1) {
                out.append(new String(bytes, i, n, StandardCharsets.UTF_8));
                i += n;
            } else {
                int b = u(bytes[i]);
                String c = new String(new byte[] {bytes[i]}, CP1252);
                out.append(b >= 0x80 && c.charAt(0) == '\uFFFD' ? (char) b : c.charAt(0));
                i++;
            }
        }
        return fixC1(out.toString());
    }

    /** Length of the well-formed UTF-8 sequence at {@code i} (1 for ASCII), or 0 when there is none. */
    private static int utf8Length(byte[] bytes, int i, int end) {
        int b = u(bytes[i]);
        if (b < 0x80) {
            return 1;
        }
        int n;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + n > end) {
            return 0;
        }
        int cp = b & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int c = u(bytes[i + k]);
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return n;
    }

    private static String strictUtf8(byte[] bytes, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, len))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset singleByte(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        try {
            Charset cs = Charset.forName(declared.trim());
            if (cs.equals(StandardCharsets.UTF_8) || cs.name().startsWith("UTF-") || cs.equals(StandardCharsets.US_ASCII)) {
                return null;
            }
            return cs.newEncoder().maxBytesPerChar() == 1.0f ? cs : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int u(byte b) {
        return b & 0xff;
    }
}
