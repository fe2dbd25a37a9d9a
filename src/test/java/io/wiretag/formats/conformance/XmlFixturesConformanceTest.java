package io.wiretag.formats.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Story;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every XML file of the shared wire fixtures, through format detection and parsing, against values read
 * by hand from the files. Skipped only when the fixtures folder is not beside the project.
 */
class XmlFixturesConformanceTest {
    private static final Path WIRE = Path.of("..", "shared", "fixtures", "wire");

    @BeforeAll
    static void fixturesPresent() {
        Assumptions.assumeTrue(Files.isDirectory(WIRE),
                "skipped: the shared wire fixtures are not at ../shared/fixtures/wire (run from the project root)");
    }

    private static ParseResult parse(String path) throws IOException, ParseException {
        byte[] bytes = Files.readAllBytes(WIRE.resolve(path));
        return FormatDetector.standard().parse(new RawInput(bytes, null, null, path, Instant.EPOCH));
    }

    private static void expect(Story s, String format, String headline, String version, PubStatus status,
                               Revision revision, String bodyStart) {
        assertEquals(format, s.source().format(), "format");
        assertEquals(headline, s.headline(), "headline");
        assertEquals(version, s.version(), "version");
        assertEquals(status, s.pubStatus(), "pubStatus");
        assertEquals(revision, s.revision(), "revision");
        assertTrue(s.body().startsWith(bodyStart), () -> "body starts with \"" + bodyStart + "\" but is: "
                + s.body().substring(0, Math.min(200, s.body().length())));
    }

    @Test
    void iptcListing2TextDocument() throws Exception {
        List<Story> stories = parse("iptc-newsml-g2/examples/LISTING_2_NewsML-G2_Text_Document.xml").stories();

        assertEquals(1, stories.size());
        Story s = stories.get(0);
        // headline has a leading space in the file; version 11 with no signal is an update
        expect(s, "newsml-g2", "Fed to halt QE to avert \"bubble\"", "11", PubStatus.USABLE, Revision.UPDATE,
                "(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet");
        assertEquals("acmenews:urn:newsml:acmenews.com:20161121:US-FINANCE-FED", s.id());
        assertEquals(Instant.parse("2018-11-21T21:25:32Z"), s.versionCreated(), "-05:00 converted to UTC");
        assertEquals("en-US", s.language());
        assertEquals("New York, NY", s.located());
        assertEquals(3, s.subjects().size());
        assertEquals(2, s.body().split("\n\n").length);
    }

    @Test
    void iptcIncompleteItemIsRefusedWithWhatIsMissing() {
        ParseException e = assertThrows(ParseException.class,
                () -> parse("iptc-newsml-g2/tests/unit_test_files/2.29/should_fail/001_incomplete_file.xml"));

        assertEquals("newsml-g2: newsItem 'invalid-document' has no itemMeta and no contentMeta: incomplete, "
                + "not a NewsML-G2 news item (both are required)", e.getMessage());
    }

    @Test
    void apNewsMessageWithWritethrus() throws Exception {
        ParseResult r = parse("superdesk-core/ap.xml");

        // INDEX.md says 6 newsItems; the file holds 3
        assertEquals(3, r.stories().size());
        assertEquals(0, r.failures().size());
        Story first = r.stories().get(0);
        expect(first, "newsml-g2", "Nutrisystem beats 4Q earnings and revenue expectations", "2", PubStatus.USABLE,
                Revision.UPDATE, "FORT WASHINGTON, Pa. (AP) _ Nutrisystem Inc. (NTRI) on Monday reported");
        assertEquals("ap:tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text", first.id());
        assertEquals(List.of("Eds: Adds full-year results."), first.editorNotes());
        assertEquals(4, first.urgency());
        assertEquals(Instant.parse("2018-02-26T21:20:36Z"), first.firstCreated(), "kept as sent, though after versionCreated");
        expect(r.stories().get(1), "newsml-g2",
                "DiamondRock Hospitality posts 4Q FFO of $50.7 million, results top expectations", "2", PubStatus.USABLE,
                Revision.UPDATE, "BETHESDA, Md. (AP) _ DiamondRock Hospitality Co. (DRH)");
        expect(r.stories().get(2), "newsml-g2", "Scripps Networks tops 4Q profit and revenue expectations", "1",
                PubStatus.USABLE, Revision.NEW, "KNOXVILLE, Tenn. (AP) _ Scripps Networks Interactive Inc.");
        assertTrue(r.stories().get(2).body().contains("Standard & Poor's 500"));
    }

