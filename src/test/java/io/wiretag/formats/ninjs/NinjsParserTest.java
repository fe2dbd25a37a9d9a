package io.wiretag.formats.ninjs;

import static io.wiretag.formats.samples.Samples.latin1;
import static io.wiretag.formats.samples.Samples.only;
import static io.wiretag.formats.samples.Samples.parse;
import static io.wiretag.formats.samples.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.Sniff;
import io.wiretag.formats.samples.Samples;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import io.wiretag.story.Text;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NinjsParserTest {
    private final NinjsParser parser = new NinjsParser();

    @Test
    void superdeskFlavourWithGuidPlusZeroOffsetsAndCancelledSpelling() throws ParseException {
        String json = """
                {"guid": "urn:example:1", "version": "3", "versioncreated": "2025-02-01T10:00:00+0000",
                 "pubstatus": "cancelled", "source": "EXA", "headline": "Ferry story withdrawn",
                 "body_html": "<p>Withdrawn.</p>", "priority": 4, "located": "Portoville",
                 "subject": [{"code": "04000000", "name": "economy, business and finance"}]}""";
        Story s = only(parser, utf8(json));
        assertEquals("exa:urn:example:1", s.id());
        assertEquals(Instant.parse("2025-02-01T10:00:00Z"), s.versionCreated());
        assertEquals(PubStatus.CANCELED, s.pubStatus());
        assertEquals(Revision.KILL, s.revision());
        assertEquals(4, s.urgency(), "priority stands in for a missing urgency");
        assertEquals("Portoville", s.located());
        assertEquals(List.of(new Subject("04000000", "economy, business and finance")), s.subjects());
    }

    @Test
    void ninjs2HeadlinesAndBodiesPreferTheMainHeadlineAndTheMarkedUpParagraphs() throws ParseException {
        String json = """
                {"uri": "http://example.org/item/2", "versioncreated": "2025-02-01T10:00:00Z", "embargoed": "2025-02-02T00:00:00Z",
                 "headlines": [{"role": "sub", "value": "Sub"}, {"role": "main", "value": "Main headline"}],
                 "bodies": [{"role": "text", "contenttype": "text/plain", "value": "One. Two."},
                            {"role": "xhtml", "contenttype": "text/html", "value": "<body><p>One.</p><p>Two.</p></body>"}],
                 "urgency": 2}""";
        Story s = only(parser, utf8(json));
        assertEquals("Main headline", s.headline());
        assertEquals(List.of("One.", "Two."), Text.paragraphs(s.body()));
        assertEquals(Instant.parse("2025-02-02T00:00:00Z"), s.embargoedUntil());
        assertEquals("example.org", s.source().provider(), "no provider named: the uri's host");
        assertEquals(2, s.urgency());
    }

    @Test
    void ninjs3CamelCaseWithEmbargoedUntilAndPlainBody() throws ParseException {
        String json = """
                {"uri": "urn:x:3", "versionCreated": "2025-02-01T10:00:00+01:00", "pubStatus": "usable", "version": "2",
                 "embargoedUntil": "2025-02-03T08:00:00Z", "headlines": [{"value": "Camel"}],
                 "bodies": [{"role": "text", "contentType": "text/plain", "value": "First para.\\n\\nSecond para."}],
                 "subjects": [{"uri": "http://cv.iptc.org/newscodes/mediatopic/20000638", "name": "international relations"}]}""";
        Story s = only(parser, utf8(json));
        assertEquals(Instant.parse("2025-02-01T09:00:00Z"), s.versionCreated());
        assertEquals(Instant.parse("2025-02-03T08:00:00Z"), s.embargoedUntil());
        assertEquals(List.of("First para.", "Second para."), Text.paragraphs(s.body()));
        assertEquals(Revision.UPDATE, s.revision(), "version 2 follows version 1");
        assertEquals("international relations", s.subjects().get(0).name());
    }

    @Test
    void rawNewlineInsideAStringIsInvalidJsonWithLineAndColumn() {
        byte[] json = utf8("{\n  \"uri\": \"x\",\n  \"body_text\": \"one\ntwo\"\n}");
        ParseException e = assertThrows(ParseException.class, () -> parse(parser, json));
        assertTrue(e.getMessage().startsWith("ninjs: invalid JSON at line 3, column 20: illegal unquoted control character in a string"),
                e.getMessage());
    }

    @Test
    void oneBadItemInAnArrayDoesNotLoseTheOthers() throws ParseException {
        String json = "[{\"uri\": \"a\", \"headline\": \"Good\", \"body_text\": \"Text.\"}, {\"uri\": \"b\"}, 7]";
        ParseResult r = parse(parser, utf8(json));
        assertEquals(1, r.stories().size());
        assertEquals(2, r.failures().size());
        assertTrue(r.failures().get(0).reason().contains("no headline and no body"), r.failures().get(0).reason());
    }

    @Test
    void itemWithoutTextIsRefusedUnlessItIsAKill() throws ParseException {
        assertThrows(ParseException.class, () -> parse(parser, utf8("{\"uri\": \"a\", \"pubstatus\": \"usable\"}")));
        assertEquals(Revision.KILL, only(parser, utf8("{\"uri\": \"a\", \"pubstatus\": \"canceled\"}")).revision());
        assertThrows(ParseException.class, () -> parse(parser, utf8("   ")));
    }

    @Test
    void unreadableDateIsNullAndAWarning() throws ParseException {
        Story s = only(parser, utf8("{\"uri\": \"a\", \"headline\": \"H\", \"versioncreated\": \"yesterday-ish\"}"));
        assertNull(s.versionCreated());
        assertEquals(List.of("ninjs: unreadable date in versioncreated: \"yesterday-ish\", left empty"), s.warnings());
    }

    @Test
    void latin1BytesInAJsonDocumentAreReadNotReplaced() throws ParseException {
        Story s = only(parser, latin1("{\"uri\": \"a\", \"headline\": \"Caf\u00e9 reopens\"}"));
        assertEquals("Caf\u00e9 reopens", s.headline());
    }

    @Test
    void sniffLeavesXmlAndForeignJsonAlone() throws ParseException {
        assertEquals(0, parser.sniff(Sniff.of(utf8("<?xml version=\"1.0\"?><newsItem guid=\"x\"/>"))));
        assertEquals(0, parser.sniff(Sniff.of(utf8("{\"name\": \"config\", \"items\": [1, 2]}"))));
        assertEquals(0, parser.sniff(Sniff.of(utf8("{\"uri\": \"only one ninjs word\"}"))));
        assertEquals(0, parser.sniff(Sniff.of(utf8("{\"api_version\": \"1.1\", \"data\": {\"item\": {\"uri\": \"x\", \"headline\": \"h\"}}}"))));
        assertTrue(parser.sniff(Sniff.of(utf8("{\"uri\": \"x\", \"headline\": \"h\", \"versioncreated\": \"2025-01-01\"}"))) >= 50);
        ParseException e = assertThrows(ParseException.class,
                () -> FormatDetector.standard().parse(Samples.input(utf8("{\"name\": \"config\", \"items\": [1, 2]}"))));
        assertTrue(e.getMessage().startsWith("unrecognised format"), e.getMessage());
    }
}
