package io.wiretag.formats.nitf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.xml.Samples;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NitfParserTest {
    private final NitfParser parser = new NitfParser();

    @Test
    void cancellationOfAnotherDocumentIsTheKillOfThatDocumentsId() throws ParseException {
        Story kill = FormatDetector.standard().parse(Samples.resource("nitf/cancel-other-doc.xml")).stories().get(0);

        assertEquals("nitf", kill.source().format());
        assertEquals("example-wire:wt.sample.100.a", kill.id(), "the kill must carry the cancelled document's id");
        assertEquals("wt.sample.100.a", kill.guid());
        assertEquals(Revision.KILL, kill.revision());
        assertEquals(PubStatus.CANCELED, kill.pubStatus());
        assertEquals(List.of("Cancels document wt.sample.100.a (this notice is wt.sample.100.b)"), kill.editorNotes());
        assertEquals(Instant.parse("2025-03-01T09:15:00Z"), kill.versionCreated());
        assertEquals(2, kill.urgency());
        // the DTD is never fetched; its HTML entities still read as the characters they name
        assertEquals("The story on the harbour closure is withdrawn\u00A0\u2014 do not use.".replace('\u00A0', ' '), kill.body());
    }

    @Test
    void embargoedDocumentIsWithheldUntilItsReleaseDate() throws ParseException {
        Story s = parser.parse(Samples.resource("nitf/embargoed-namespaced.xml")).stories().get(0);

        assertEquals("pa:wt-embargo-1", s.id());
        assertEquals(PubStatus.WITHHELD, s.pubStatus());
        assertEquals(Instant.parse("2025-03-02T00:01:00Z"), s.embargoedUntil());
        assertEquals(Revision.UPDATE, s.revision(), "du-key generation 2 is a later version");
        assertEquals("2", s.version());
        assertEquals("PA-POLITICS-Sample", s.slugline());
        assertEquals("Minister to set out plan", s.headline());
        assertEquals("By Sam Example, Press Association", s.byline());
        assertEquals("London", s.dateline());
        assertEquals("London, GB", s.located());
        assertEquals(List.of(new Subject("subj:11000000", "Politics")), s.subjects());
    }

    @Test
    void placeholderDateIsNullWithAWarning() throws ParseException {
        Story s = parser.parse(Samples.resource("nitf/embargoed-namespaced.xml")).stories().get(0);

        assertNull(s.versionCreated());
        assertEquals(List.of("date.issue '00000000T000000+0000' is not a date wiretag can read; left empty"), s.warnings());
    }

    @Test
    void notForPublicationNoteAndEdMsgGoToEditorNotesNotTheBody() throws ParseException {
        Story s = parser.parse(Samples.resource("nitf/embargoed-namespaced.xml")).stories().get(0);

        assertEquals(List.of("Embargoed to 0001 Sunday March 2", "Not for publication: check figures with the desk."),
                s.editorNotes());
        assertEquals("The minister will set out the plan on Sunday.\n\nYear Budget\n\n2025 £1.2bn\n\n"
                + "Officials said details would follow.\n\nAdditional reporting by the desk.", s.body());
    }

    @Test
    void utf8BytesUnderAnIso88591DeclarationAreReadAsUtf8() throws ParseException {
        Story s = parser.parse(Samples.resource("nitf/embargoed-namespaced.xml")).stories().get(0);

        assertTrue(s.body().contains("£1.2bn"), "not Â£: " + s.body());
        assertEquals("iso-8859-1", s.raw().declaredCharset());
        assertEquals("utf-8", s.raw().detectedCharset());
    }

    @Test
    void latin1BytesAndCp1252QuotesAreDecodedByWhatTheyAre() throws ParseException {
        byte[] head = "<?xml version=\"1.0\"?><nitf><body><body.head><hedline><hl1>Caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</hl1></hedline></body.head><body.content><p>It".getBytes(StandardCharsets.US_ASCII);
        byte[] end = "s open.</p></body.content></body></nitf>".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 1 + tail.length + 1 + end.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // é in Latin-1
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        bytes[head.length + 1 + tail.length] = (byte) 0x92; // cp1252 right single quote
        System.arraycopy(end, 0, bytes, head.length + 2 + tail.length, end.length);

        Story s = parser.parse(Samples.input(bytes, "latin1")).stories().get(0);

        assertEquals("Café", s.headline());
        assertEquals("It’s open.", s.body());
        assertEquals("windows-1252", s.raw().detectedCharset());
    }

    @Test
    void nitfWithNeitherHeadlineNorBodyIsRefused() {
        ParseException e = assertThrows(ParseException.class,
                () -> parser.parse(Samples.utf8("<nitf><head/><body><body.content/></body></nitf>")));

        assertTrue(e.getMessage().startsWith("nitf: neither a headline"), e.getMessage());
    }

    @Test
    void anotherRootElementIsRefusedByName() {
        ParseException e = assertThrows(ParseException.class, () -> parser.parse(Samples.utf8("<ns:doc xmlns:ns=\"urn:x\"/>")));

        assertEquals("nitf: root element is <ns:doc>, not <nitf>", e.getMessage());
    }
}
