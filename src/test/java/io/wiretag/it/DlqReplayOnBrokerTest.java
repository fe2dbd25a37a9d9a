package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.cli.Main;
import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.RawSender;
import io.wiretag.kafka.Drain;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.TopicReader;
import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.Pipeline;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.testing.Seed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Working off the dead-letter topic on a real broker: a build that refuses a file (its input limit is too
 * low for the seed) sends it to news.dlq; `dlq list` and `dlq show` say what and why; the next build reads
 * it; `dlq replay` sends it back once, it comes out tagged once, and a second replay sends nothing.
 */
class DlqReplayOnBrokerTest {
    private static final String APP = "wiretag-dlq-it";

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static Map<String, Object> clients;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        clients = Map.of("bootstrap.servers", broker.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static WiretagConfig config(int maxInputBytes) {
        return WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(WiretagConfig.DATA_DIR, dir.resolve("app").toString())
                .with(WiretagConfig.APPLICATION_ID, APP)
                .with(WiretagConfig.MAX_INPUT_BYTES, String.valueOf(maxInputBytes));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        all.add(2, "--bootstrap-servers=" + broker.bootstrapServers());
        int exit = cli.execute(all.toArray(String[]::new));
        // what a user sees, kept in the test's output file for whoever reads a failure
        System.out.println("$ wiretag " + String.join(" ", args) + "\n" + out + err);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void drain(Pipeline p) throws InterruptedException {
        Drain.awaitIdle(p.admin(), clients, p.applicationId(), p.inputTopics(), Duration.ofSeconds(90), lag -> { });
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicReader.readAll(clients, topic, Duration.ofSeconds(30));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aFileRefusedByOneBuildAndReadByTheNextComesOutTaggedOnceAfterAReplay() throws Exception {
        byte[] seed = Seed.bytes();
        byte[] garbage = {0x00, 0x01, 'x', (byte) 0xff, 0x00};
        Taxonomy taxonomy = Taxonomy.load(Path.of("config/taxonomy"));

        // Build 1 refuses the seed (its limit is below the seed's size) and, like every build, the garbage.
        try (Pipeline first = Pipeline.start(config(1000), broker.bootstrapServers(), taxonomy)) {
            try (RawSender sender = new RawSender(clients, "news.raw")) {
                sender.send(seed, "desk", "seed.txt", "desk-folder", null, Instant.now()).get();
                sender.send(garbage, "desk", "garbage.bin", "desk-folder", null, Instant.now()).get();
            }
            drain(first);
        }
        assertEquals(0, readAll("news.tagged").size());
        List<ConsumerRecord<byte[], byte[]>> dlq = readAll("news.dlq");
        assertEquals(2, dlq.size());
        ConsumerRecord<byte[], byte[]> refusedSeed = dlq.stream().filter(r -> "seed.txt".equals(header(r, Topics.H_SOURCE))).findFirst().orElseThrow();
        String origin = header(refusedSeed, Topics.H_DLQ_ORIGIN);
        assertTrue(origin.matches("news\\.raw/\\d+@\\d+"), origin);

        Run list = run("dlq", "list");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().startsWith("news.dlq: 2 refused records, 0 of them replayed"), list.out());
        assertTrue(list.out().contains("     1  normalise   input is N bytes, over the limit of N bytes (wiretag.max.input.bytes)"), list.out());
        Matcher seedLine = Pattern.compile("(?m)^\\S+\\s+" + Pattern.quote(origin) + "\\s+normalise\\s+seed\\.txt\\s+input is "
                + seed.length + " bytes, over the limit of 1000 bytes").matcher(list.out());
        assertTrue(seedLine.find(), list.out());
        assertTrue(list.out().contains("garbage.bin") && list.out().contains("unrecognised format"), list.out());

        Run show = run("dlq", "show", origin);
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("reason     input is " + seed.length + " bytes, over the limit of 1000 bytes"), show.out());
        assertTrue(show.out().contains("  wiretag.source: seed.txt"), show.out());
        assertTrue(show.out().contains("bytes      " + seed.length + " (first 2048 shown, --bytes)"), show.out());
        String firstLine = new String(seed, StandardCharsets.UTF_8).split("\n")[0];
        assertTrue(show.out().contains("  " + firstLine.substring(0, 30)), "the bytes as text: " + show.out());
        assertTrue(show.out().contains(String.format("  00000000  %02x %02x %02x", seed[0], seed[1], seed[2])), "the bytes as hex: " + show.out());
        Run missing = run("dlq", "show", "news.raw/9@999999");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("wiretag dlq show: no refused record from news.raw/9@999999"), missing.err());

        // Build 2 reads what build 1 refused. Replay: dry run first, then the seed by reason, then again.
        try (Pipeline second = Pipeline.start(config(16 * 1024 * 1024), broker.bootstrapServers(), taxonomy)) {
            int rawBefore = readAll("news.raw").size();
            Run dry = run("dlq", "replay", "--dry-run");
            assertEquals(0, dry.exit(), dry.err());
            assertEquals("dry run: would replay 2 to news.raw, skipped 0 already replayed, 0 not matching", dry.out().strip());
            assertEquals(rawBefore, readAll("news.raw").size(), "a dry run sends nothing");

            Run replay = run("dlq", "replay", "--reason", "over the limit", "--since", "1h");
            assertEquals(0, replay.exit(), replay.err());
            assertEquals("replayed 1 to news.raw, skipped 0 already replayed, 1 not matching", replay.out().strip());
            assertTrue(replay.err().contains("replayed 1 of 1"), "progress: " + replay.err());
            drain(second);

            List<ConsumerRecord<byte[], byte[]>> raw = readAll("news.raw");
            assertEquals(rawBefore + 1, raw.size());
            ConsumerRecord<byte[], byte[]> replayed = raw.stream().filter(r -> header(r, Topics.H_REPLAY_OF) != null).findFirst().orElseThrow();
            assertEquals(origin, header(replayed, Topics.H_REPLAY_OF));
            assertArrayEquals(seed, replayed.value(), "the original bytes");
            assertEquals("seed.txt", header(replayed, Topics.H_SOURCE), "the original headers");
            assertEquals(null, header(replayed, Topics.H_DLQ_REASON), "without the dead-letter headers");

            List<ConsumerRecord<byte[], byte[]>> tagged = readAll("news.tagged");
            assertEquals(1, tagged.size(), "tagged once");
            Story story = Json.read(tagged.get(0).value(), Story.class);
            assertEquals(Set.of("ukraine-war", "us-russia-relations"), Set.copyOf(story.tags().topicIds()));

            Run again = run("dlq", "replay", "--reason", "over the limit");
            assertEquals(0, again.exit(), again.err());
            assertEquals("replayed 0 to news.raw, skipped 1 already replayed, 1 not matching", again.out().strip());
            drain(second);
            assertEquals(rawBefore + 1, readAll("news.raw").size(), "nothing new sent");
            assertEquals(1, readAll("news.tagged").size(), "still tagged once");

            Run listAfter = run("dlq", "list");
            assertTrue(listAfter.out().startsWith("news.dlq: 2 refused records, 1 of them replayed"), listAfter.out());
            assertTrue(listAfter.out().contains(origin) && listAfter.out().contains("[replayed]"), listAfter.out());
        }
        var compaction = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "news.dlq.replayed");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(clients)) {
            assertEquals("compact", admin.describeConfigs(List.of(compaction)).all().get().get(compaction).get("cleanup.policy").value());
        }
    }

    @Test
    void dlqCommandsFailInOneLineWithinSecondsWhenNoBrokerAnswers() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = cli.execute("dlq", "list", "--bootstrap-servers=127.0.0.1:1");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(1, exit);
        assertEquals("wiretag dlq list: cannot reach Kafka at 127.0.0.1:1", err.toString().strip());
        assertTrue(seconds < 15, "took " + seconds + " s");
    }
}
