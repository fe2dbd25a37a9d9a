package io.wiretag.formats.anpa;

import static io.wiretag.formats.samples.Samples.bytes;
import static io.wiretag.formats.samples.Samples.latin1;
import static io.wiretag.formats.samples.Samples.only;
import static io.wiretag.formats.samples.Samples.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.WireParser;
import io.wiretag.formats.iptc7901.Iptc7901Parser;
import io.wiretag.formats.zczc.ZczcParser;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AnpaParserTest {
    private final AnpaParser parser = new AnpaParser(PriorityMap.defaults());

    private static String apStory(String priority, String take, String keywordTake, String text) {
        return "\026\026\001W0100\037world\n" + priority + " a\023\021 BC-EU--Harbour-Ferry" + take + "   02-01 0733\n"
                + "\002" + "^BC-EU--Harbour-Ferry" + keywordTake + ",148<\n" + text
                + "\n\t   \003AP-WF-02-01-25 1433GMT<\n\n\014\n\004";
    }

    @Test
    void apUpdateReadsHeaderLinesTakeKeyFooterAndTypography() throws ParseException {
        Story s = only(parser, bytes("anpa/ap_update.tst"));
        assertEquals("ap", s.source().provider());
        assertEquals("anpa", s.source().format());
        assertEquals("Ferry service resumes after harbour storm", s.headline());
        assertEquals("BC-EU--Harbour-Ferry", s.slugline());
        assertEquals(Revision.UPDATE, s.revision());
        assertEquals("3", s.version(), "the 2nd lead is the story's third version");
        assertEquals(Instant.parse("2025-02-01T14:33:00Z"), s.versionCreated());
        assertEquals(3, s.urgency(), "AP priority u is urgent");
        assertEquals("MARTA NOVAK", s.byline());
        assertEquals("PORTOVILLE, Examplia (AP)", s.dateline());
        assertEquals(List.of("Eds: Updates with mayor\u2019s comments in 4th paragraph."), s.editorNotes());
        List<String> paragraphs = Text.paragraphs(s.body());
        assertEquals(3, paragraphs.size(), "the ___ separator is not a paragraph: " + paragraphs);
        assertTrue(paragraphs.get(0).startsWith("PORTOVILLE, Examplia (AP) \u2014 The harbour ferry resumed service"));
        assertEquals("\u201CWe are glad to be back,\u201D said the captain, who asked not to be named.", paragraphs.get(1));
        assertTrue(paragraphs.get(2).contains("town\u2019s economy"), "cp1252 0x92 inside an ASCII story is a right quote");
        assertEquals("windows-1252", s.raw().detectedCharset());
        assertFalse(s.body().contains("\uFFFD"));
    }

    @Test
    void anUpdateLandsOnTheSameIdAsTheFirstVersionOfTheSameSlugAndDay() throws ParseException {
        String text = "^Ferry service resumes<\n\t   PORTOVILLE, Examplia (AP) _ The ferry is back. \n";
        Story first = only(parser, latin1(apStory("r", "", "", text)));
        Story update = only(parser, latin1(apStory("r", " 1stLd-Writethru", ", 1st Ld-Writethru", text)));
        assertEquals(Revision.NEW, first.revision());
        assertEquals("1", first.version());
        assertEquals(Revision.UPDATE, update.revision());
        assertEquals("2", update.version());
        assertEquals(first.id(), update.id());
        assertTrue(first.id().startsWith("ap:"));
    }

    @Test
    void killTakeKeyCancelsTheStory() throws ParseException {
        Story s = only(parser, latin1(apStory("r", " Kill", ", Kill", "^Ferry story withdrawn<\n\t   Editors: the story is withdrawn. \n")));
        assertEquals(PubStatus.CANCELED, s.pubStatus());
        assertEquals(Revision.KILL, s.revision());
    }

    @Test
    void correctsInEdsLineMakesACorrection() throws ParseException {
        Story s = only(parser, latin1(apStory("r", "", "", "^Ferry back<\n^Eds: Corrects name of captain.<\n\t   PORTOVILLE, Examplia (AP) _ Back. \n")));
        assertEquals(Revision.CORRECTION, s.revision());
    }

    @Test
    void tabularCopyKeepsEveryRowOnItsOwnAndDropsTheEndMarker() throws ParseException {
        Story s = only(parser, bytes("anpa/ap_table.tst"));
        assertEquals(List.of("LAKETOWN (AP) \u2014 Results from the regatta on Saturday:", ";CREW;TIME;LANE",
                "Northside;6:01.2;3", "Riverside;6:03.9;4"), Text.paragraphs(s.body()));
        assertEquals("Results from the regatta on Saturday:", s.headline(), "no headline line: the lead without its dateline");
        assertEquals(5, s.urgency());
    }

    @Test
    void newsAlertWithoutHeadlineLineTakesTheFirstSentenceAsHeadline() throws ParseException {
        String alert = "\026\026\001W0200\037world\nb a\023\021 BC-US--APNewsAlert     02-01 0101\n\002^BC-US--APNewsAlert,12<\n"
                + "\t   CAPITAL CITY (AP) _ Parliament votes to dissolve itself. More to come.\n\n\t   \003AP-WF-02-01-25 0101GMT<\n\004";
        Story s = only(parser, latin1(alert));
        assertEquals("Parliament votes to dissolve itself.", s.headline());
        assertEquals(2, s.urgency(), "b is a bulletin");
        assertEquals("CAPITAL CITY (AP)", s.dateline());
    }

    @Test
    void flashLetterOnALongStoryIsNotBelievedAndSaysSo() throws ParseException {
        String words = "word ".repeat(200);
        Story s = only(parser, latin1(apStory("f", "", "", "^A feature<\n\t   PORTOVILLE, Examplia (AP) _ " + words + "\n")));
        assertEquals(5, s.urgency());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("not a flash")), s.warnings().toString());
        Story flash = only(parser, latin1(apStory("f", "", "", "^Ferry sinks<\n\t   PORTOVILLE, Examplia (AP) _ Ferry sinks.\n")));
        assertEquals(1, flash.urgency());
    }

    @Test
    void priorityMapFromPropertiesOverridesTheDefaults() throws ParseException {
        Properties p = new Properties();
        p.setProperty("anpa.ap.u", "2");
        AnpaParser configured = new AnpaParser(PriorityMap.defaults().with(p));
        assertEquals(2, only(configured, bytes("anpa/ap_update.tst")).urgency());
        Properties bad = new Properties();
        bad.setProperty("anpa.ap.u", "12");
        assertThrows(IllegalArgumentException.class, () -> PriorityMap.defaults().with(bad));
    }

    @Test
    void kyodoVariantJoinsWrappedLinesAndReadsTokyoTime() throws ParseException {
        Story s = only(parser, bytes("anpa/kyodo_chess.txt"));
        assertEquals("kyodo", s.source().provider());
        assertEquals("Chess: Tanaka wins national title in final round", s.headline());
        assertEquals(List.of("OSAKA, Japan, Feb. 1 Kyodo - Haruto Tanaka won the national chess title on Saturday with a win in the final round.",
                "The 24-year-old said he had prepared for a year."), Text.paragraphs(s.body()));
        assertEquals(Instant.parse("2025-02-01T11:15:00Z"), s.versionCreated(), "20:15 on 1 Feb in Tokyo");
        assertEquals("OSAKA", s.located());
    }

    @Test
    void headerWithoutStxIsAServiceMessageNotAStory() {
        ParseException e = assertThrows(ParseException.class,
                () -> parse(parser, latin1("\026\026\001W0300\037world\nr a\023\021 BC-Test   02-01 0000\n\004")));
        assertTrue(e.getMessage().startsWith("anpa: "), e.getMessage());
        assertTrue(e.getMessage().contains("STX"), e.getMessage());
    }

    @Test
    void unreadableFooterCostsAWarningNotTheStory() throws ParseException {
        String msg = "\026\026\001W0100\037world\nr a\023\021 BC-X   02-01 0733\n\002^BC-X,5<\n^Head<\n\t   Text here.\n\003AP-WF-99-99\n\004";
        Story s = only(parser, latin1(msg));
        assertNull(s.versionCreated());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("footer")));
    }

    @Test
    void twoMessagesOneOfThemBrokenDeliverTheGoodOne() throws ParseException {
        String good = apStory("r", "", "", "^Ferry back<\n\t   PORTOVILLE, Examplia (AP) _ Back. \n");
        String bad = "\026\026\001W0301\037world\nr a\023\021 BC-Y   02-01 0000\n\004";
        ParseResult r = parse(parser, latin1(good + bad));
        assertEquals(1, r.stories().size());
        assertEquals(1, r.failures().size());
        assertEquals(1, r.failures().get(0).index());
    }

    @Test
    void sniffClaimsOnlyAnpaEnvelopes() {
        assertEquals(100, parser.sniff(Sniff.of(bytes("anpa/ap_update.tst"))));
        assertTrue(parser.sniff(Sniff.of(bytes("anpa/kyodo_chess.txt"))) >= 90);
        assertEquals(0, parser.sniff(Sniff.of(bytes("iptc7901/dpa_storm.txt"))));
        assertEquals(0, parser.sniff(Sniff.of("<?xml version=\"1.0\"?><nitf/>".getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, parser.sniff(Sniff.of("{\"uri\":\"x\"}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyByteWireRefusesAnInputOverItsLimitByName() {
        byte[] big = new byte[WireText.MAX_BYTES + 1];
        for (WireParser p : List.of(parser, new ZczcParser(), new Iptc7901Parser())) {
            ParseException e = assertThrows(ParseException.class, () -> p.parse(RawInput.of(big, "big")));
            assertEquals(p.format() + ": input is " + big.length + " bytes, over the limit of " + WireText.MAX_BYTES
                    + " bytes (wiretag.max.input.bytes)", e.getMessage());
        }
    }
}