    @Test
    void scoopWithBomAndLangAttribute() throws Exception {
        List<Story> stories = parse("superdesk-core/scoop.xml").stories();

        assertEquals(1, stories.size());
        Story s = stories.get(0);
        expect(s, "newsml-g2", "Dick Smith receivers install Don Grover as acting CEO as Abboud quits; retailer put up for sale",
                "3", PubStatus.USABLE, Revision.UPDATE, "Jan. 12 (BusinessDesk) - The receivers of Dick Smith Holdings");
        assertEquals("en-US", s.language());
        assertEquals("By Jonathan Underhill", s.byline());
        assertEquals("utf-8", s.raw().detectedCharset());
    }

    @Test
    void reutersCorrectionThenKillOfTheSameGuid() throws Exception {
        Story correction = parse("superdesk-core/tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838").stories().get(0);
        Story kill = parse("superdesk-core/tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538").stories().get(0);

        String headline = "CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream";
        expect(correction, "newsml-g2", headline, "978556838", PubStatus.USABLE, Revision.CORRECTION,
                "(In Jan. 3 story, corrects last paragraph");
        assertTrue(correction.body().contains("\n\nJan 3 (Reuters) - Residents of flooded areas"));
        expect(kill, "newsml-g2", headline, "1542761538", PubStatus.CANCELED, Revision.KILL, "");
        assertEquals("", kill.body());
        assertEquals("reuters:tag:reuters.com,0000:newsml_L1N14N0FF", correction.id());
        assertEquals(correction.id(), kill.id(), "the kill retracts the same story family");
    }

    @Test
    void dpaCorrectionRenderedAsG2() throws Exception {
        List<Story> stories = parse("dpa-digitalwires-to-newsmlg2/tests/data/output/dw-1.xml").stories();

        assertEquals(1, stories.size());
        Story s = stories.get(0);
        expect(s, "newsml-g2", "«Mythos Jungfernhäutchen» - Zwischen Aufklärung und Kommerz", "2", PubStatus.USABLE,
                Revision.CORRECTION, "Ein Unternehmen aus Baden vertreibt Blutkapseln");
        assertEquals("dpa:urn:newsml:dpa.com:20090101:240923-930-240378", s.id());
        assertEquals("de", s.language());
        assertTrue(s.editorNotes().stream().anyMatch(n -> n.startsWith("In einer früheren Version dieses Textes")));
        assertTrue(s.body().contains("Waghäusel (dpa) - Die meisten Kundinnen"));
    }

    @Test
    void nitfFishingCancelsTheEarlierDocument() throws Exception {
        List<Story> stories = parse("superdesk-core/nitf-fishing.xml").stories();

        assertEquals(1, stories.size());
        Story s = stories.get(0);
        expect(s, "nitf", "Weather and Tide Updates for Norfolk", "1", PubStatus.CANCELED, Revision.KILL,
                "The weather was superb today in Norfolk, Virginia.");
        assertEquals("iptc:iptc.321656141.a", s.id(), "the kill of the document it cancels, not of its own id .b");
        assertTrue(s.editorNotes().contains("Today begins an expanded format of this popular column."));
        assertTrue(s.body().endsWith("Stewart Klometers contributed to this article."));
        assertTrue(!s.body().contains("The tides, captured on film"), "media captions are not body");
    }

