package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.bench.StoryStream;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a real Kafka broker (KRaft, in this JVM), exactly-once: the seed in, the right
 * records out of news.tagged and both topic topics; garbage in, one dead-letter record with the original
 * bytes out, and the pipeline still up. One broker for the class.
 */
class PipelineOnBrokerTest {
    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static Pipeline pipeline;
    static Map<String, Object> clients;
    static Topics topics;

    @BeforeAll
    static void start() {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        WiretagConfig config = WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(WiretagConfig.DATA_DIR, dir.resolve("app").toString())
                .with(WiretagConfig.APPLICATION_ID, "wiretag-it");
        clients = new HashMap<>(config.kafkaClientSettings());
        pipeline = Pipeline.start(config, broker.bootstrapServers(), Taxonomy.load(Path.of("config/taxonomy")));
        topics = pipeline.topics();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void seedAndGarbageGoWhereTheyBelongAndThePipelineStaysUp() throws Exception {
        byte[] garbage = {0x00, 0x01, 'x', (byte) 0xff, 0x00};
        try (RawSender sender = new RawSender(clients, topics.raw().name())) {
            sender.send(Seed.bytes(), "desk", "seed.txt", "desk-folder", null, Instant.now()).get();
            sender.send(garbage, "desk", "garbage.bin", "desk-folder", null, Instant.now()).get();
        }
        Drain.awaitIdle(pipeline.admin(), clients, pipeline.applicationId(),
                pipeline.inputTopics(), Duration.ofSeconds(60), lag -> { });

        List<ConsumerRecord<byte[], byte[]>> tagged = readAll(topics.tagged().name());
        assertEquals(1, tagged.size());
        Story story = Json.read(tagged.get(0).value(), Story.class);
        assertEquals(Set.of("donald-trump", "vladimir-putin", "volodymyr-zelenskyy", "united-states", "russia", "ukraine", "oval-office"),
                Set.copyOf(story.tags().entityIds()));
        assertEquals(Set.of("ukraine-war", "us-russia-relations"), Set.copyOf(story.tags().topicIds()));
        assertEquals(story.id(), new String(tagged.get(0).key(), StandardCharsets.UTF_8));

        for (String t : List.of("ukraine-war", "us-russia-relations")) {
            List<ConsumerRecord<byte[], byte[]>> routed = readAll(topics.forTopic(t));
            assertEquals(1, routed.size(), t);
            assertEquals(story.id(), Json.read(routed.get(0).value(), Story.class).id());
        }

        List<ConsumerRecord<byte[], byte[]>> dlq = readAll(topics.dlq().name());
        assertEquals(1, dlq.size());
        assertArrayEquals(garbage, dlq.get(0).value());
        assertEquals("normalise", header(dlq.get(0), Topics.H_DLQ_STAGE));
        assertTrue(header(dlq.get(0), Topics.H_DLQ_REASON).startsWith("unrecognised format"), header(dlq.get(0), Topics.H_DLQ_REASON));
        assertEquals(KafkaStreams.State.RUNNING, pipeline.streams().state());
    }

    @Test
    void everyTopicOfTheArchitectureExistsAndTheTaxonomyTopicIsCompacted() throws Exception {
        Set<String> names = pipeline.admin().listTopics().names().get();
        assertTrue(names.containsAll(List.of("news.raw", "news.stories", "news.tagged", "news.topic.ukraine-war",
                "news.topic.us-russia-relations", "news.alerts", "news.trends", "news.dlq", "news.taxonomy")), names.toString());
        var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "news.taxonomy");
        String policy = pipeline.admin().describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
        assertEquals("compact", policy);
        assertEquals(4, pipeline.admin().describeTopics(List.of("news.raw")).allTopicNames().get().get("news.raw").partitions().size());
    }

