package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.story.Story;
import io.wiretag.tagging.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample sequence in {@code src/test/resources/lifecycle} (ninjs files: three versions of a story
 * whose correction leaves a topic, a re-sent version, a story and its kill, a story and its copy from a
 * second feed with its own headline and dateline, an embargoed story, a kill before its story), ingested in
 * file order through the whole topology with the real tagger and the shipped taxonomy.
 */
class LifecycleSamplesTest {
    static final Path SAMPLES = Path.of("src/test/resources/lifecycle");

    @TempDir
    Path stateDir;

    @Test
    void sampleSequenceEndsWhereTheRulesSay() throws IOException {
        Topics topics = Topics.from(WiretagConfig.defaultsOnly());
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "samples-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        Instant now = Instant.parse("2026-03-02T16:00:00Z");
        LiveTaxonomy live = new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> { });
        try (TopologyTestDriver driver = new TopologyTestDriver(WiretagTopology.build(TopologySpec.defaults(topics, live).withPartitions(1), p), p, now)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.raw().name(), Serdes.ByteArray().serializer(),
                    Serdes.ByteArray().serializer());
            List<Path> files;
            try (Stream<Path> s = Files.list(SAMPLES)) {
                files = s.sorted().toList();
            }
            assertEquals(11, files.size());
            for (Path f : files) {
                RecordHeaders h = new RecordHeaders();
                h.add(Topics.H_SOURCE, f.getFileName().toString().getBytes());
                raw.pipeInput(new TestRecord<>(f.getFileName().toString().getBytes(), Files.readAllBytes(f), h, now));
            }
            assertEquals("""
                    wirea:urn:wirea:talks@1 wirea:urn:wirea:talks@2 wirea:urn:wirea:talks@3 wirea:urn:wirea:strike@1 \
                    wirea:urn:wirea:strike@2:kill wirea:urn:wirea:sanctions@1 wireb:urn:wireb:eu-russia-0302@1:dup-of-wirea:urn:wirea:sanctions \
                    wirea:urn:wirea:ghost@2:kill""", read(driver, topics, topics.tagged().name()));
            // The sanctions package names the war only as what the exports pay for: it is the sanctions topic's.
            assertEquals("wirea:urn:wirea:talks@2 wirea:urn:wirea:talks@3 wirea:urn:wirea:strike@1 wirea:urn:wirea:strike@2:kill",
                    read(driver, topics, "news.topic.ukraine-war"));
            assertEquals("wirea:urn:wirea:talks@1 wirea:urn:wirea:talks@2 wirea:urn:wirea:talks@3:kill",
                    read(driver, topics, "news.topic.us-russia-relations"));
            assertEquals("wirea:urn:wirea:sanctions@1", read(driver, topics, "news.topic.russia-sanctions"));
            // The shipped watches (config/watches.properties) see Putin and Trump in the talks' first two
            // versions (the correction drops the call) and the EU in the sanctions story; the strike's kill alerts.
            assertEquals(List.of("watch:putin-trump:wirea:urn:wirea:talks:1", "watch:putin-trump:wirea:urn:wirea:talks:2",
                    "kill:wirea:urn:wirea:strike", "watch:eu-sanctions:wirea:urn:wirea:sanctions:1"), driver.createOutputTopic(topics.alerts().name(),
                    Serdes.String().deserializer(), Serdes.ByteArray().deserializer()).readKeyValuesToList().stream().map(kv -> kv.key).toList());
            // The embargoed story (until 2099) comes out when the wall clock gets there, and only then.
            driver.advanceWallClockTime(Duration.ofDays(365));
            assertEquals("", read(driver, topics, "news.topic.ukraine-war"));
            driver.advanceWallClockTime(Duration.ofDays(365 * 73));
            assertEquals("wirea:urn:wirea:prisoners@1", read(driver, topics, "news.topic.ukraine-war"));
        }
    }

    static String read(TopologyTestDriver driver, Topics topics, String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(), topics.tagged().valueSerde().deserializer())
                .readValuesToList().stream().map(LifecycleSamplesTest::label).collect(Collectors.joining(" "));
    }

    static String label(Story s) {
        return s.id() + "@" + s.version() + (s.isKill() ? ":kill" : "") + (s.duplicateOf() != null ? ":dup-of-" + s.duplicateOf() : "");
    }
}
