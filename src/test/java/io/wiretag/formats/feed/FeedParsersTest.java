package io.wiretag.formats.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParsersTest {
    @Test
    void rssItemBecomesAStoryWithHtmlDescriptionAsText() throws ParseException {
        ParseResult r = FormatDetector.standard().parse(Samples.resource("feed/rss-two-items.xml"));
        Story s = r.stories().get(0);

        assertEquals(2, r.stories().size());
        assertEquals("rss", s.source().format());
        assertEquals("example-wire:ew-2025-0001", s.id(), "provider from the channel link's domain");
        assertEquals("Ceasefire talks & prisoner swap", s.headline());
        assertEquals(Instant.parse("2025-03-01T10:00:00Z"), s.versionCreated());
        assertEquals("desk@example-wire.com (Ana Example)", s.byline());
        assertEquals("Negotiators met in Geneva.\n\nA second round is planned.", s.body(), "script removed");
        assertEquals(List.of(new Subject(null, "World"), new Subject("iptc:medtop:20000638", "medtop:20000638")), s.subjects());
        assertEquals("en-us", s.language());
        assertEquals(PubStatus.USABLE, s.pubStatus());
        assertEquals(Revision.NEW, s.revision());
    }

    @Test
    void rssContentEncodedWinsAndLinkStandsInForAMissingGuid() throws ParseException {
        Story s = new RssParser().parse(Samples.resource("feed/rss-two-items.xml")).stories().get(1);

        assertEquals("example-wire:https://www.example-wire.com/a/2", s.id());
        assertEquals("Full text, first paragraph.\n\nSecond paragraph.", s.body());
        assertEquals("Bo Example", s.byline());
        assertNull(s.versionCreated());
        assertEquals(List.of("pubDate 'sometime soon' is not a date wiretag can read; left empty"), s.warnings());
    }

    @Test
    void brokenRssIsReadLenientlyAndTheEmptyItemIsAFailure() throws ParseException {
        ParseResult r = FormatDetector.standard().parse(Samples.resource("feed/rss-broken.xml"));

        assertEquals(1, r.stories().size());
        Story s = r.stories().get(0);
        assertEquals("example:b-1", s.id());
        assertEquals("Storm hits coast & ports", s.headline());
        assertEquals("Winds reached 120 km/h\n\nPorts closed.", s.body());
        assertTrue(s.warnings().get(0).startsWith("not well-formed XML, read leniently (rss: not well-formed XML"), s.warnings().toString());
        assertEquals(1, r.failures().size());
        assertEquals(1, r.failures().get(0).index());
        assertEquals("rss: item 2 of 2 has neither a title nor text: nothing to publish", r.failures().get(0).reason());
    }

    @Test
    void c1ControlInUtf8MeansTheCp1252Quote() throws ParseException {
        byte[] bytes = "<rss version=\"2.0\"><channel><item><title>It\u0092s here</title></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);

        Story s = new RssParser().parse(Samples.input(bytes, "c1")).stories().get(0);

        assertEquals("It’s here", s.headline());
    }

    @Test
    void feedWithoutItemsIsNoStory() {
        ParseException e = assertThrows(ParseException.class,
                () -> new RssParser().parse(Samples.utf8("<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>")));

        assertEquals("rss: the channel has no <item>: no story in it", e.getMessage());
    }

    @Test
    void atomEntriesWithXhtmlContentHtmlSummaryAndUpdatedAfterPublished() throws ParseException {
        ParseResult r = FormatDetector.standard().parse(Samples.resource("feed/atom.xml"));
        Story first = r.stories().get(0);
        Story second = r.stories().get(1);

        assertEquals("atom", first.source().format());
        assertEquals("example-news:urn:example:entry:1", first.id(), "co.uk is skipped to find the name");
        assertEquals("Markets rally", first.headline());
        assertEquals("Stocks rose.\n\nBonds fell.", first.body());
        assertEquals(Revision.UPDATE, first.revision(), "updated after published");
        assertEquals(Instant.parse("2025-03-01T07:00:00Z"), first.firstCreated());
        assertEquals(Instant.parse("2025-03-01T08:30:00Z"), first.versionCreated());
        assertEquals("Cy Example", first.byline());
        assertEquals(List.of(new Subject("https://example-news.co.uk/cat:markets", "Markets")), first.subjects());
        assertEquals("en", first.language());

        assertEquals("Les marchés montent.", second.body());
        assertEquals("fr", second.language());
        assertEquals("Feed Desk", second.byline(), "the feed's author stands in for the entry's");
        assertEquals(Revision.NEW, second.revision());
    }
}
