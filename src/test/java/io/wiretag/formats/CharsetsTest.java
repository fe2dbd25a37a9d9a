package io.wiretag.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsTest {
    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8UnderAnIso88591DeclarationIsReadAsUtf8() {
        Charsets.Decoded d = Charsets.decode("Z\u00fcrich".getBytes(StandardCharsets.UTF_8), "iso-8859-1");
        assertEquals("Z\u00fcrich", d.text());
        assertEquals("utf-8", d.detected());
    }

    @Test
    void latin1BytesInAnAsciiStoryAreLatin1() {
        Charsets.Decoded d = Charsets.decode(latin1("\u00abgilets jaunes\u00bb, \u00e9conomie"), "us-ascii");
        assertEquals("\u00abgilets jaunes\u00bb, \u00e9conomie", d.text());
        assertEquals("iso-8859-1", d.detected());
    }

    @Test
    void c1BytesMeanCp1252Quotes() {
        Charsets.Decoded d = Charsets.decode(new byte[] {'U', 'G', 'L', (byte) 0x92, 's', ' ', (byte) 0x93, 'x', (byte) 0x94}, null);
        assertEquals("UGL\u2019s \u201Cx\u201D", d.text());
        assertEquals("windows-1252", d.detected());
    }

    @Test
    void c1ControlCharactersInsideUtf8AreTheQuotesTheyStoodFor() {
        // UTF-8 C2 92 is U+0092, a C1 control, where the author typed a cp1252 right quote
        Charsets.Decoded d = Charsets.decode(new byte[] {'d', 'o', 'n', (byte) 0xC2, (byte) 0x92, 't'}, "utf-8");
        assertEquals("don\u2019t", d.text());
    }

    @Test
    void utf8WithAStrayLatin1ByteReadsEachPartAsWhatItIs() {
        byte[] utf8 = "Caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = new byte[utf8.length + 3];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        mixed[utf8.length] = 'n';
        mixed[utf8.length + 1] = (byte) 0xE9; // Latin-1 é, not valid UTF-8 here
        mixed[utf8.length + 2] = '!';
        Charsets.Decoded d = Charsets.decode(mixed, null);
        assertEquals("Caf\u00e9 n\u00e9!", d.text());
        assertEquals("utf-8+windows-1252", d.detected());
    }

    @Test
    void cp1252HolesAreDroppedNotReplaced() {
        Charsets.Decoded d = Charsets.decode(new byte[] {'a', (byte) 0x81, 'b', (byte) 0x92}, null);
        assertEquals("ab\u2019", d.text());
    }

    @Test
    void declaredSingleByteCharsetOtherThanLatin1IsHonoured() {
        Charsets.Decoded d = Charsets.decode(new byte[] {(byte) 0xB1}, "iso-8859-2");
        assertEquals("\u0105", d.text()); // ą
    }
}
