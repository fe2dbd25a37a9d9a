package io.wiretag.formats.zczc;

import static io.wiretag.formats.samples.Samples.bytes;
import static io.wiretag.formats.samples.Samples.latin1;
import static io.wiretag.formats.samples.Samples.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.samples.Samples;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import io.wiretag.story.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZczcParserTest {
    private final ZczcParser parser = new ZczcParser();

    @Test
    void goodMessageIsDeliveredAndTheServiceMessageIsAFailure() throws ParseException {
        ParseResult r = parse(parser, bytes("zczc/two_messages.tst"));
        assertEquals(1, r.stories().size());
        assertEquals(1, r.failures().size());
        assertEquals(1, r.failures().get(0).index());
        assertTrue(r.failures().get(0).reason().contains("AN#1002"), r.failures().get(0).reason());
        Story s = r.stories().get(0);
        assertEquals("aap:1001", s.id());
        assertEquals("Miner lifts output", s.headline());
        assertEquals(List.of("The miner\u2019s output rose 12 per cent, the \u201Cbest quarter\u201D in years.", "Shares rose 3 per cent."),
                Text.paragraphs(s.body()));
        assertEquals(Instant.parse("2025-01-31T22:30:00Z"), s.versionCreated(), "09:30 in Sydney in summer (+11)");
        assertEquals("windows-1252", s.raw().detectedCharset());
        assertEquals(List.of(new Subject("ticker:ABC.AX", null)), s.subjects());
    }

    @Test
    void detectorPicksZczcOverPlainText() throws ParseException {
        assertEquals(100, parser.sniff(Sniff.of(bytes("zczc/two_messages.tst"))));
        assertEquals("zczc", FormatDetector.standard().detect(Samples.input(bytes("zczc/two_messages.tst"))).format());
        assertEquals(0, parser.sniff(Sniff.of(latin1("zczcfoo is not an envelope"))));
    }

    @Test
    void envelopeWithoutTextIsRefusedWithAReason() {
        ParseException e = assertThrows(ParseException.class, () -> parse(parser, latin1("ZCZC\r\nAN#7\r\nNNNN\r\n")));
        assertTrue(e.getMessage().startsWith("zczc: message AN#7 has no TI# title and no TX# text"), e.getMessage());
    }

    @Test
    void unreadableDateIsAWarning() throws ParseException {
        Story s = Samples.only(parser, latin1("ZCZC\nAN#8\nPD#sometime soon\nTI#Title\nTX#\nBody line.\nNNNN\n"));
        assertEquals(null, s.versionCreated());
        assertTrue(s.warnings().get(0).contains("sometime soon"));
    }
}
