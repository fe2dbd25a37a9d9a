package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.story.Json;
import io.wiretag.story.Schemas;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import io.wiretag.story.TopicTag;
import io.wiretag.tagging.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Reuters correction and kill of one story (same guid, opaque version numbers), from the shared
 * fixtures, through the whole topology from news.raw. The story is about floods in Illinois, which no
 * shipped topic covers, so tags come from a test-only stand-in for the tagger that maps two of the
 * story's own Reuters subject codes to topics: N2:WEA to "weather" and N2:FLD to "floods".
 */
class ReutersCorrectionAndKillTest {
    static final Path DIR = Path.of("../shared/fixtures/wire/superdesk-core");
    static final String CORRECTION = "tag_reuters.com_2016_newsml_L1N14N0FF_version_978556838";
    static final String KILL = "tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538";
    static final String ID = "reuters:tag:reuters.com,0000:newsml_L1N14N0FF";
    static final Map<String, String> TOPIC_OF_SUBJECT = Map.of("N2:WEA", "weather", "N2:FLD", "floods");

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<byte[], byte[]> raw;
    final Topics topics = Topics.from(WiretagConfig.defaultsOnly());

    static Tags standIn(Story s) {
        List<TopicTag> t = s.subjects().stream().filter(x -> TOPIC_OF_SUBJECT.containsKey(x.code()))
                .map(x -> new TopicTag(TOPIC_OF_SUBJECT.get(x.code()), TOPIC_OF_SUBJECT.get(x.code()), List.of(), 1.0, List.of("stand-in")))
                .toList();
        return new Tags(List.of(), t, "test");
    }

    @BeforeEach
    void start() {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "shared fixtures not found at " + DIR.toAbsolutePath() + "; skipping");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "reuters-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        LiveTaxonomy live = new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> { });
        driver = new TopologyTestDriver(WiretagTopology.build(
                TopologySpec.defaults(topics, live).withPartitions(1).withTagger(ReutersCorrectionAndKillTest::standIn), p), p);
        raw = driver.createInputTopic(topics.raw().name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    void ingest(String file) throws IOException {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.H_PROVIDER, "reuters".getBytes());
        h.add(Topics.H_SOURCE, file.getBytes());
        raw.pipeInput(new TestRecord<>(file.getBytes(), Files.readAllBytes(DIR.resolve(file)), h, Instant.parse("2016-01-04T17:00:00Z")));
    }

    List<Story> read(String topic) {
        List<Story> out = new ArrayList<>();
        for (TestRecord<String, Story> r : driver.createOutputTopic(topic, Serdes.String().deserializer(),
                topics.tagged().valueSerde().deserializer()).readRecordsToList()) {
            assertEquals(ID, r.key());
            assertEquals(List.of(), Schemas.problems(Schemas.TAGGED, r.value()));
            out.add(r.value());
        }
        return out;
    }

    @Test
    void correctionIsPublishedAndTheKillRetractsItFromEveryTopicItReached() throws IOException {
        ingest(CORRECTION);
        ingest(CORRECTION); // the same version delivered twice: dropped
        ingest(KILL);
        for (String t : List.of(topics.tagged().name(), topics.forTopic("weather"), topics.forTopic("floods"))) {
            List<Story> records = read(t);
            assertEquals(2, records.size(), t);
            Story correction = records.get(0);
            assertEquals("978556838", correction.version());
            assertEquals("correction", correction.revision().json());
            assertTrue(correction.headline().startsWith("CORRECTED-S. Illinois battles flooding"), correction.headline());
            Story kill = records.get(1);
            assertEquals("1542761538", kill.version());
            assertEquals("canceled", kill.pubStatus().json());
            assertEquals("kill", kill.revision().json());
            assertEquals(Instant.parse("2016-01-04T16:34:45Z"), kill.kill().at());
            assertEquals("withdrawn by reuters", kill.kill().reason());
        }
        List<JsonNode> alerts = driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).readValuesToList().stream().map(b -> Json.read(b, JsonNode.class)).toList();
        assertEquals(1, alerts.size());
        assertEquals(ID, alerts.get(0).get("storyId").asText());
        List<String> retracted = new ArrayList<>();
        alerts.get(0).get("topics").forEach(n -> retracted.add(n.asText()));
        assertEquals(java.util.Set.of("news.topic.weather", "news.topic.floods"), java.util.Set.copyOf(retracted));
        assertEquals(2, retracted.size());
        assertEquals(0, driver.createOutputTopic(topics.dlq().name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer()).getQueueSize());
    }

    @Test
    void killArrivingFirstKeepsTheCorrectionOffEveryTopic() throws IOException {
        ingest(KILL);
        ingest(CORRECTION);
        List<Story> tagged = read(topics.tagged().name());
        assertEquals(1, tagged.size());
        assertTrue(tagged.get(0).isKill());
        assertEquals(List.of(), read(topics.forTopic("weather")));
        assertEquals(List.of(), read(topics.forTopic("floods")));
    }
}
