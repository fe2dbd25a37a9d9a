package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.Drain;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.WiretagTopology;
import io.wiretag.story.Json;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Raw;
import io.wiretag.story.Revision;
import io.wiretag.story.Source;
import io.wiretag.story.Story;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under hard stops: 10,000 stories with updates, stale re-sends, kills (some before their
 * story), embargoed stories and redistributed copies go to {@code news.stories} while the app, a child JVM
 * running {@code wiretag run} against this test's broker, is killed with {@code destroyForcibly()} twice
 * mid-stream and restarted on the same state directory. Afterwards, read with read_committed, every
 * accepted version is on news.tagged and on each topic it was tagged with exactly once, every topic a
 * version left got one kill record, and every kill reached every topic its story was live on.
 * The expected topics of each version come from the real tagger, run here on the same story.
 */
class LifecycleRestartTest {
    static final int STORIES = 10_000;
    static final int EARLY_KILLS = 200;
    static final int EMBARGOED = 50;
    static final int COPIES = 100;
    static final String APP = "wiretag-restart";
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final String[] TEMPLATES = {
        "Russian forces shelled Kharkiv and Ukrainian drones struck a fuel depot as the war in Ukraine entered its fourth year, officials in Kyiv said.",
        "Donald Trump and Vladimir Putin discussed relations between Washington and Moscow in a phone call, the Kremlin said, and agreed to meet.",
        "Donald Trump and Vladimir Putin discussed the war in Ukraine by phone as Russian forces shelled Kharkiv, the Kremlin said.",
        "The city council approved a new budget for public libraries and parks on Tuesday after a long debate.",
    };

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static Map<String, Object> clients;
    static Topics topics = Topics.from(WiretagConfig.defaultsOnly());
    static Tagger tagger;
    static Process app;
    static int starts;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        clients = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers()));
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (app != null) {
            app.destroyForcibly().waitFor();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** Starts {@code wiretag run} in a child JVM; returns once it says it is running. */
    static Process startApp() throws IOException, InterruptedException {
        return ChildApp.start(dir.resolve("app-" + (++starts) + ".log"), broker.bootstrapServers(), APP, dir.resolve("app"), Map.of());
    }

    /** Kills the app as a power cut would, once news.tagged has grown by {@code progress} records. */
    static void killHardAfter(Admin admin, long progress) throws Exception {
        long from = endOffsets(admin, topics.tagged().name());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (endOffsets(admin, topics.tagged().name()) - from < progress) {
            assertTrue(System.nanoTime() < deadline, "the app made no progress");
            assertTrue(app.isAlive(), "the app died");
            Thread.sleep(50); // polling offsets
        }
        app.destroyForcibly().waitFor();
    }

    static long endOffsets(Admin admin, String topic) throws Exception {
        return Committed.endOffsets(admin, topic);
    }

    static Story story(String id, int version, Instant created, Instant embargo, String headline, String body) {
        return new Story(id, id, String.valueOf(version), created, T0, embargo, PubStatus.USABLE,
                version == 1 ? Revision.NEW : Revision.UPDATE, null, "en", headline, null, null, null, null, body,
                List.of(), List.of(), new Source(id.substring(0, id.indexOf(':')), "test", "restart-test", created),
                new Raw("0".repeat(64), body.length(), null, "UTF-8"), List.of(), null, null);
    }

    static Story kill(String id, int version, Instant created) {
        return new Story(id, id, String.valueOf(version), created, T0, null, PubStatus.CANCELED, Revision.KILL, null, "en",
                "KILL", null, null, null, null, "", List.of("withdrawn in test"), List.of(),
                new Source(id.substring(0, id.indexOf(':')), "test", "restart-test", created), new Raw("0".repeat(64), 0, null, "UTF-8"),
                List.of(), null, null);
    }

    static String body(int template, Random r) {
        StringBuilder b = new StringBuilder(TEMPLATES[template]).append("\n\n");
        for (int i = 0; i < 40; i++) {
            b.append(i == 0 ? "" : " ").append("q").append(Integer.toString(r.nextInt(1 << 20), 36));
        }
        return b.append('.').toString();
    }

    /** What each topic must hold: the producer's records and the rules, applied to the tagger's topics. */
    static final class Expected {
        final Map<String, Integer> perTopic = new TreeMap<>();
        final Map<String, Story> accepted = new HashMap<>();
        final Map<String, List<String>> live = new HashMap<>();
        final Set<String> killed = new HashSet<>();
        int tagged;
        int alerts;
        int duplicates;

        void version(Story s) {
            if (killed.contains(s.id())) {
                return;
            }
            Story before = accepted.get(s.id());
            if (before != null && Integer.parseInt(before.version()) >= Integer.parseInt(s.version())) {
                return;
            }
            accepted.put(s.id(), s);
            tagged++;
            List<String> now = tagger.tag(s).topicIds();
            for (String t : live.getOrDefault(s.id(), List.of())) {
                if (!now.contains(t)) {
                    perTopic.merge(topics.forTopic(t), 1, Integer::sum);
                }
            }
            now.forEach(t -> perTopic.merge(topics.forTopic(t), 1, Integer::sum));
            live.put(s.id(), now);
        }

        void kill(String id) {
            if (!killed.add(id)) {
                return;
            }
            tagged++;
            if (accepted.containsKey(id)) {
                alerts++;
            }
            live.getOrDefault(id, List.of()).forEach(t -> perTopic.merge(topics.forTopic(t), 1, Integer::sum));
            live.remove(id);
        }

        void duplicate() {
            tagged++;
            duplicates++;
        }
    }

    @Test
    void everyVersionAppearsExactlyOnceWhereItBelongsAcrossTwoHardStops() throws Exception {
        Random r = new Random(42);
        Expected expected = new Expected();
        Map<String, Object> producerProps = new HashMap<>(clients);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long started = System.nanoTime();
        Instant embargoUntil;
        try (Admin admin = Admin.create(clients);
             KafkaProducer<String, Story> producer = new KafkaProducer<>(producerProps, topics.stories().keySerde().serializer(),
                     topics.stories().valueSerde().serializer())) {
            app = startApp();
            // Phase 1: every story's first version, and kills that come before their story.
            Map<Integer, Story> firsts = new LinkedHashMap<>();
            for (int i = 0; i < STORIES; i++) {
                Story s = story(String.format("load:%05d", i), 1, T0.plusSeconds(i), null, "Story " + i, body(i % 4, r));
                firsts.put(i, s);
                producer.send(new ProducerRecord<>(topics.stories().name(), s.id(), s));
                expected.version(s);
            }
            for (int i = 0; i < EARLY_KILLS; i++) {
                String id = String.format("early:%04d", i);
                producer.send(new ProducerRecord<>(topics.stories().name(), id, kill(id, 2, T0.plusSeconds(i))));
                expected.kill(id);
            }
            producer.flush();
            killHardAfter(admin, 2_000);

            // Phase 2, while a restarted app works: updates that change topics, stale re-sends, the stories
            // of the early kills, and embargoed stories that are still held when the app is killed again.
            app = startApp();
            embargoUntil = Instant.now().plusSeconds(25);
            for (int i = 0; i < STORIES; i += 3) {
                Story s = story(String.format("load:%05d", i), 2, T0.plusSeconds(i).plusSeconds(3600), null, "Story " + i + " updated",
                        body((i + 1) % 4, r));
                producer.send(new ProducerRecord<>(topics.stories().name(), s.id(), s));
                expected.version(s);
                if (i % 6 == 0) {
                    producer.send(new ProducerRecord<>(topics.stories().name(), s.id(), firsts.get(i)));
                    expected.version(firsts.get(i));
                }
            }
            for (int i = 0; i < EARLY_KILLS; i++) {
                Story s = story(String.format("early:%04d", i), 1, T0, null, "Early " + i, body(0, r));
                producer.send(new ProducerRecord<>(topics.stories().name(), s.id(), s));
                expected.version(s);
            }
            for (int i = 0; i < EMBARGOED; i++) {
                Story s = story(String.format("embargo:%02d", i), 1, T0, embargoUntil, "Embargoed " + i, body(i % 4, r));
                producer.send(new ProducerRecord<>(topics.stories().name(), s.id(), s));
                expected.version(s);
            }
            producer.flush();
            killHardAfter(admin, 1_000);

            // Phase 3, after the second restart: kills of published stories and a second feed's copies.
            app = startApp();
            for (int i = 0; i < STORIES; i += 7) {
                String id = String.format("load:%05d", i);
                producer.send(new ProducerRecord<>(topics.stories().name(), id, kill(id, 3, T0.plusSeconds(i).plusSeconds(7200))));
                expected.kill(id);
            }
            int copies = 0;
            for (int i = 1; copies < COPIES; i += 2) {
                if (i % 3 == 0 || i % 7 == 0) {
                    continue; // copies of stories never updated nor killed: their first version is the one to match
                }
                Story original = firsts.get(i);
                Story copy = story(String.format("copy:%05d", i), 1, original.versionCreated().plusSeconds(60), null,
                        "Second feed: " + original.headline(), original.body());
                producer.send(new ProducerRecord<>(topics.stories().name(), copy.id(), copy));
                expected.duplicate();
                copies++;
            }
            producer.flush();

            List<String> inputs = new ArrayList<>(List.of(topics.raw().name(), topics.stories().name()));
            inputs.addAll(WiretagTopology.internalInputTopics(APP));
            // The embargoed stories come out when their time comes; then nothing may be left in flight.
            awaitCommitted(topics.tagged().name(), key -> key.startsWith("embargo:"), EMBARGOED, Duration.ofSeconds(90));
            Drain.awaitIdle(admin, clients, APP, inputs, Duration.ofSeconds(90), lag -> assertTrue(app.isAlive(), "the app died"));
        }
        app.destroy();
        app.waitFor();
        System.out.printf("restart test: %d records produced, app started %d times, %.1f s; expected news.tagged %d, alerts %d, %s%n",
                STORIES + EARLY_KILLS + 3334 + 1667 + EARLY_KILLS + EMBARGOED + 1429 + COPIES, starts, (System.nanoTime() - started) / 1e9,
                expected.tagged, expected.alerts, expected.perTopic);

        // news.tagged: 10,000 firsts + 3,334 updates + 200 early kills + 50 embargoed + 1,429 kills + 100 copies.
        assertEquals(10_000 + 3_334 + 200 + 50 + 1_429 + 100, expected.tagged, "the workload itself");
        List<ConsumerRecord<String, byte[]>> tagged = readCommitted(topics.tagged().name());
        assertExactlyOnce(topics.tagged().name(), tagged, expected.tagged);
        long marked = tagged.stream().map(rec -> Json.read(rec.value(), Story.class)).filter(s -> s.duplicateOf() != null).count();
        assertEquals(COPIES, marked, "every copy is marked duplicateOf its original");
        assertTrue(expected.perTopic.values().stream().mapToInt(Integer::intValue).sum() > 10_000,
                "the workload reaches the topics: " + expected.perTopic);
        for (String topicId : tagger.taxonomy().topicIds()) {
            String t = topics.forTopic(topicId);
            assertExactlyOnce(t, readCommitted(t), expected.perTopic.getOrDefault(t, 0));
        }
        // Breaking and surge alerts share the topic with the kill alerts: each alert, of any kind, is there once.
        List<ConsumerRecord<String, byte[]>> every = readCommitted(topics.alerts().name());
        assertEquals(every.size(), every.stream().map(ConsumerRecord::key).distinct().count(), "no alert twice");
        List<ConsumerRecord<String, byte[]>> alerts = every.stream().filter(rec -> rec.key().startsWith("kill:")).toList();
        assertEquals(1_429, expected.alerts);
        assertEquals(expected.alerts, alerts.size(), "one alert per kill of a published story");
        assertEquals(expected.alerts, alerts.stream().map(ConsumerRecord::key).distinct().count());
    }

    /** The topic holds {@code count} records, and no story version (or kill) twice. */
    static void assertExactlyOnce(String topic, List<ConsumerRecord<String, byte[]>> records, int count) {
        Map<String, Integer> seen = new HashMap<>();
        for (ConsumerRecord<String, byte[]> rec : records) {
            Story s = Json.read(rec.value(), Story.class);
            assertEquals(s.id(), rec.key());
            seen.merge(s.id() + "@" + s.version() + (s.isKill() ? "/kill" : ""), 1, Integer::sum);
        }
        List<String> twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(5).toList();
        assertEquals(List.of(), twice, topic + " holds versions twice");
        assertEquals(count, records.size(), topic);
    }

    static List<ConsumerRecord<String, byte[]>> readCommitted(String topic) {
        return Committed.read(clients, topic);
    }

    /** Reads {@code topic} (read_committed) until {@code n} records whose key matches have been seen. */
    static void awaitCommitted(String topic, Predicate<String> key, int n, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clients);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        int seen = 0;
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen < n) {
                assertTrue(System.nanoTime() < deadline, "only " + seen + " of " + n + " records seen on " + topic);
                assertTrue(app.isAlive(), "the app died");
                for (ConsumerRecord<String, byte[]> rec : c.poll(Duration.ofMillis(200))) {
                    if (key.test(rec.key())) {
                        seen++;
                    }
                }
            }
        }
    }
}
