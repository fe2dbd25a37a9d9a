package io.wiretag.formats.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.anpa.AnpaParser;
import io.wiretag.formats.anpa.PriorityMap;
import io.wiretag.formats.feed.RssParser;
import io.wiretag.formats.ninjs.NinjsParser;
import io.wiretag.formats.nitf.NitfParser;
import io.wiretag.formats.plain.PlainTextParser;
import io.wiretag.formats.xml.SafeXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configured wiretag.max.input.bytes holds in the detector, in every parser and in SafeXml, not only the built-in 16 MB. */
class InputLimitTest {
    private static final int LIMIT = 2_000;

    private static byte[] rss(int items) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>");
        for (int i = 0; i < items; i++) {
            sb.append("<item><title>Story ").append(i).append("</title><description>Text.</description></item>");
        }
        return sb.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void detectorBuiltWithTheConfiguredLimitRefusesLargerInputsAndReadsSmallerOnes() throws ParseException {
        FormatDetector detector = FormatDetector.standard(LIMIT);
        byte[] big = rss(50);
        assertTrue(big.length > LIMIT);
        ParseException e = assertThrows(ParseException.class, () -> detector.parse(RawInput.of(big, "big.xml")));
        assertTrue(e.getMessage().contains("over the limit of " + LIMIT) && e.getMessage().contains("wiretag.max.input.bytes"), e.getMessage());
        assertEquals(5, detector.parse(RawInput.of(rss(5), "small.xml")).stories().size());
    }

    @Test
    void everyParserOfTheDetectorHonoursTheLimitWhenCalledDirectly() {
        byte[] big = ("x".repeat(LIMIT + 1)).getBytes(StandardCharsets.US_ASCII);
        List<String> formats = FormatDetector.standard(LIMIT).formats();
        // the detector's own parsers, reached through a format hint past the detector's size check
        FormatDetector unlimitedFront = new FormatDetector(FormatDetector.standard(LIMIT).parsers(), Integer.MAX_VALUE);
        for (String format : formats) {
            ParseException e = assertThrows(ParseException.class,
                    () -> unlimitedFront.parse(new RawInput(big, format, null, "big", null)), format);
            assertTrue(e.getMessage().contains("limit of " + LIMIT), format + ": " + e.getMessage());
        }
    }

    @Test
    void parsersBuiltWithALimitRefuseOverItAndSafeXmlToo() {
        byte[] nitf = ("<nitf><body><body.content><p>" + "word ".repeat(LIMIT) + "</p></body.content></body></nitf>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] ninjs = ("{\"uri\": \"urn:x\", \"headline\": \"h\", \"body_text\": \"" + "word ".repeat(LIMIT) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        List<WireParser> limited = List.of(new NitfParser(LIMIT), new NinjsParser(LIMIT), new RssParser(LIMIT),
                new AnpaParser(PriorityMap.standard(), LIMIT), new PlainTextParser(LIMIT));
        byte[][] inputs = {nitf, ninjs, rss(50), ("\026\026\001" + "x".repeat(LIMIT)).getBytes(StandardCharsets.ISO_8859_1),
            "word ".repeat(LIMIT).getBytes(StandardCharsets.US_ASCII)};
        for (int i = 0; i < inputs.length; i++) {
            WireParser p = limited.get(i);
            byte[] in = inputs[i];
            ParseException e = assertThrows(ParseException.class, () -> p.parse(RawInput.of(in, "t")), p.format());
            assertTrue(e.getMessage().contains("limit of " + LIMIT), p.format() + ": " + e.getMessage());
        }
        ParseException x = assertThrows(ParseException.class,
                () -> SafeXml.parseStrict("nitf", new String(nitf, StandardCharsets.UTF_8), LIMIT));
        assertTrue(x.getMessage().contains("over the limit of " + LIMIT), x.getMessage());
    }
}
