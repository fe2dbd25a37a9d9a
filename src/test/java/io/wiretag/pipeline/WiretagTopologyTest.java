package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.testing.DriverSettings;
import io.wiretag.testing.Seed;
import io.wiretag.kafka.Topics;
import io.wiretag.story.Json;
import io.wiretag.story.Schemas;
import io.wiretag.story.Story;
import io.wiretag.tagging.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology's routing, dead-lettering and JSON contract, with the shipped taxonomy and no broker. */
class WiretagTopologyTest {
    @TempDir
    Path state;

    private TopologyTestDriver driver;
    private Topics topics;
    private TestInputTopic<byte[], byte[]> raw;
    private TestInputTopic<String, byte[]> taxonomyIn;
    private final Set<String> created = new HashSet<>();

    @BeforeEach
    void start() {
        WiretagConfig config = WiretagConfig.defaultsOnly().with(WiretagConfig.DATA_DIR, state.toString());
        topics = Topics.from(config);
        Properties props = DriverSettings.of("wiretag", state);
        LiveTaxonomy live = new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> created.addAll(t.topicIds()));
        driver = new TopologyTestDriver(WiretagTopology.build(TopologySpec.defaults(topics, live).withPartitions(1), props), props);
        raw = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
        taxonomyIn = driver.createInputTopic(topics.taxonomy().name(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private TestOutputTopic<String, byte[]> out(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void send(String source, byte[] bytes) {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.H_SOURCE, source.getBytes(StandardCharsets.UTF_8));
        h.add(Topics.H_PROVIDER, "desk".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>(("desk:" + source).getBytes(StandardCharsets.UTF_8), bytes, h));
    }

    @Test
    void seedIsTaggedAndRoutedToBothTopicsKeyedByItsId() throws Exception {
        send("seed.txt", Seed.bytes());

        List<TestRecord<String, byte[]>> stories = out(topics.stories().name()).readRecordsToList();
        assertEquals(1, stories.size());
        Story story = Json.read(stories.get(0).value(), Story.class);
        assertEquals(story.id(), stories.get(0).key());
        assertTrue(story.id().startsWith("desk:"), story.id());
        assertNull(story.tags(), "news.stories carries untagged stories");

        List<TestRecord<String, byte[]>> tagged = out(topics.tagged().name()).readRecordsToList();
        assertEquals(1, tagged.size());
        Story t = Json.read(tagged.get(0).value(), Story.class);
        assertEquals(Set.of("donald-trump", "vladimir-putin", "volodymyr-zelenskyy", "united-states", "russia", "ukraine", "oval-office"),
                Set.copyOf(t.tags().entityIds()));
        assertEquals(Set.of("ukraine-war", "us-russia-relations"), Set.copyOf(t.tags().topicIds()));

        for (String topic : List.of("ukraine-war", "us-russia-relations")) {
            List<TestRecord<String, byte[]>> routed = out(topics.forTopic(topic)).readRecordsToList();
            assertEquals(1, routed.size(), topic);
            assertEquals(story.id(), routed.get(0).key());
            assertArrayEquals(tagged.get(0).value(), routed.get(0).value(), "the topic topics carry the TaggedStory as on news.tagged");
        }
        assertTrue(out(topics.forTopic("russia-sanctions")).isEmpty());
        assertTrue(out(topics.dlq().name()).isEmpty());
        assertTrue(created.containsAll(Set.of("ukraine-war", "us-russia-relations")), "topic topics are provisioned before use");
    }

    @Test
    void taggedRecordsConformToTheShippedSchema() throws Exception {
        send("seed.txt", Seed.bytes());
        byte[] value = out(topics.tagged().name()).readValue();
        assertEquals(List.of(), Schemas.problems(Schemas.TAGGED, Json.MAPPER.readTree(value)));
    }

    @Test
    void aStoryAboutNeitherTopicReachesNewsTaggedOnly() {
        send("football.txt", "date 2025-03-02 Porto beat Benfica 2-1 in Lisbon on Sunday.\n\nPorto lead the table.".getBytes(StandardCharsets.UTF_8));
        Story t = Json.read(out(topics.tagged().name()).readValue(), Story.class);
        assertEquals(List.of(), t.tags().topicIds());
        assertTrue(out(topics.forTopic("ukraine-war")).isEmpty());
        assertTrue(out(topics.forTopic("us-russia-relations")).isEmpty());
    }

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsOriginalBytesAndAReason() {
        byte[] garbage = {0, 1, 2, 'G', 'A', 'R', (byte) 0xff, (byte) 0xfe};
        send("garbage.bin", garbage);
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TestRecord<byte[], byte[]> r = dlq.readRecord();
        assertArrayEquals(garbage, r.value());
        assertArrayEquals("desk:garbage.bin".getBytes(StandardCharsets.UTF_8), r.key());
        assertEquals("normalise", header(r, Topics.H_DLQ_STAGE));
        assertTrue(header(r, Topics.H_DLQ_REASON).startsWith("unrecognised format: not one of ["), header(r, Topics.H_DLQ_REASON));
        assertEquals("io.wiretag.formats.ParseException", header(r, Topics.H_DLQ_EXCEPTION));
        assertEquals("garbage.bin", header(r, Topics.H_SOURCE), "the producer's headers are kept");
        assertEquals("news.raw/0@0", header(r, Topics.H_DLQ_ORIGIN));
        assertTrue(out(topics.stories().name()).isEmpty());

        send("after.txt", "A story after the garbage. It still flows.".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, out(topics.tagged().name()).readRecordsToList().size(), "one bad record does not stop the pipeline");
    }

    @Test
    void anEmptyRecordIsDeadLetteredWithAReasonNotDropped() {
        send("empty.txt", new byte[0]);
        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TestRecord<byte[], byte[]> r = dlq.readRecord();
        assertEquals("empty input: 0 bytes, nothing to read", header(r, Topics.H_DLQ_REASON));
    }

    @Test
    void aTaxonomyChangeOnTheTopicAppliesToTheNextStoryWithoutARestart() {
        send("seed.txt", "Vladimir Putin spoke on Friday. Nothing else happened.".getBytes(StandardCharsets.UTF_8));
        Story before = Json.read(out(topics.tagged().name()).readValue(), Story.class);
        assertTrue(before.tags().entityIds().contains("vladimir-putin"), before.tags().entityIds().toString());

        // Publish the shipped taxonomy minus Putin, as `taxonomy publish` would after an editor's change.
        Taxonomy shipped = Taxonomy.load(Path.of("config/taxonomy"));
        for (Map.Entry<String, byte[]> e : shipped.toRecords().entrySet()) {
            taxonomyIn.pipeInput(e.getKey(), e.getValue());
        }
        String putinKey = shipped.toRecords().keySet().stream().filter(k -> k.endsWith("vladimir-putin")).findFirst().orElseThrow();
        taxonomyIn.pipeInput(putinKey, (byte[]) null);

        send("again.txt", "Vladimir Putin spoke again on Saturday. Nothing else happened.".getBytes(StandardCharsets.UTF_8));
        Story after = Json.read(out(topics.tagged().name()).readValue(), Story.class);
        assertTrue(!after.tags().entityIds().contains("vladimir-putin"), after.tags().entityIds().toString());
        assertTrue(!after.tags().taxonomyVersion().equals(before.tags().taxonomyVersion()), "the TaggedStory names the new taxonomy version");
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
