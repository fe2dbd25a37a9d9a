package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.Drain;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.StateStores;
import io.wiretag.pipeline.WiretagTopology;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out and failover on a real broker: the same stream of stories (first versions, kills before their
 * story, updates that change topics, stale re-sends, kills, a second feed's copies, and copies of a second
 * version sent with a rewritten third version of their original) goes through one
 * instance, through two (same application id, own state), and through two of which one is killed with
 * {@code destroyForcibly()} mid-stream. The two instances each own tasks of every sub-topology, and every
 * run leaves exactly the same records on news.tagged, every news.topic.* and news.alerts (read_committed):
 * the same versions, the same duplicateOf verdicts, the same kills, none twice.
 */
class ScaleOutOnBrokerTest {
    static final int STORIES = 1_000;
    static final int EARLY_KILLS = 50;
    static final int COPIES = 50;
    /** Copies of a story's second version sent with its rewritten third: every 18th story from the 9th, not killed. */
    static final int RACING_COPIES = 48;
    static final String[] TOPIC_IDS = {"ukraine-war", "us-russia-relations", "russia-sanctions"};

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static Map<String, Object> clients;
    static final List<Process> running = new ArrayList<>();
    static Map<String, List<String>> single;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        clients = new HashMap<>(Map.of("bootstrap.servers", broker.bootstrapServers()));
        single = run("one", 1, false);
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        stopAll();
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        stopAll();
        if (broker != null) {
            broker.close();
        }
    }

    static void stopAll() throws InterruptedException {
        for (Process p : running) {
            p.destroy();
            p.waitFor();
        }
        running.clear();
    }

    /** This run's topic names: its own prefix before every wiretag topic. */
    static Map<String, String> topicSettings(String run) {
        WiretagConfig d = WiretagConfig.defaultsOnly();
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : List.of(WiretagConfig.TOPIC_RAW, WiretagConfig.TOPIC_STORIES, WiretagConfig.TOPIC_TAGGED, WiretagConfig.TOPIC_PREFIX,
                WiretagConfig.TOPIC_ALERTS, WiretagConfig.TOPIC_TRENDS, WiretagConfig.TOPIC_DLQ, WiretagConfig.TOPIC_TAXONOMY)) {
            out.put(key, run + "." + d.get(key));
        }
        return out;
    }

    static Topics topics(String run) {
        WiretagConfig c = WiretagConfig.defaultsOnly();
        for (Map.Entry<String, String> e : topicSettings(run).entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return Topics.from(c);
    }

    static Process instance(String run, int n) throws Exception {
        Process p = ChildApp.start(dir.resolve(run + "-" + n + ".log"), broker.bootstrapServers(), "scale-" + run,
                dir.resolve(run + "-" + n), topicSettings(run));
        running.add(p);
        return p;
    }

    /**
     * Sends the stream through {@code instances} instances of app {@code scale-<run>}, killing the second hard
     * mid-stream when {@code killOne}; returns each output topic's records as sorted labels.
     */
    static Map<String, List<String>> run(String run, int instances, boolean killOne) throws Exception {
        Topics topics = topics(run);
        String app = "scale-" + run;
        for (int i = 1; i <= instances; i++) {
            instance(run, i);
        }
        Map<String, Object> producerProps = new HashMap<>(clients);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        List<String> inputs = new ArrayList<>(List.of(topics.raw().name(), topics.stories().name(), topics.alerts().name()));
        inputs.addAll(WiretagTopology.internalInputTopics(app));
        Random r = new Random(7);
        try (Admin admin = Admin.create(clients);
             KafkaProducer<String, Story> producer = new KafkaProducer<>(producerProps, topics.stories().keySerde().serializer(),
                     topics.stories().valueSerde().serializer())) {
            if (instances > 1) {
                assertEveryInstanceOwnsTasksOfEverySubTopology(admin, app, topics, instances);
            }
            String to = topics.stories().name();
            Map<Integer, Story> firsts = new LinkedHashMap<>();
            Map<Integer, Story> seconds = new LinkedHashMap<>();
            for (int i = 0; i < STORIES; i++) {
                Story s = LifecycleRestartTest.story(String.format("load:%05d", i), 1, LifecycleRestartTest.T0.plusSeconds(i), null,
                        "Story " + i, LifecycleRestartTest.body(i % 4, r));
                firsts.put(i, s);
                producer.send(new ProducerRecord<>(to, s.id(), s));
            }
            for (int i = 0; i < EARLY_KILLS; i++) {
                String id = String.format("early:%04d", i);
                producer.send(new ProducerRecord<>(to, id, LifecycleRestartTest.kill(id, 2, LifecycleRestartTest.T0.plusSeconds(i))));
            }
            producer.flush();
            if (killOne) {
                long from = Committed.endOffsets(admin, topics.tagged().name());
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (Committed.endOffsets(admin, topics.tagged().name()) - from < 300) {
                    assertTrue(System.nanoTime() < deadline, "the instances made no progress");
                    Thread.sleep(50); // polling offsets
                }
                running.get(1).destroyForcibly().waitFor();
            }
            for (int i = 0; i < STORIES; i += 3) {
                Story s = LifecycleRestartTest.story(String.format("load:%05d", i), 2, LifecycleRestartTest.T0.plusSeconds(i + 3600), null,
                        "Story " + i + " updated", LifecycleRestartTest.body((i + 1) % 4, r));
                producer.send(new ProducerRecord<>(to, s.id(), s));
                if (i % 6 == 0) {
                    producer.send(new ProducerRecord<>(to, s.id(), firsts.get(i)));
                }
                if (i % 18 == 9 && i % 7 != 0) {
                    seconds.put(i, s);
                }
            }
            for (int i = 0; i < EARLY_KILLS; i++) {
                Story s = LifecycleRestartTest.story(String.format("early:%04d", i), 1, LifecycleRestartTest.T0, null, "Early " + i,
                        LifecycleRestartTest.body(0, r));
                producer.send(new ProducerRecord<>(to, s.id(), s));
            }
            for (int i = 0; i < STORIES; i += 7) {
                String id = String.format("load:%05d", i);
                producer.send(new ProducerRecord<>(to, id, LifecycleRestartTest.kill(id, 3, LifecycleRestartTest.T0.plusSeconds(i + 7200))));
            }
            producer.flush();
            Drain.awaitIdle(admin, clients, app, inputs, Duration.ofSeconds(120), lag -> assertTrue(running.get(0).isAlive(), "instance 1 died"));
            // A second feed's copies of stories never updated nor killed, once their originals are routed.
            int copies = 0;
            for (int i = 1; copies < COPIES; i += 2) {
                if (i % 3 == 0 || i % 7 == 0) {
                    continue;
                }
                Story original = firsts.get(i);
                Story copy = LifecycleRestartTest.story(String.format("copy:%05d", i), 1, original.versionCreated().plusSeconds(60), null,
                        "Second feed: " + original.headline(), original.body());
                producer.send(new ProducerRecord<>(to, copy.id(), copy));
                copies++;
            }
            // A rewritten third version of routed stories, each sent with a second feed's copy of the second: the
            // copy does not resemble the third, and is a duplicate whichever of the two its shard hears first.
            for (Map.Entry<Integer, Story> e : seconds.entrySet()) {
                int i = e.getKey();
                Story second = e.getValue();
                Story third = LifecycleRestartTest.story(second.id(), 3, second.versionCreated().plusSeconds(60), null,
                        "Story " + i + " rewritten", LifecycleRestartTest.body((i + 2) % 4, r));
                Story copy = LifecycleRestartTest.story(String.format("racing:%05d", i), 1, second.versionCreated().plusSeconds(30), null,
                        "Second feed: " + second.headline(), second.body());
                producer.send(new ProducerRecord<>(to, third.id(), third));
                producer.send(new ProducerRecord<>(to, copy.id(), copy));
            }
            producer.flush();
            Drain.awaitIdle(admin, clients, app, inputs, Duration.ofSeconds(120), lag -> assertTrue(running.get(0).isAlive(), "instance 1 died"));
        }
        Map<String, List<String>> out = new TreeMap<>();
        out.put("tagged", labels(topics.tagged().name()));
        for (String t : TOPIC_IDS) {
            out.put(t, labels(topics.forTopic(t)));
        }
        // The alerts a story raises (kill, breaking, watch); surges and quiet feeds depend on when the run happened.
        out.put("alerts", Committed.read(clients, topics.alerts().name()).stream().map(ConsumerRecord::key)
                .filter(k -> !k.startsWith("surge:") && !k.startsWith("quiet:") && !k.startsWith("resumed:")).sorted().toList());
        stopAll();
        return out;
    }

    /** A topic's records as {@code id@version[/kill][/dup-of-x]}, sorted, each checked to be there once. */
    static List<String> labels(String topic) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> rec : Committed.read(clients, topic)) {
            Story s = Json.read(rec.value(), Story.class);
            assertEquals(s.id(), rec.key());
            out.add(s.id() + "@" + s.version() + (s.isKill() ? "/kill" : "") + (s.duplicateOf() != null ? "/dup-of-" + s.duplicateOf() : ""));
        }
        out.sort(null);
        assertEquals(out.size(), new TreeSet<>(out).size(), topic + " holds a version twice");
        return out;
    }

    /**
     * Reads the consumer group's assignment: every instance holds partitions of the input topics of every
     * sub-topology (raw; stories with the verdicts; the duplicate claims; the trend hits; the alerts).
     */
    static void assertEveryInstanceOwnsTasksOfEverySubTopology(Admin admin, String app, Topics topics, int instances) throws Exception {
        List<Set<String>> subTopologies = List.of(Set.of(topics.raw().name()),
                Set.of(topics.stories().name(), app + "-" + StateStores.VERDICTS_TOPIC + "-repartition"),
                Set.of(app + "-" + StateStores.CLAIMS_TOPIC + "-repartition"),
                Set.of(app + "-" + StateStores.TREND_HITS_TOPIC + "-repartition"),
                Set.of(topics.alerts().name()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Set<String>> byInstance;
        while (true) {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(app)).all().get().get(app);
            byInstance = new TreeMap<>();
            for (MemberDescription m : g.members()) {
                // Streams names each thread's consumer <app>-<process id>-StreamThread-<n>-consumer.
                String instance = m.clientId().substring(0, m.clientId().indexOf("-StreamThread-"));
                Set<String> topicsHeld = byInstance.computeIfAbsent(instance, k -> new TreeSet<>());
                m.assignment().topicPartitions().stream().map(TopicPartition::topic).forEach(topicsHeld::add);
            }
            boolean all = byInstance.size() == instances && byInstance.values().stream()
                    .allMatch(held -> subTopologies.stream().allMatch(sub -> sub.stream().anyMatch(held::contains)));
            if (all && g.groupState() == GroupState.STABLE) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "not every instance owns tasks of every sub-topology: " + byInstance);
            Thread.sleep(200); // polling the group's assignment
        }
    }

    @Test
    void twoInstancesEachOwnEveryStageAndTogetherGiveWhatOneGives() throws Exception {
        assertEquals(COPIES, single.get("tagged").stream().filter(l -> l.startsWith("copy:") && l.contains("/dup-of-load:")).count(),
                "the copies are marked");
        List<String> racing = single.get("tagged").stream().filter(l -> l.startsWith("racing:")).toList();
        assertEquals(RACING_COPIES, racing.size(), racing.toString());
        racing.forEach(l -> assertTrue(l.endsWith("/dup-of-load:" + l.substring("racing:".length(), "racing:".length() + 5)), l));
        assertEquals(COPIES + RACING_COPIES, single.get("tagged").stream().filter(l -> l.contains("/dup-of-")).count(),
                "no other story is marked");
        assertTrue(single.get("ukraine-war").size() > 300, "the stream reaches the topics: " + single.get("ukraine-war").size());
        Map<String, List<String>> two = run("two", 2, false);
        assertEquals(single, two);
    }

    @Test
    void whenOneOfTwoInstancesIsKilledTheOtherTakesOverAndEveryTopicIsExact() throws Exception {
        Map<String, List<String>> failover = run("fail", 2, true);
        assertEquals(single, failover);
    }
}
