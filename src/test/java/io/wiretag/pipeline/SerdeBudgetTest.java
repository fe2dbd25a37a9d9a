package io.wiretag.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.Topics;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.testing.DriverSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serde budget: after news.stories, a story is decoded once and encoded once, and the same bytes go to
 * news.tagged and every news.topic.* it is on; internal topics never carry it.
 */
class SerdeBudgetTest {
    static final Instant T0 = AlertsAndTrendsTopologyTest.T0;

    @TempDir
    Path stateDir;
    final Topics topics = Topics.from(WiretagConfig.defaultsOnly());
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> stories;

    @BeforeEach
    void start() {
        Properties p = DriverSettings.of("budget-test", stateDir);
        LiveTaxonomy live = new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> { });
        driver = new TopologyTestDriver(WiretagTopology.build(
                TopologySpec.defaults(topics, live).withPartitions(1).withTagger(AlertsAndTrendsTopologyTest::standInTags), p), p, T0);
        stories = driver.createInputTopic(topics.stories().name(), Serdes.String().serializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Pipes a story as the normalise stage wrote it, encoded here without touching the counters. */
    void send(Story s, Instant at) throws Exception {
        stories.pipeInput(new TestRecord<>(s.id(), Json.MAPPER.writeValueAsBytes(s), at));
    }

    /** A body of its own per story, so that none is a duplicate of another. */
    static String body(int seed) {
        java.util.Random words = new java.util.Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            b.append("w").append(words.nextInt(100_000)).append(' ');
        }
        return b.toString().strip();
    }

    List<byte[]> values(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer()).readValuesToList();
    }

    @Test
    void aRoutedStoryIsDecodedOnceAndEncodedOnceForEveryTopicItReaches() throws Exception {
        long encodes = Json.storyEncodes();
        long decodes = Json.storyDecodes();
        int n = 50;
        for (int i = 0; i < n; i++) {
            send(AlertsAndTrendsTopologyTest.story("ap:" + i, "1", null, "Story " + i, body(i),
                    "topic:ukraine-war", "topic:us-russia-relations", "entity:russia"), T0.plusSeconds(i));
        }
        assertEquals(n, Json.storyEncodes() - encodes, "one encode per routed story, for news.tagged and both topics");
        assertEquals(n, Json.storyDecodes() - decodes, "one decode per story read from news.stories");

        List<byte[]> tagged = values(topics.tagged().name());
        List<byte[]> war = values(topics.forTopic("ukraine-war"));
        List<byte[]> relations = values(topics.forTopic("us-russia-relations"));
        assertEquals(n, tagged.size());
        assertEquals(n, war.size());
        assertEquals(n, relations.size());
        for (int i = 0; i < n; i++) {
            assertEquals(Arrays.toString(tagged.get(i)), Arrays.toString(war.get(i)), "the same bytes on news.tagged and the topic");
            assertEquals(Arrays.toString(tagged.get(i)), Arrays.toString(relations.get(i)));
        }
    }
}
