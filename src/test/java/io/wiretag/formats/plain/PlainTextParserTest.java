package io.wiretag.formats.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.RawInput;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Text;
import io.wiretag.testing.Seed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextParserTest {
    private final PlainTextParser parser = new PlainTextParser();

    private Story parse(String text) throws ParseException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private Story parse(byte[] bytes) throws ParseException {
        List<Story> stories = parser.parse(new RawInput(bytes, null, "test", "sample.txt", Instant.parse("2025-02-01T12:00:00Z"))).stories();
        assertEquals(1, stories.size());
        return stories.get(0);
    }

    @Test
    void seedHeaderDateRunsStraightIntoTheBody() throws Exception {
        Story s = parse(Seed.bytes());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), s.versionCreated());
        assertTrue(s.body().startsWith("US President Donald Trump revealed on Friday (Jan 31)"), s.body());
        assertEquals("US President Donald Trump revealed on Friday (Jan 31) that his administration has engaged in "
                + "“very serious” discussions with Russia regarding its ongoing war in Ukraine.", s.headline());
        assertEquals(List.of("(With inputs from agencies)"), s.editorNotes());
        assertTrue(s.body().endsWith("for not reaching a deal with Putin to prevent the conflict."), s.body());
        assertEquals("en", s.language());
        assertEquals(PubStatus.USABLE, s.pubStatus());
        assertEquals(Revision.NEW, s.revision());
        assertEquals("plain", s.source().format());
        assertEquals("sample.txt", s.source().feed());
    }

    @Test
    void seedSubheadsStayParagraphsOfTheirOwn() throws Exception {
        List<String> paragraphs = Text.paragraphs(parse(Seed.bytes()).body());
        assertEquals(10, paragraphs.size());
        assertEquals("Putin's praise for Trump", paragraphs.get(4));
        assertEquals("Trump's position on Ukraine and Putin", paragraphs.get(7));
    }

    @Test
    void detectorPicksPlainTextForTheSeed() throws Exception {
        assertEquals("plain", FormatDetector.standard().detect(RawInput.of(Seed.bytes(), "seed")).format());
    }

    @Test
    void rawRecordsTheOriginalBytes() throws Exception {
        byte[] bytes = "date 2025-01-01 Short story. Second sentence.".getBytes(StandardCharsets.UTF_8);
        Story s = parse(bytes);
        assertEquals(bytes.length, s.raw().bytes());
        assertTrue(s.id().matches("test:[0-9a-f]{16}"), s.id());
        assertEquals(64, s.raw().sha256().length());
        assertEquals("us-ascii", s.raw().detectedCharset());
    }

    @Test
    void headerKeysWithTextValuesTakeTheRestOfTheirLine() throws Exception {
        Story s = parse("date 2025-03-04 headline Talks resume in Geneva\nbyline By Jane Doe\n\nDiplomats met on Tuesday.\n\nThey will meet again.");
        assertEquals("Talks resume in Geneva", s.headline());
        assertEquals("By Jane Doe", s.byline());
        assertEquals("Diplomats met on Tuesday.\n\nThey will meet again.", s.body());
    }

    @Test
    void aFirstWordThatOnlyLooksLikeAHeaderKeyStaysInTheBody() throws Exception {
        Story s = parse("date palms were planted along the river on Monday. Officials said more would follow.");
        assertNull(s.versionCreated());
        assertTrue(s.body().startsWith("date palms were planted"), s.body());
        assertEquals("date palms were planted along the river on Monday.", s.headline());
    }

    @Test
    void aTitleLineAboveTheBodyIsTheHeadlineAndNotTheFirstParagraph() throws Exception {
        Story s = parse("Russia strikes Kyiv again\n\nDozens of drones hit the capital overnight. Officials said two "
                + "people were hurt.\n\nThe air raid alert lasted four hours.");
        assertEquals("Russia strikes Kyiv again", s.headline());
        assertTrue(s.body().startsWith("Dozens of drones"), s.body());
        Story asks = parse("Hat die Ampel nichts gelernt?\n\nDer Haushaltsstreit geht in die nächste Runde.");
        assertEquals("Hat die Ampel nichts gelernt?", asks.headline());
        assertTrue(asks.body().startsWith("Der Haushaltsstreit"), asks.body());
        Story quoted = parse("Scholz: »Es war richtig«\n\nDer Kanzler verteidigte am Mittwoch die Lieferung.");
        assertEquals("Scholz: »Es war richtig«", quoted.headline());
        assertTrue(quoted.body().startsWith("Der Kanzler"), quoted.body());
    }

    @Test
    void aFirstLineThatIsASentenceABylineOrADatelineStaysInTheBody() throws Exception {
        for (String first : List.of("Diplomats met on Tuesday.", "By Jane Doe", "KYIV, Ukraine (AP) —",
                "“We will keep talking,” she said.", "Talks resumed on Monday. Would they last?")) {
            Story s = parse(first + "\n\nThey will meet again in March.");
            assertTrue(s.body().startsWith(first), first + " | " + s.body());
        }
        Story alone = parse("Markets closed early for the holiday");
        assertEquals("Markets closed early for the holiday", alone.body());
        Story wrapped = parse("A paragraph wrapped\nat seventy columns\n\nAnother one.");
        assertTrue(wrapped.body().startsWith("A paragraph wrapped at seventy columns"), wrapped.body());
    }

    @Test
    void headlineStopsAtTheFirstSentenceButNotAtAbbreviations() throws Exception {
        Story s = parse("The U.S. and Mr. Smith met Gen. Jones in Washington on Jan. 5 to talk. Nothing was agreed.");
        assertEquals("The U.S. and Mr. Smith met Gen. Jones in Washington on Jan. 5 to talk.", s.headline());
    }

    @Test
    void textWithoutBlankLinesHasOneParagraphPerLine() throws Exception {
        Story s = parse("First line of the story.\r\nSecond line here.\r\nThird.");
        assertEquals("First line of the story.\n\nSecond line here.\n\nThird.", s.body());
    }

    @Test
    void linesWrappedInsideAParagraphAreJoined() throws Exception {
        Story s = parse("A paragraph wrapped\nat seventy columns\nby an old system.\n\nAnother one.");
        assertEquals("A paragraph wrapped at seventy columns by an old system.\n\nAnother one.", s.body());
    }

    @Test
    void latin1BytesAreReadAsLatin1NotReplaced() throws Exception {
        byte[] bytes = "Caf\u00e9 owners in Z\u00fcrich said prices rose.".getBytes(StandardCharsets.ISO_8859_1);
        Story s = parse(bytes);
        assertEquals("Café owners in Zürich said prices rose.", s.body());
        assertEquals("iso-8859-1", s.raw().detectedCharset());
    }

    @Test
    void controlCharactersAreRemovedFromTheBody() throws Exception {
        Story s = parse("Markets\u0007 rallied\u0000 on Friday.");
        assertEquals("Markets rallied on Friday.", s.body());
    }

    @Test
    void aReportingCreditIsAnEditorsNoteNotBody() throws Exception {
        Story s = parse("Ministers met.\n\n(Reporting by Jane Doe; Editing by John Roe)");
        assertEquals("Ministers met.", s.body());
        assertEquals(List.of("(Reporting by Jane Doe; Editing by John Roe)"), s.editorNotes());
    }

    @Test
    void sameTextSameDateSameIdAndAnotherDateAnotherId() throws Exception {
        String a = parse("date 2025-02-01 Talks went on.").id();
        String b = parse("date 2025-02-01 Talks went on.").id();
        String c = parse("date 2025-02-02 Talks went on.").id();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(a.startsWith("test:"), a);
    }

    @Test
    void aHeaderWithNoBodyIsRefusedWithAReason() {
        ParseException e = assertThrows(ParseException.class, () -> parse("date 2025-02-01"));
        assertEquals("plain: a header but no body text", e.getMessage());
    }

    @Test
    void onlyWhiteSpaceIsRefusedWithAReason() {
        ParseException e = assertThrows(ParseException.class, () -> parse(" \n\t \n"));
        assertEquals("plain: only white space, no story text", e.getMessage());
    }

    @Test
    void binaryIsNotClaimedAsPlainText() {
        ParseException e = assertThrows(ParseException.class,
                () -> FormatDetector.standard().parse(RawInput.of(new byte[] {0, 1, 2, 'x', (byte) 0xff}, "x.bin")));
        assertTrue(e.getMessage().startsWith("unrecognised format"), e.getMessage());
    }

}