    /**
     * Kafka Streams has one record cache per stream thread, and a put on a full cache evicts from the store
     * being written. When stores keyed per story (story states, newest cards, feeds of a producer keying by
     * story) were cached they filled it, and every trend count and surge state was then written through to
     * its changelog once per hit (9 records a story in {@code bench pipeline} instead of 0.1). A small cache
     * here fills after a few hundred stories, as any cache does after enough of them.
     */
    @Test
    void trendCountsFoldWithinACommitAfterTheCacheHasSeenManyStories() throws Exception {
        WiretagConfig config = ofItsOwn("fold")
                .with(WiretagConfig.COMMIT_INTERVAL_MS, "1000")
                .with("kafka.statestore.cache.max.bytes", String.valueOf(256 * 1024));
        int n = 1000;
        try (Pipeline fold = Pipeline.start(config, broker.bootstrapServers(), Taxonomy.load(Path.of("config/taxonomy")))) {
            sendAndDrain(fold, "fold", n);
            assertEquals(n, readAll("fold.news.tagged").size());
            int trendMinutes = readAll("wiretag-fold-trend-minutes-changelog").size();
            int surgeStates = readAll("wiretag-fold-surge-state-changelog").size();
            // Folded: a few dozen trend keys, written once per commit that touched them. Written through: 3-4
            // trend batches a story, each of several keys.
            assertTrue(trendMinutes < n / 4, trendMinutes + " trend-minute changelog records for " + n + " stories");
            assertTrue(surgeStates < n / 4, surgeStates + " surge-state changelog records for " + n + " stories");
        }
    }

    /**
     * A story asks the duplicate shards of every partition its keys fall on (with 8 partitions, nearly all 8)
     * and hears from each; its state is still written a bounded number of times, not once a verdict: the gate,
     * the park and the publish. With a write per verdict, 200 stories wrote ~2,000 story-state records.
     */
    @Test
    void aStorysStateIsWrittenAFewTimesWhateverTheNumberOfShardsItAsks() throws Exception {
        WiretagConfig config = ofItsOwn("shards").with(WiretagConfig.PARTITIONS, "8");
        int n = 200;
        try (Pipeline eight = Pipeline.start(config, broker.bootstrapServers(), Taxonomy.load(Path.of("config/taxonomy")))) {
            sendAndDrain(eight, "shards", n);
            assertEquals(n, readAll("shards.news.tagged").size());
            int verdicts = readAll("wiretag-shards-dup-verdicts-repartition").size();
            int states = readAll("wiretag-shards-story-state-changelog").size();
            assertTrue(verdicts > 5 * n, verdicts + " verdicts for " + n + " stories: the stories did not ask most shards");
            assertTrue(states <= 3 * n, states + " story-state changelog records for " + n + " stories");
        }
    }

    /**
     * With fewer duplicate shards than partitions ({@code wiretag.lifecycle.duplicate-shards}), the claims go to
     * those shards alone, at most one a shard for each story, and the copies found are the ones a shard per
     * partition finds: the same pairs of stories, one of each marked {@code duplicateOf} the other (which one
     * is marked may differ: the copy routed first keeps its place). The stream has new versions, which rewrite a
     * story's first and last paragraphs: a copy of the older text is found whether its shard hears it or the new
     * version first (the shards keep a story's earlier versions; when they kept only the newest, the two runs
     * once differed by one such pair).
     */
    @Test
    void fewerDuplicateShardsThanPartitionsFindTheSameCopies() throws Exception {
        List<StoryStream.Item> stream = new StoryStream(7, "shards", new StoryStream.Mix(0.4, 0.08, 0, 0.1)).generate(150);
        assertTrue(stream.stream().filter(i -> i.kind() == StoryStream.Kind.COPY).count() >= 5, "copies in the stream");
        assertTrue(stream.stream().anyMatch(i -> i.kind() == StoryStream.Kind.UPDATE), "new versions in the stream");
        Set<Set<String>> all = duplicatePairs("allshards", 0, stream);
        Set<Set<String>> two = duplicatePairs("twoshards", 2, stream);
        assertTrue(all.size() >= 5, all.toString());
        assertEquals(all, two);
        List<ConsumerRecord<byte[], byte[]>> claims = readAll("wiretag-twoshards-dup-claims-repartition");
        claims.forEach(c -> assertTrue(c.partition() < 2, "a claim on partition " + c.partition()));
        int eight = readAll("wiretag-allshards-dup-claims-repartition").size();
        assertTrue(claims.size() * 3 < eight, claims.size() + " claims to two shards against " + eight + " to eight");
    }

