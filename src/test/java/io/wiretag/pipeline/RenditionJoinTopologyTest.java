package io.wiretag.pipeline;

import io.wiretag.testing.DriverSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.story.Story;
import io.wiretag.tagging.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AP Media item and its NITF rendition, sent to news.raw as a producer sends them, through the real
 * topology: one story on news.tagged whichever comes first; each alone after the wait; an item without a
 * NITF rendition at once.
 */
class RenditionJoinTopologyTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SAMPLES = Path.of("src/test/resources/apmedia");
    static final String ITEM_ID = "f3a1c0de5ee9b4b40ea5fe9c9ca60f89";
    static final String STORY_ID = "ap:" + ITEM_ID;

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<byte[], byte[]> raw;
    TestOutputTopic<String, Story> tagged;
    final Topics topics = Topics.from(WiretagConfig.defaultsOnly());

    @BeforeEach
    void start() {
        Properties p = DriverSettings.of("rendition-test", stateDir);
        LiveTaxonomy live = new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> { });
        driver = new TopologyTestDriver(WiretagTopology.build(TopologySpec.defaults(topics, live).withPartitions(1)
                .withTagger(LifecycleTopologyTest::standInTags).withLifecycle(LifecycleSettings.defaults().withRenditionWait(WAIT)), p), p, T0);
        raw = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
        tagged = driver.createOutputTopic(topics.tagged().name(), Serdes.String().deserializer(), topics.tagged().valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** One file as a producer sends it: keyed by its feed, with the rendition mark when given. */
    void send(String sample, String feed, String renditionOf) throws Exception {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.H_PROVIDER, "ap".getBytes(StandardCharsets.UTF_8));
        h.add(Topics.H_SOURCE, sample.getBytes(StandardCharsets.UTF_8));
        if (renditionOf != null) {
            h.add(Topics.H_RENDITION_OF, renditionOf.getBytes(StandardCharsets.UTF_8));
        }
        raw.pipeInput(new TestRecord<>(("ap:" + feed).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(SAMPLES.resolve(sample)), h));
    }

    void sendItem() throws Exception {
        send("ferry_item.json", "inbox", null);
    }

    void sendRendition(String feed) throws Exception {
        send("ferry_nitf.xml", feed, ITEM_ID);
    }

    List<Story> taggedStories() {
        List<KeyValue<String, Story>> out = tagged.readKeyValuesToList();
        out.forEach(kv -> assertEquals(kv.value.id(), kv.key, "keyed by story id"));
        return out.stream().map(kv -> kv.value).toList();
    }

    void assertOneMergedStory(List<Story> out) {
        assertEquals(1, out.size(), out.toString());
        Story s = out.get(0);
        assertEquals(STORY_ID, s.id());
        assertEquals("Island ferry returns after storm repairs", s.headline());
        assertEquals("1", s.version());
        assertEquals("ap-media", s.source().format());
        assertTrue(s.body().startsWith("The island ferry sailed again on Saturday"), s.body());
        assertEquals("By JANE ROE", s.byline());
        assertTrue(s.warnings().stream().noneMatch(w -> w.contains("body is empty")), s.warnings().toString());
        assertTrue(s.tags() != null, "tagged");
    }

    long waiting() {
        KeyValueStore<String, Object> store = driver.getKeyValueStore(StateStores.RENDITIONS);
        long n = 0;
        try (KeyValueIterator<String, Object> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    @Test
    void itemThenRenditionIsOneStoryWithTheText() throws Exception {
        sendItem();
        assertEquals(List.of(), taggedStories(), "the item waits for its text");
        sendRendition("inbox");
        assertOneMergedStory(taggedStories());
        assertEquals(0, waiting());
        driver.advanceWallClockTime(WAIT.plusSeconds(5));
        assertEquals(List.of(), taggedStories(), "nothing left to release");
    }

    @Test
    void renditionThenItemIsTheSameStoryEvenFromAnotherFeed() throws Exception {
        sendRendition("other-feed");
        assertEquals(List.of(), taggedStories());
        sendItem();
        assertOneMergedStory(taggedStories());
        driver.advanceWallClockTime(WAIT.plusSeconds(5));
        assertEquals(List.of(), taggedStories());
    }

    @Test
    void anItemWhoseRenditionNeverComesIsReleasedAfterTheWaitWithItsWarning() throws Exception {
        sendItem();
        driver.advanceWallClockTime(WAIT.minusSeconds(2));
        assertEquals(List.of(), taggedStories(), "still within the wait");
        driver.advanceWallClockTime(Duration.ofSeconds(3));
        List<Story> out = taggedStories();
        assertEquals(1, out.size());
        assertEquals(STORY_ID, out.get(0).id());
        assertEquals("", out.get(0).body());
        assertTrue(out.get(0).warnings().stream().anyMatch(w -> w.contains("NITF rendition") && w.contains("body is empty")),
                out.get(0).warnings().toString());
        assertEquals(0, waiting());
    }

    @Test
    void aRenditionWhoseItemNeverComesIsReleasedAsItsOwnStory() throws Exception {
        sendRendition("inbox");
        driver.advanceWallClockTime(WAIT.plusSeconds(1));
        List<Story> out = taggedStories();
        assertEquals(1, out.size());
        Story s = out.get(0);
        assertEquals(STORY_ID, s.id());
        assertEquals("nitf", s.source().format());
        assertEquals("Ferry is back", s.headline(), "the rendition's own headline");
        assertTrue(s.body().startsWith("The island ferry sailed again"));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("without its item's metadata")), s.warnings().toString());
    }

    @Test
    void anItemWithoutANitfRenditionPassesAtOnceUntouched() throws Exception {
        send("tide_item_no_nitf.json", "inbox", null);
        List<Story> out = taggedStories();
        assertEquals(1, out.size());
        assertEquals("ap:0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6", out.get(0).id());
        assertEquals("High tide floods the harbour road", out.get(0).headline());
        assertEquals(0, waiting());
    }
}
