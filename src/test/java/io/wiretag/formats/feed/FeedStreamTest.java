package io.wiretag.formats.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A feed read item by item gives exactly the stories the whole document gives. */
class FeedStreamTest {
    static final FormatDetector DETECTOR = FormatDetector.standard();

    /** The stories as JSON, less {@code raw} (the fingerprint of the input bytes, which a DOCTYPE changes). */
    static List<String> stories(String xml) throws Exception {
        List<String> out = new ArrayList<>();
        DETECTOR.stream(new RawInput(xml.getBytes(StandardCharsets.UTF_8), null, null, "feed.xml", Instant.EPOCH), s -> {
            ObjectNode n = Json.read(Json.bytes(s), ObjectNode.class);
            n.remove("raw");
            out.add(n.toString());
        });
        return out;
    }

    /** The same document with a DOCTYPE after its declaration: a DOCTYPE is only ever read whole. */
    static String readWhole(String xml) {
        int decl = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        int root = xml.indexOf('<', decl);
        while (xml.startsWith("<!--", root)) {
            root = xml.indexOf('<', xml.indexOf("-->", root));
        }
        String name = xml.substring(root + 1).split("[\\s>/]", 2)[0];
        return xml.substring(0, decl) + "<!DOCTYPE " + name + ">" + xml.substring(decl);
    }

    @Test
    void ourSampleFeedsGiveTheSameStoriesStreamedAndReadWhole() throws Exception {
        List<Path> feeds;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/samples/xml/feed"))) {
            feeds = files.filter(p -> !p.getFileName().toString().contains("broken")).sorted().toList();
        }
        assertTrue(feeds.size() >= 2, feeds.toString());
        for (Path f : feeds) {
            String xml = Files.readString(f, StandardCharsets.UTF_8);
            List<String> streamed = stories(xml);
            assertTrue(!streamed.isEmpty(), f.toString());
            assertEquals(stories(readWhole(xml)), streamed, f.toString());
        }
    }

    @Test
    void anItemKeepsTheLanguageItsFeedDeclaresAndRss1ItemsBesideTheChannelAreRead() throws Exception {
        String atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\"><title>T</title>"
                + "<link rel=\"alternate\" href=\"https://www.dpa.com/\"/><author><name>dpa</name></author>"
                + "<entry><id>urn:dpa:1</id><title>Selenskyj in Berlin</title><updated>2025-02-01T10:00:00Z</updated>"
                + "<content type=\"html\">&lt;p&gt;Der ukrainische Präsident kam am Samstag nach Berlin.&lt;/p&gt;</content></entry></feed>";
        Story s = Json.read(stories(atom).get(0), Story.class);
        assertEquals("de", s.language());
        assertEquals("Selenskyj in Berlin", s.headline());
        assertEquals(stories(readWhole(atom)), stories(atom));

        String rss1 = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"https://x.example/\"><title>X</title>"
                + "<link>https://x.example/</link><items><rdf:Seq><rdf:li rdf:resource=\"https://x.example/1\"/></rdf:Seq></items></channel>"
                + "<item rdf:about=\"https://x.example/1\"><title>One</title><link>https://x.example/1</link>"
                + "<description>First story.</description></item>"
                + "<item rdf:about=\"https://x.example/2\"><title>Two</title><link>https://x.example/2</link>"
                + "<description>Second story.</description></item></rdf:RDF>";
        List<String> streamed = stories(rss1);
        assertEquals(2, streamed.size());
        assertEquals(stories(readWhole(rss1)), streamed);
    }

    @Test
    void aBadItemIsAFailureWithItsPlaceAndTheOthersGoOn() throws Exception {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><link>https://t.example/</link>"
                + "<item><title>Good one</title><guid>urn:t:1</guid><description>Text.</description></item>"
                + "<item><link>https://t.example/only-a-link</link></item>"
                + "<item><title>Good two</title><guid>urn:t:3</guid><description>Text.</description></item></channel></rss>";
        List<String> out = new ArrayList<>();
        ParseResult.Streamed s = DETECTOR.stream(new RawInput(rss.getBytes(StandardCharsets.UTF_8), null, null, "f.xml", Instant.EPOCH),
                st -> out.add(st.headline()));
        assertEquals(List.of("Good one", "Good two"), out);
        assertEquals(2, s.stories());
        assertEquals(1, s.failures().size());
        assertEquals(1, s.failures().get(0).index());
        assertEquals("rss: item 2 of 3 has neither a title nor text (only the link https://t.example/only-a-link): nothing to publish",
                s.failures().get(0).reason());
    }
}