    /** Runs the stream through a pipeline of 8 partitions and that many shards (0: all); the copies it found. */
    private static Set<Set<String>> duplicatePairs(String name, int shards, List<StoryStream.Item> stream) throws Exception {
        WiretagConfig config = ofItsOwn(name).with(WiretagConfig.PARTITIONS, "8")
                .with(WiretagConfig.DUPLICATE_SHARDS, String.valueOf(shards));
        try (Pipeline p = Pipeline.start(config, broker.bootstrapServers(), Taxonomy.load(Path.of("config/taxonomy")))) {
            sendAndDrain(p, stream); // the ids are the stream's own: both runs name the same stories alike
            Set<Set<String>> pairs = new java.util.HashSet<>();
            for (ConsumerRecord<byte[], byte[]> r : readAll(name + ".news.tagged")) {
                Story s = Json.read(r.value(), Story.class);
                if (s.duplicateOf() != null) {
                    pairs.add(Set.of(s.id(), s.duplicateOf()));
                }
            }
            return pairs;
        }
    }

    /**
     * Two stream threads in one instance share the tasks and every story still comes out, as the README's
     * scaling section says. (With the common fork-join pool at parallelism 0, one release, a 5,720-story backlog
     * once gave nothing; this test's 400 stories passed twice with that setting, so the race itself is
     * {@code LanguagesTest.severalThreadsDetectAtOnceAndAllFinish}'s to catch.)
     */
    @Test
    void twoStreamThreadsShareTheTasksAndEveryStoryComesOut() throws Exception {
        WiretagConfig config = ofItsOwn("threads").with("kafka.num.stream.threads", "2");
        int n = 400;
        try (Pipeline two = Pipeline.start(config, broker.bootstrapServers(), Taxonomy.load(Path.of("config/taxonomy")))) {
            sendAndDrain(two, "threads", n);
            assertEquals(n, readAll("threads.news.tagged").size());
            var threads = two.streams().metadataForLocalThreads();
            assertEquals(2, threads.size());
            threads.forEach(t -> assertFalse(t.activeTasks().isEmpty(), t.threadName() + " has no task"));
        }
    }

    /** A second pipeline on this broker: its own application id, state and topics ({@code name.news.raw}, ...). */
    static WiretagConfig ofItsOwn(String name) {
        return WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(WiretagConfig.DATA_DIR, dir.resolve(name).toString())
                .with(WiretagConfig.APPLICATION_ID, "wiretag-" + name)
                .withTopicPrefix(name + ".");
    }

    /** Sends {@code n} distinct generated stories to the pipeline's news.raw and waits until it has done them all. */
    static void sendAndDrain(Pipeline p, String name, int n) throws Exception {
        sendAndDrain(p, new StoryStream(name.hashCode(), name, StoryStream.Mix.standard()).fresh(n));
    }

    /** Sends these records to the pipeline's news.raw, in order, and waits until it has done them all. */
    static void sendAndDrain(Pipeline p, List<StoryStream.Item> items) throws Exception {
        try (RawSender sender = new RawSender(clients, p.topics().raw().name())) {
            for (StoryStream.Item s : items) {
                sender.send(s.bytes(), s.provider(), s.storyId(), null, null, Instant.now());
            }
            sender.flush();
        }
        Drain.awaitIdle(p.admin(), clients, p.applicationId(), p.inputTopics(), Duration.ofSeconds(120), lag -> { });
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicReader.readAll(clients, topic, Duration.ofSeconds(30));
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