    @Test
    void paEmbargoedNitf() throws Exception {
        List<Story> stories = parse("superdesk-core/pa3.xml").stories();

        assertEquals(1, stories.size());
        Story s = stories.get(0);
        expect(s, "nitf", "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS", null,
                PubStatus.WITHHELD, Revision.NEW, "The UK risks breaking up unless all home nations");
        assertEquals(Instant.parse("2016-09-08T23:01:00Z"), s.embargoedUntil());
        assertEquals(List.of("(see also POLITICS EU) Embargoed to 0001 Friday September 9"), s.editorNotes());
        assertEquals("iso-8859-1", s.raw().declaredCharset());
        assertEquals("pa:4a82e12e-6b39-47eb-8e59-2c616a7e32a4HHH-13-1", s.id());
    }

    @Test
    void apMediaNitfWithDefaultNamespace() throws Exception {
        List<Story> stories = parse("superdesk-core/ap_media_text_nitf.xml").stories();

        assertEquals(1, stories.size());
        Story s = stories.get(0);
        expect(s, "nitf", "BC-BBN--Top Ten", null, PubStatus.USABLE, Revision.NEW,
                "BC-BBN--Top Ten\n\nBASEBALL'S TOP TEN\n\nBy The Associated Press\n\nNATIONAL LEAGUE");
        assertTrue(s.body().contains("McNeil NYM 72 271 37 95 .351"), "one table row per paragraph");
        assertEquals(Instant.parse("2019-07-03T04:05:12Z"), s.versionCreated());
        assertTrue(s.id().startsWith("ap:"));
    }

    @Test
    void afpNewsMl1() throws Exception {
        List<Story> stories = parse("superdesk-core/afp.xml").stories();

        assertEquals(1, stories.size());
        Story s = stories.get(0);
        expect(s, "newsml-1", "Sweden court accepts receivership for Saab carmaker", "1", PubStatus.USABLE,
                Revision.NEW, "A Chinese-owned company set up to take over Saab's assets");
        assertEquals("afp:urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86", s.id());
        assertEquals(Instant.parse("2014-08-29T13:49:51Z"), s.versionCreated());
        assertEquals("STOCKHOLM, Aug 29, 2014 (AFP) -", s.dateline());
        assertEquals(List.of("hh/ph/ts/hd"), s.editorNotes());
        assertTrue(s.body().endsWith("a line of electric cars."));
    }

    @Test
    void wennAtomFeedWithTwoEntries() throws Exception {
        List<Story> stories = parse("superdesk-core/wenn.xml").stories();

        assertEquals(2, stories.size());
        expect(stories.get(0), "atom", "Suge Knight involved in fatal hit and run incident", null, PubStatus.USABLE,
                Revision.NEW, "Police officials in Los Angeles are investigating a fatal hit and run incident");
        assertEquals("wenn:urn:feed-wenn-com:newsfeedarticle:2:2222:1", stories.get(0).id());
        assertEquals(Instant.parse("2015-01-30T00:33:06Z"), stories.get(0).versionCreated());
        expect(stories.get(1), "atom", "Jagged Edge singer Kyle Norman arrested over domestic assault", null,
                PubStatus.USABLE, Revision.NEW, "JAGGED EDGE singer KYLE NORMAN has been arrested");
    }

    @Test
    void feedparserDemoronizeReadsTheC1ControlAsARightQuote() throws Exception {
        List<Story> stories = parse("feedparser/tests/encoding/demoronize-1.xml").stories();

        assertEquals(1, stories.size());
        // no title: the headline is derived from the body's first sentence
        expect(stories.get(0), "rss", "don’t", null, PubStatus.USABLE, Revision.NEW, "don’t");
    }

    @Test
    void feedparserCorruptedAmpersandsIsReadLenientlyButTheItemHasNothingToPublish() {
        ParseException e = assertThrows(ParseException.class,
                () -> parse("feedparser/tests/illformed/rss_item_link_corrupted_ampersands.xml"));

        // the lenient read recovers the link with its ampersand right; an item that is only a link is no story
        assertEquals("rss: item 1 of 1 has neither a title nor text (only the link http://link/get?a=1&b=2): nothing to publish",
                e.getMessage());
    }
}
