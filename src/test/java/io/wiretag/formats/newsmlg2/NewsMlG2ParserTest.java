package io.wiretag.formats.newsmlg2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.xml.Samples;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsMlG2ParserTest {
    private final NewsMlG2Parser parser = new NewsMlG2Parser();

    @Test
    void manyItemMessageDeliversGoodItemsAndReportsTheOneWithoutContentMeta() throws ParseException {
        ParseResult result = FormatDetector.standard().parse(Samples.resource("newsmlg2/message-three-items.xml"));

        assertEquals(2, result.stories().size());
        assertEquals(1, result.failures().size());
        ParseResult.ItemFailure failure = result.failures().get(0);
        assertEquals(1, failure.index());
        assertTrue(failure.reason().contains("tag:ap.org,2025:wt-sample-broken"), failure.reason());
        assertTrue(failure.reason().contains("no contentMeta"), failure.reason());
        assertTrue(failure.reason().contains("item 2 of 3"), failure.reason());
    }

    @Test
    void apWritethruIsAnUpdateWithEdsNotesOutOfTheBody() throws ParseException {
        Story ap = parser.parse(Samples.resource("newsmlg2/message-three-items.xml")).stories().get(0);

        assertEquals("ap:tag:ap.org,2025:wt-sample-1", ap.id());
        assertEquals("3", ap.version());
        assertEquals(Revision.UPDATE, ap.revision());
        assertEquals(PubStatus.USABLE, ap.pubStatus());
        assertEquals("Talks on grain corridor resume in Istanbul", ap.headline());
        assertEquals(2, ap.urgency());
        assertEquals("Kyiv", ap.located());
        assertEquals("KYIV, Ukraine", ap.dateline());
        assertEquals("By Olena Example", ap.byline());
        assertEquals("en", ap.language());
        assertEquals(Instant.parse("2025-03-01T09:30:00Z"), ap.versionCreated());
        assertEquals(Instant.parse("2025-03-01T08:00:00Z"), ap.firstCreated());
        assertEquals(List.of(new Subject("medtop:20000638", "international relations")), ap.subjects());
        assertEquals("KYIV, Ukraine (AP) _ Negotiators met again on Saturday.\n\nThe talks are expected to last two days.",
                ap.body());
        assertEquals(List.of("Eds: Updates with minister's comment.", "Eds: Note sensitive content."), ap.editorNotes());
        assertEquals("newsml-g2", ap.source().format());
    }

    @Test
    void correctionSignalEmbargoRankedHeadlineAndXhtmlBody() throws ParseException {
        Story dpa = parser.parse(Samples.resource("newsmlg2/message-three-items.xml")).stories().get(1);

        assertEquals("dpa:urn:newsml:dpa.com:20250301:wt-sample-3", dpa.id());
        assertEquals(Revision.CORRECTION, dpa.revision());
        assertEquals(PubStatus.WITHHELD, dpa.pubStatus());
        assertEquals(Instant.parse("2025-03-02T05:00:00Z"), dpa.embargoedUntil());
        assertEquals("Gespräche in Berlin vertagt", dpa.headline());
        assertEquals("Von Erika Beispiel, dpa", dpa.byline());
        assertEquals("de", dpa.language(), "the bare lang attribute counts as xml:lang");
        // the XHTML header repeats the headline: it is not body text
        assertEquals("Berlin (dpa) - Die Gespräche wurden vertagt.\n\nNeuer Termin\n\nEin neuer Termin steht noch nicht fest.",
                dpa.body());
        assertEquals(List.of("Korrigiert: Datum im zweiten Absatz."), dpa.editorNotes());
    }

    @Test
    void reutersEdStatDeleteIsAKillEvenWhenPubStatusSaysUsable() throws ParseException {
        Story kill = parser.parse(Samples.resource("newsmlg2/reuters-delete.xml")).stories().get(0);

        assertEquals("reuters:tag:reuters.com,0000:newsml_WT0SAMPLE", kill.id());
        assertEquals("77221934", kill.version());
        assertEquals(Revision.KILL, kill.revision());
        assertEquals(PubStatus.CANCELED, kill.pubStatus());
        assertEquals("", kill.body());
        assertEquals("utf8", kill.raw().declaredCharset());
    }

    @Test
    void correctedHeadlinePrefixMarksACorrection() throws ParseException {
        String xml = """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="tag:reuters.com,0000:newsml_WT1" version="5">
                  <itemMeta><itemClass qcode="icls:text"/><pubStatus qcode="stat:usable"/></itemMeta>
                  <contentMeta><headline>CORRECTED-Port reopens after storm</headline></contentMeta>
                  <contentSet><inlineData contenttype="text/plain">The port reopened.</inlineData></contentSet>
                </newsItem>""";
        Story s = parser.parse(Samples.utf8(xml)).stories().get(0);

        assertEquals(Revision.CORRECTION, s.revision());
        assertEquals("CORRECTED-Port reopens after storm", s.headline(), "the headline stays as the agency sent it");
    }

    @Test
    void plainTextBodyAndAnUnreadableDateCostAWarningNotTheStory() throws ParseException {
        Story s = parser.parse(Samples.resource("newsmlg2/bare-item-plain-text.xml")).stories().get(0);

        assertEquals("example:urn:newsml:example.com:20250301:plain", s.id());
        assertEquals(Revision.NEW, s.revision());
        assertNull(s.versionCreated());
        assertEquals(List.of("versionCreated 'yesterday afternoon' is not a date wiretag can read; left empty"), s.warnings());
        assertEquals("en-GB", s.language());
        assertEquals("First paragraph of plain text that runs over two lines.\n\nSecond paragraph.", s.body());
    }

    @Test
    void bareItemWithoutItemMetaOrContentMetaIsRefusedWithWhatIsMissing() {
        String xml = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"wt-incomplete\"></newsItem>";
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(Samples.utf8(xml)));

        assertEquals("newsml-g2: newsItem 'wt-incomplete' has no itemMeta and no contentMeta: incomplete, "
                + "not a NewsML-G2 news item (both are required)", e.getMessage());
    }

    @Test
    void serviceMessageWithoutItemsIsNoStory() {
        ParseException e = assertThrows(ParseException.class,
                () -> FormatDetector.standard().parse(Samples.resource("newsmlg2/service-message.xml")));

        assertTrue(e.getMessage().startsWith("newsml-g2: newsMessage holds no newsItem"), e.getMessage());
        assertTrue(e.getMessage().contains("service message"), e.getMessage());
    }

    @Test
    void knowledgeItemIsRecognisedButRefusedAsNotAStory() {
        String xml = "<knowledgeItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"k1\" version=\"1\"/>";
        ParseException e = assertThrows(ParseException.class, () -> FormatDetector.standard().parse(Samples.utf8(xml)));

        assertEquals("newsml-g2: root element <knowledgeItem> is not a newsMessage or newsItem: a knowledgeItem carries no story",
                e.getMessage());
    }

    @Test
    void pictureItemIsAFailureNotAStory() {
        String xml = """
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="pic-1" version="1">
                  <itemMeta><itemClass qcode="ninat:picture"/></itemMeta><contentMeta><headline>A photo</headline></contentMeta>
                </newsItem>""";
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(Samples.utf8(xml)));

        assertTrue(e.getMessage().contains("is a ninat:picture item, not text"), e.getMessage());
    }

    @Test
    void malformedXmlSaysWhereItBroke() {
        String xml = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"x\">\n<itemMeta>\n</newsItem>";
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(Samples.utf8(xml)));

        assertTrue(e.getMessage().startsWith("newsml-g2: not well-formed XML"), e.getMessage());
        assertTrue(e.getMessage().contains("at line 3"), e.getMessage());
    }

    @Test
    void scoopStyleBomAndHeadlineOnlyInNitfHead() throws ParseException {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>\r
                <newsMessage lang="en-US" xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>\r
                <newsItem guid="BD-1" version="1"><itemMeta><itemClass qcode="ninat:text"/><provider literal="BusinessDesk"/></itemMeta>\r
                <contentMeta/><contentSet><inlineXML><nitf><head><title>Retailer put up for sale</title></head>\r
                <body><body.content><p>By Jane Reporter</p><p>The receivers began advertising the chain.</p></body.content></body>\r
                </nitf></inlineXML></contentSet></newsItem></itemSet></newsMessage>""";
        byte[] utf8 = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        Story s = FormatDetector.standard().parse(Samples.input(withBom, "scoop-like")).stories().get(0);

        assertEquals("businessdesk:BD-1", s.id());
        assertEquals("Retailer put up for sale", s.headline());
        assertEquals("By Jane Reporter", s.byline());
        assertEquals("The receivers began advertising the chain.", s.body());
        assertEquals("en-US", s.language());
        assertEquals("utf-8", s.raw().detectedCharset());
        assertFalse(s.body().contains("\uFEFF"));
    }
}
