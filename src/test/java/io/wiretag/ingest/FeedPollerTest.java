package io.wiretag.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.Topics;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Feed polling against a real broker: one record per new or updated entry, nothing twice, across restarts. */
class FeedPollerTest {
    private static final AtomicInteger TOPICS = new AtomicInteger();

    @TempDir
    static Path tmp;
    static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(tmp.resolve("broker"), 0);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static String item(String guid, String title, String date) {
        return "<item><title>" + title + "</title><link>https://wire.example/" + guid + "</link>"
                + "<guid isPermaLink=\"false\">" + guid + "</guid><pubDate>" + date + "</pubDate>"
                + "<description>&lt;p&gt;" + title + " &amp; more.&lt;/p&gt;</description>"
                + "<content:encoded><![CDATA[<p>" + title + ", the full text.</p>]]></content:encoded></item>\n";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
                + "<channel><title>Example Wire</title><link>https://wire.example/</link><language>en</language>\n"
                + String.join("", items) + "</channel></rss>\n";
    }

    private static final String A = item("wire-1", "Kyiv talks resume", "Sat, 01 Feb 2025 08:00:00 GMT");
    private static final String B = item("wire-2", "Putin and Trump speak", "Sat, 01 Feb 2025 09:00:00 GMT");
    private static final String C = item("wire-3", "NATO ministers meet", "Sat, 01 Feb 2025 10:00:00 GMT");

    private static String newTopic() throws Exception {
        String topic = "feed.raw." + TOPICS.incrementAndGet();
        RawTopic.create(broker, topic, 1);
        return topic;
    }

    private static RawSender sender(String topic) {
        return new RawSender(Map.of("bootstrap.servers", broker.bootstrapServers()), topic);
    }

    /** A strict, safe JDK parse: no DTD allowed, so the split documents must stand on their own. */
    private static Document strictXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static String onlyItemTitle(ConsumerRecord<byte[], byte[]> r, String itemTag) throws Exception {
        Document d = strictXml(r.value());
        assertEquals(1, d.getElementsByTagName(itemTag).getLength(), "one entry per record: " + RawTopic.value(r));
        return ((org.w3c.dom.Element) d.getElementsByTagName(itemTag).item(0)).getElementsByTagName("title").item(0).getTextContent();
    }

    @Test
    void threeItemsThreeRecordsThenNothingUnchangedThenExactlyTheUpdatedAndTheNewOne() throws Exception {
        String topic = newTopic();
        Path feed = tmp.resolve("wire.rss");
        Path state = tmp.resolve("state/wire.json");
        Files.writeString(feed, rss(A, B, C));
        try (RawSender s = sender(topic)) {
            FeedPoller poller = new FeedPoller(feed.toString(), s, FeedPoller.Settings.defaults("example"), state);

            FeedPoller.Poll first = poller.pollOnce();
            assertEquals(new FeedPoller.Poll(3, 3, 0, 3, 0, null), first);
            List<ConsumerRecord<byte[], byte[]>> records = RawTopic.readAll(broker, topic);
            List<String> titles = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                titles.add(onlyItemTitle(r, "item"));
                Document d = strictXml(r.value());
                assertEquals("rss", d.getDocumentElement().getLocalName());
                assertEquals("Example Wire", d.getElementsByTagName("channel").item(0).getFirstChild().getTextContent());
                assertEquals(1, d.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded").getLength());
                assertEquals("rss", RawTopic.header(r, Topics.H_FORMAT));
                assertEquals("example", RawTopic.header(r, Topics.H_PROVIDER));
                assertEquals(feed.toString(), RawTopic.header(r, Topics.H_SOURCE));
            }
            assertEquals(List.of("Kyiv talks resume", "Putin and Trump speak", "NATO ministers meet"), titles);

            assertEquals(new FeedPoller.Poll(3, 0, 0, 0, 0, null), poller.pollOnce());
            assertEquals(3, RawTopic.readAll(broker, topic).size());

            String bUpdated = item("wire-2", "Putin and Trump speak again", "Sat, 01 Feb 2025 11:00:00 GMT");
            String d = item("wire-4", "Zelenskyy visits Washington", "Sat, 01 Feb 2025 12:00:00 GMT");
            Files.writeString(feed, rss(d, A, bUpdated, C));
            assertEquals(new FeedPoller.Poll(4, 1, 1, 2, 0, null), poller.pollOnce());
            List<ConsumerRecord<byte[], byte[]>> after = RawTopic.readAll(broker, topic);
            assertEquals(5, after.size());
            assertEquals(List.of("Zelenskyy visits Washington", "Putin and Trump speak again"),
                    List.of(onlyItemTitle(after.get(3), "item"), onlyItemTitle(after.get(4), "item")));
        }
        // a restart reads the state file: nothing is sent again
        try (RawSender s = sender(topic)) {
            FeedPoller restarted = new FeedPoller(feed.toString(), s, FeedPoller.Settings.defaults("example"), state);
            assertEquals(new FeedPoller.Poll(4, 0, 0, 0, 0, null), restarted.pollOnce());
        }
        assertEquals(5, RawTopic.readAll(broker, topic).size());
    }

