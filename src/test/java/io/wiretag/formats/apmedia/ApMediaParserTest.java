package io.wiretag.formats.apmedia;

import static io.wiretag.formats.samples.Samples.only;
import static io.wiretag.formats.samples.Samples.parse;
import static io.wiretag.formats.samples.Samples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.Sniff;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApMediaParserTest {
    private final ApMediaParser parser = new ApMediaParser();

    private static String item(String itemid, String extra) {
        return "{\"altids\": {\"itemid\": \"" + itemid + "\", \"etag\": \"" + itemid + "_1\", \"friendlykey\": \"42\"},"
                + " \"version\": 1, \"urgency\": 2, \"pubstatus\": \"usable\", \"versioncreated\": \"2025-02-01T10:00:00Z\","
                + " \"headline\": \"Ferry back\", \"provider\": \"AP\"" + extra + "}";
    }

    @Test
    void itemMetadataBecomesAStoryWithSubjectsButNoAncestors() throws ParseException {
        String json = "{\"api_version\": \"1.1\", \"data\": {\"item\": " + item("abc", ", \"signals\": [\"newscontent\"],"
                + " \"subject\": [{\"code\": \"a\", \"name\": \"a\", \"rels\": [\"category\"]},"
                + " {\"code\": \"c1\", \"name\": \"Ferries\", \"rels\": [\"direct\"], \"scheme\": \"http://cv.ap.org/id/\"},"
                + " {\"code\": \"c0\", \"name\": \"Transport\", \"rels\": [\"ancestor\"], \"scheme\": \"http://cv.ap.org/id/\"}],"
                + " \"place\": [{\"code\": \"p1\", \"name\": \"Portoville\", \"rels\": [\"direct\"], \"scheme\": \"http://cv.ap.org/id/\"}]") + "}}";
        Story s = only(parser, utf8(json));
        assertEquals("ap:abc", s.id());
        assertEquals("1", s.version());
        assertEquals(Revision.UPDATE, s.revision(), "AP counts versions from 0");
        assertEquals(2, s.urgency());
        assertEquals(Instant.parse("2025-02-01T10:00:00Z"), s.versionCreated());
        assertEquals(List.of(new Subject("apcategory:a", "a"), new Subject("apcv:c1", "Ferries"), new Subject("apcv:p1", "Portoville")),
                s.subjects());
        assertEquals("", s.body());
        assertTrue(s.warnings().get(0).contains("NITF rendition"));
    }

    @Test
    void feedPageGivesOneStoryPerItemAndReportsTheBrokenOne() throws ParseException {
        String json = "{\"api_version\": \"1.1\", \"data\": {\"next_page\": \"https://x\", \"items\": [{\"item\": " + item("a", "")
                + "}, {\"item\": {\"headline\": \"no id\"}}, {\"item\": " + item("c", ", \"pubstatus\": \"canceled\"") + "}]}}";
        ParseResult r = parse(parser, utf8(json));
        assertEquals(List.of("ap:a", "ap:c"), r.stories().stream().map(Story::id).toList());
        assertEquals(PubStatus.CANCELED, r.stories().get(1).pubStatus());
        assertEquals(1, r.failures().size());
        assertEquals(1, r.failures().get(0).index());
        assertTrue(r.failures().get(0).reason().contains("itemid"));
    }

    @Test
    void emptyFeedAndErrorAnswersAreRefusedWithTheirReason() {
        ParseException empty = assertThrows(ParseException.class,
                () -> parse(parser, utf8("{\"api_version\": \"1.1\", \"data\": {\"items\": [], \"next_page\": \"https://n\"}}")));
        assertTrue(empty.getMessage().contains("no items"), empty.getMessage());
        ParseException error = assertThrows(ParseException.class,
                () -> parse(parser, utf8("{\"api_version\": \"1.1\", \"error\": {\"code\": 401, \"message\": \"API key invalid\"}}")));
        assertTrue(error.getMessage().contains("API key invalid"), error.getMessage());
    }

    @Test
    void sniffWantsTheApiEnvelope() {
        assertEquals(100, parser.sniff(Sniff.of(utf8("{\"api_version\": \"1.1\", \"data\": {}}"))));
        assertEquals(0, parser.sniff(Sniff.of(utf8("{\"uri\": \"x\", \"headline\": \"h\"}"))));
        assertEquals(0, parser.sniff(Sniff.of(utf8("<feed/>"))));
    }
}
