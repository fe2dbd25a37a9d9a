package io.wiretag.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import io.wiretag.pipeline.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The pass-throughs wiretag is compared with write what they claim to, per input and per topic. No broker here. */
class PassThroughTest {
    private static Properties props() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "pass-through-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return p;
    }

    /** The comparison differs in the topology only: the pass-throughs run with wiretag's producer wait and commit interval. */
    @Test
    void passThroughsRunWithWiretagsOwnStreamsSettingsUnderEachGuarantee() {
        for (String guarantee : List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)) {
            WiretagConfig c = WiretagConfig.defaultsOnly()
                    .with(WiretagConfig.PROCESSING_GUARANTEE, guarantee);
            Properties wiretag = StreamsSettings.properties(c, "localhost:9092");
            Properties pass = Subject.passThroughSettings(c, "localhost:9092", "pass", Path.of("state"));
            for (String key : List.of(StreamsConfig.producerPrefix("linger.ms"), StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
                assertEquals(wiretag.getProperty(key), pass.getProperty(key), guarantee + " " + key);
            }
        }
        assertEquals("50", StreamsSettings.lingerMs(StreamsConfig.EXACTLY_ONCE_V2));
    }

    @Test
    void oneToOneCopiesEveryRecordUntouched() {
        try (TopologyTestDriver d = new TopologyTestDriver(PassThrough.oneToOne("in", "out"), props())) {
            TestInputTopic<byte[], byte[]> in = d.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out = d.createOutputTopic("out", new ByteArrayDeserializer(), new ByteArrayDeserializer());
            in.pipeInput("k1".getBytes(StandardCharsets.UTF_8), "story one".getBytes(StandardCharsets.UTF_8));
            in.pipeInput("k2".getBytes(StandardCharsets.UTF_8), "story two".getBytes(StandardCharsets.UTF_8));
            List<TestRecord<byte[], byte[]>> got = out.readRecordsToList();
            assertEquals(2, got.size());
            assertEquals("story two", new String(got.get(1).value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void equalIoWritesTheRecordsAndSizesOfItsShapeTopicForTopicThroughTheHops() {
        PassThrough.Shape shape = new PassThrough.Shape(
                List.of(new PassThrough.Share("hop-a", 1.0, 700), new PassThrough.Share("hop-b", 12.5, 150)),
                List.of(new PassThrough.Share("tagged", 1.0, 7000), new PassThrough.Share("topic", 0.4, 3000)));
        int inputs = 200;
        try (TopologyTestDriver d = new TopologyTestDriver(PassThrough.equalIo("in", shape), props())) {
            TestInputTopic<byte[], byte[]> in = d.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
            byte[] story = "a story of some length ".repeat(100).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < inputs; i++) {
                in.pipeInput(("id-" + i).getBytes(StandardCharsets.UTF_8), story);
            }
            Map<String, Integer> expectedRecords = Map.of("hop-a", 200, "hop-b", 2500, "tagged", 200, "topic", 80);
            Map<String, Integer> sizes = Map.of("hop-a", 700, "hop-b", 150, "tagged", 7000, "topic", 3000);
            for (String topic : List.of("hop-a", "hop-b", "tagged", "topic")) {
                List<TestRecord<byte[], byte[]>> got = d.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .readRecordsToList();
                assertTrue(Math.abs(got.size() - expectedRecords.get(topic)) <= 1, topic + ": " + got.size());
                for (TestRecord<byte[], byte[]> r : got) {
                    assertEquals(sizes.get(topic), r.key().length + r.value().length, topic + ": key and value make the share's size");
                }
            }
        }
        assertEquals(1 + 12.5 + 1 + 0.4, shape.recordsPerInput(), 1e-9);
    }

    @Test
    void theShapeCopiesWiretagsRunTopicForTopicAndTurnsItsRepartitionTopicsIntoHops() {
        int inputs = 100;
        TopicIo.Snapshot written = new TopicIo.Snapshot(Map.of(
                "wiretag-eos.news.tagged", new TopicIo.Counts(100, 100 * 7070, 0),
                "bench-wiretag-eos-lifecycle-repartition", new TopicIo.Counts(100, 100 * 6070, 0),
                "bench-wiretag-eos-trend-hits-repartition", new TopicIo.Counts(1200, 1200 * 170, 0)));
        RunResult wiretag = new RunResult("wiretag", "exactly_once_v2", inputs, 100, 100, 1.0, 0.1, 0.8,
                new ProcessMeter.Usage(1, 1, 1, 1, 1, Map.of(), 0, 0), 0, 0, written, new TopicIo.Snapshot(Map.of()), List.of());
        RunResult oneToOne = new RunResult("passthrough", "exactly_once_v2", inputs, 100, 100, 1.0, 0.1, 0.8,
                new ProcessMeter.Usage(1, 1, 1, 1, 1, Map.of(), 0, 0), 0, 0, new TopicIo.Snapshot(Map.of("passthrough-eos.out", new TopicIo.Counts(100, 100 * 3070, 0))),
                new TopicIo.Snapshot(Map.of()), List.of());
        StreamStats stats = new StreamStats(100, Map.of(), 3000, 3000);
        PassThrough.Shape shape = PipelineBench.shapeOf(wiretag, oneToOne, stats, "equal-io-eos");
        assertEquals(List.of("equal-io-eos.lifecycle-repartition", "equal-io-eos.trend-hits-repartition"),
                shape.hops().stream().map(PassThrough.Share::topic).sorted().toList());
        assertEquals(List.of(new PassThrough.Share("equal-io-eos.news.tagged", 1.0, 7000)), shape.outputs());
        assertEquals(14.0, shape.recordsPerInput(), 1e-9);
        // 70 bytes a record of log overhead, as the 1:1 run showed (3,070 appended for 3,000 of payload).
        assertTrue(shape.hops().contains(new PassThrough.Share("equal-io-eos.trend-hits-repartition", 12.0, 100)), shape.toString());
    }
}
