package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.wiretag.cli.Main;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.story.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `ingest` and `tail` as a user runs them against a real broker, including tail's webhook to a real HTTP server. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestAndTailTest {
    @TempDir
    static Path dir;

    static EmbeddedBroker broker;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add(args[0].equals("taxonomy") ? 2 : 1, "--bootstrap-servers=" + broker.bootstrapServers());
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @Order(1)
    void ingestSendsADirectoryRecursivelyWithHeadersAndSaysSo() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        Files.writeString(dir.resolve("in/a.txt"), "date 2025-01-01 First story. It is short.");
        Files.writeString(in.resolve("b.txt"), "date 2025-01-02 Second story. Also short.");
        Files.writeString(dir.resolve("in/.hidden"), "an editor's swap file");
        Run r = run("ingest", "--provider", "desk", dir.resolve("in").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("ingest: sent 2, failed 0, skipped 0 to news.raw on " + broker.bootstrapServers()), r.out());

        Run tail = run("tail", "news.raw", "--from-beginning", "--max", "2", "--json");
        assertEquals(0, tail.exit(), tail.err());
        List<JsonNode> records = new ArrayList<>();
        for (String line : tail.out().strip().split("\n")) {
            records.add(Json.MAPPER.readTree(line));
        }
        assertEquals(2, records.size());
        List<String> sources = new ArrayList<>();
        for (JsonNode rec : records) {
            String source = null;
            String provider = null;
            for (JsonNode h : rec.get("headers")) {
                if (h.get("key").asText().equals("wiretag.source")) {
                    source = h.get("value").asText();
                }
                if (h.get("key").asText().equals("wiretag.provider")) {
                    provider = h.get("value").asText();
                }
            }
            assertEquals("desk", provider);
            sources.add(source);
            byte[] original = Files.readAllBytes(Path.of(source));
            assertArrayEquals(original, Base64.getDecoder().decode(rec.get("valueBase64").asText()), "bytes go untouched");
        }
        Collections.sort(sources);
        // The key is provider and feed, the folder a file was delivered into: one folder's files share a
        // partition and so keep their order.
        List<String> keys = records.stream().map(rec -> rec.get("key").asText()).sorted().toList();
        assertEquals(List.of("desk:" + dir.resolve("in").toAbsolutePath(), "desk:" + dir.resolve("in/sub").toAbsolutePath()), keys);
        assertEquals(List.of(dir.resolve("in/a.txt").toString(), dir.resolve("in/sub/b.txt").toString()), sources);
    }

    @Test
    @Order(2)
    void tailForwardsEachRecordToTheWebhook() throws Exception {
        List<byte[]> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            Run r = run("tail", "news.raw", "--from-beginning", "--max", "2",
                    "--webhook", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            assertEquals(0, r.exit(), r.err());
            assertEquals(2, received.size());
            List<String> bodies = received.stream().map(b -> new String(b, StandardCharsets.UTF_8)).sorted().toList();
            assertEquals(List.of("date 2025-01-01 First story. It is short.", "date 2025-01-02 Second story. Also short."), bodies);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Order(3)
    void taxonomyPublishWritesEveryDefinitionAndTombstonesWhatWasRemoved() throws Exception {
        io.wiretag.tagging.Taxonomy shipped = io.wiretag.tagging.Taxonomy.load(Path.of("config/taxonomy"));
        int records = shipped.toRecords().size();
        Run first = run("taxonomy", "publish");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains(": " + records + " records written, 0 deleted"), first.out());

        // An editor removes one topic file: not the sanctions topic alone, which the war topic yields to ...
        Path copy = io.wiretag.testing.Trees.copy(Path.of("config/taxonomy"), dir.resolve("taxonomy"));
        Path sanctions = copy.resolve("topics/russia-sanctions.json");
        byte[] kept = Files.readAllBytes(sanctions);
        Files.delete(sanctions);
        Run refused = run("taxonomy", "publish", "--dir", copy.toString());
        assertTrue(refused.exit() != 0, refused.out());
        assertTrue(refused.err().contains("topic ukraine-war: yields_to \"russia-sanctions\" is not a topic"), refused.err());
        // ... but one nothing refers to: its key gets a tombstone.
        Files.write(sanctions, kept);
        Files.delete(copy.resolve("topics/us-russia-relations.json"));
        Run second = run("taxonomy", "publish", "--dir", copy.toString());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains(": " + (records - 1) + " records written, 1 deleted"), second.out());
        assertEquals(records - 1, io.wiretag.kafka.TaxonomyPublisher.read(
                java.util.Map.of("bootstrap.servers", broker.bootstrapServers()), "news.taxonomy").size());
    }

    @Test
    @Order(4)
    void tailOfATopicThatDoesNotExistIsOneLine() {
        Run r = run("tail", "news.nope", "--max", "1");
        assertEquals(1, r.exit());
        assertEquals("wiretag tail: no topic news.nope on " + broker.bootstrapServers(), r.err().strip());
    }

    @Test
    @Order(5)
    void aWebhookThatIsNotHttpIsAUsageError() {
        Run r = run("tail", "news.raw", "--webhook", "file:///etc/passwd");
        assertEquals(2, r.exit());
        assertEquals("wiretag tail: --webhook must be an http or https URL: file:///etc/passwd", r.err().strip());
    }
}
