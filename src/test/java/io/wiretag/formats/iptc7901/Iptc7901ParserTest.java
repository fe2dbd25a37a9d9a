package io.wiretag.formats.iptc7901;

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
import io.wiretag.formats.Sniff;
import io.wiretag.formats.anpa.PriorityMap;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Iptc7901ParserTest {
    private final Iptc7901Parser parser = new Iptc7901Parser(PriorityMap.defaults());

    private static String story(String kicker, String headline, String footer) {
        return "\001eca0100 3 i 80  dpa 0100\r\n\r\nEurope-ferry/\r\n\002" + kicker + headline + " =\r\n\r\n"
                + "   Rome (dpa) - The ferry sailed again on Saturday.\r\n\r\n" + "\003" + footer + "\r\n\004";
    }

    @Test
    void dpaStoryKeepsTheNotebookOutOfTheBody() throws ParseException {
        Story s = only(parser, bytes("iptc7901/dpa_storm.txt"));
        assertEquals("dpa", s.source().provider());
        assertEquals("Sturm \u00fcber Norddeutschland: Z\u00fcge fallen aus", s.headline(), "EILT is a kicker, not the headline");
        assertEquals("Deutschland/Wetter", s.slugline());
        assertEquals(2, s.urgency());
        assertEquals("Hamburg (dpa)", s.dateline());
        assertEquals("Hamburg", s.located());
        assertEquals(List.of("Hamburg (dpa) - Ein Sturm hat am Samstag den Bahnverkehr in Norddeutschland gest\u00f6rt. Mehrere Z\u00fcge fielen aus.",
                "Die Bahn riet Reisenden, ihre Fahrt zu verschieben."), Text.paragraphs(s.body()));
        assertFalse(s.body().contains("Erika"), "contacts are not for publication");
        assertTrue(s.editorNotes().contains("Autor: Erika Beispiel"), s.editorNotes().toString());
        assertTrue(s.editorNotes().contains("dpa eb xx"), "the closing line is a note: " + s.editorNotes());
        assertEquals(Instant.parse("2025-02-01T15:30:00Z"), s.versionCreated());
        assertEquals("iso-8859-1", s.raw().detectedCharset());
        assertEquals(Revision.NEW, s.revision());
    }

    @Test
    void correctionKickerMakesACorrectionAndKillKickerACancel() throws ParseException {
        assertEquals(Revision.CORRECTION, only(parser, latin1(story("BERICHTIGUNG\r\n", "Ferry sails again", "011530 GMT Feb 25"))).revision());
        Story kill = only(parser, latin1(story("KILL\r\n", "Ferry sails again", "011530 GMT Feb 25")));
        assertEquals(PubStatus.CANCELED, kill.pubStatus());
        assertEquals(Revision.KILL, kill.revision());
    }

    @Test
    void laterVersionOfTheSameSlugOnTheSameDayHasTheSameId() throws ParseException {
        Story first = only(parser, latin1(story("", "Ferry sails again", "010930 GMT Feb 25")));
        Story later = only(parser, latin1(story("", "Ferry sails again after two days", "011530 GMT Feb 25")));
        assertEquals(first.id(), later.id());
    }

    @Test
    void unreadableFooterDateIsNullWithAWarning() throws ParseException {
        Story s = only(parser, latin1(story("", "Ferry sails again", "xx GMT")));
        assertNull(s.versionCreated());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("iptc7901: no readable date")), s.warnings().toString());
    }

    @Test
    void swissFooterWithoutZoneIsZurichTime() throws ParseException {
        String sda = "\001bsf001 3 ec 50   etf 1\r\nSuisse\r\n\002Titre du jour = \r\n\r\n   Berne (ats) Le Conseil f\u00e9d\u00e9ral a d\u00e9cid\u00e9.\r\n\r\n(SDA\\/xy)\r\n\003011230 feb 25\r\n\004";
        Story s = only(parser, latin1(sda));
        assertEquals("sda", s.source().provider());
        assertEquals(Instant.parse("2025-02-01T11:30:00Z"), s.versionCreated(), "12:30 in Zurich in winter");
        assertEquals(List.of("(SDA\\/xy)"), s.editorNotes());
        assertTrue(s.body().contains("f\u00e9d\u00e9ral"));
    }

    @Test
    void missingStxIsAServiceMessage() {
        ParseException e = assertThrows(ParseException.class, () -> parse(parser, latin1("\001eca0100 3 i 80  dpa 0100\r\nTest\r\n\004")));
        assertTrue(e.getMessage().contains("STX"), e.getMessage());
    }

    @Test
    void sniffTakesDelPaddedSohButNotAnpa() {
        assertEquals(90, parser.sniff(Sniff.of(bytes("iptc7901/dpa_storm.txt"))));
        assertEquals(0, parser.sniff(Sniff.of(bytes("anpa/ap_update.tst"))));
        assertEquals(0, parser.sniff(Sniff.of(bytes("anpa/kyodo_chess.txt"))));
        assertEquals(0, parser.sniff(Sniff.of(latin1("<?xml version=\"1.0\"?><rss/>"))));
    }
}