    @Test
    void atomFeedIsSplitIntoOneEntryPerRecordKeepingItsNamespace() throws Exception {
        String topic = newTopic();
        Path feed = tmp.resolve("wire.atom");
        Files.writeString(feed, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Example Atom</title><id>urn:example:feed</id><updated>2025-02-01T10:00:00Z</updated>"
                + "<entry><id>urn:example:1</id><title>First entry</title><updated>2025-02-01T09:00:00Z</updated>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>One</p></div></content></entry>"
                + "<entry><id>urn:example:2</id><title>Second entry</title><updated>2025-02-01T10:00:00Z</updated>"
                + "<summary>Two</summary></entry></feed>");
        try (RawSender s = sender(topic)) {
            FeedPoller poller = new FeedPoller(feed.toString(), s, FeedPoller.Settings.defaults(null), tmp.resolve("state/atom.json"));
            assertEquals(new FeedPoller.Poll(2, 2, 0, 2, 0, null), poller.pollOnce());
        }
        List<ConsumerRecord<byte[], byte[]>> records = RawTopic.readAll(broker, topic);
        assertEquals(List.of("First entry", "Second entry"), List.of(onlyItemTitle(records.get(0), "entry"), onlyItemTitle(records.get(1), "entry")));
        Document d = strictXml(records.get(0).value());
        assertEquals("http://www.w3.org/2005/Atom", d.getDocumentElement().getNamespaceURI());
        assertEquals("atom", RawTopic.header(records.get(0), Topics.H_FORMAT));
    }

    @Test
    void eachRecordParsesAsOneStoryOnceTheFeedParsersAreIn() throws Exception {
        FormatDetector detector = FormatDetector.standard();
        Assumptions.assumeTrue(detector.formats().contains("rss"), "the RSS parser is not merged yet");
        FeedSplitter.Split split = FeedSplitter.split(rss(A, B, C).getBytes(StandardCharsets.UTF_8));
        List<String> headlines = new ArrayList<>();
        for (FeedSplitter.Entry e : split.entries()) {
            ParseResult r = detector.parse(new RawInput(e.document(), null, "example", "wire.rss", null));
            assertEquals(1, r.stories().size(), new String(e.document(), StandardCharsets.UTF_8));
            headlines.add(r.stories().get(0).headline());
        }
        assertEquals(List.of("Kyiv talks resume", "Putin and Trump speak", "NATO ministers meet"), headlines);
    }

    @Test
    void brokenFeedIsStillSplitLeniently() throws Exception {
        // not well-formed: a bare & and no closing tags at the end, as real feeds are
        String broken = "<rss version=\"2.0\"><channel><title>Broken & Co</title>"
                + "<item><guid>x1</guid><title>One</title></item><item><guid>x2</guid><title>Two</title></item>";
        FeedSplitter.Split split = FeedSplitter.split(broken.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("x1", "x2"), split.entries().stream().map(FeedSplitter.Entry::id).toList());
        assertEquals("One", ((org.w3c.dom.Element) strictXml(split.entries().get(0).document()).getElementsByTagName("item").item(0))
                .getElementsByTagName("title").item(0).getTextContent());
    }

    @Test
    void fileThatIsNotAFeedGivesOneLineAndSendsNothing() throws Exception {
        String topic = newTopic();
        Path page = tmp.resolve("page.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>Not a feed</p></body></html>");
        try (RawSender s = sender(topic)) {
            FeedPoller.Poll p = new FeedPoller(page.toString(), s, FeedPoller.Settings.defaults(null), tmp.resolve("state/page.json")).pollOnce();
            assertEquals("rss: " + page + ": not a feed: the document is <html>, not <rss>, <rdf:RDF> or <feed>", p.line(page.toString()));
        }
        assertEquals(0, RawTopic.readAll(broker, topic).size());
    }

    @Test
    void httpFeedIsFetchedThenAskedConditionallyAndADownFeedIsOneLine() throws Exception {
        String topic = newTopic();
        List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
        HttpServer feedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = rss(A, B).getBytes(StandardCharsets.UTF_8);
        feedServer.createContext("/feed.rss", ex -> {
            String etag = ex.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(etag));
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            if ("\"v1\"".equals(etag)) {
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        });
        feedServer.createContext("/down.rss", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        feedServer.start();
        String base = "http://127.0.0.1:" + feedServer.getAddress().getPort();
        try (RawSender s = sender(topic)) {
            FeedPoller poller = new FeedPoller(base + "/feed.rss", s, FeedPoller.Settings.defaults(null), tmp.resolve("state/http.json"));
            assertEquals(new FeedPoller.Poll(2, 2, 0, 2, 0, null), poller.pollOnce());
            assertEquals(new FeedPoller.Poll(0, 0, 0, 0, 0, null), poller.pollOnce());
            assertEquals(List.of("null", "\"v1\""), ifNoneMatch);

            FeedPoller.Poll down = new FeedPoller(base + "/down.rss", s, FeedPoller.Settings.defaults(null), tmp.resolve("state/down.json")).pollOnce();
            assertEquals("rss: " + base + "/down.rss: the feed is down: HTTP 503", down.line(base + "/down.rss"));

            int closedPort;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = free.getLocalPort();
            }
            String nowhere = "http://127.0.0.1:" + closedPort + "/feed.rss";
            FeedPoller.Poll refused = new FeedPoller(nowhere, s, FeedPoller.Settings.defaults(null), tmp.resolve("state/nowhere.json")).pollOnce();
            assertEquals("rss: " + nowhere + ": the feed is down: connection refused", refused.line(nowhere));
        } finally {
            feedServer.stop(0);
        }
        assertEquals(2, RawTopic.readAll(broker, topic).size());
    }
}
