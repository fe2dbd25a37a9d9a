package io.wiretag.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.RawInput;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Story;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bench's generated stream: deterministic, parseable by wiretag, and the mix it claims. No Kafka here. */
class StoryStreamTest {
    private static final FormatDetector DETECTOR = FormatDetector.standard();

    private static Story parse(StoryStream.Item item) throws Exception {
        List<Story> stories = DETECTOR.parse(new RawInput(item.bytes(), null, item.provider(), item.storyId() + ".json", Instant.EPOCH)).stories();
        assertEquals(1, stories.size());
        return stories.get(0);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        List<StoryStream.Item> a = new StoryStream(7, "s", StoryStream.Mix.standard()).generate(300);
        List<StoryStream.Item> b = new StoryStream(7, "s", StoryStream.Mix.standard()).generate(300);
        List<StoryStream.Item> c = new StoryStream(8, "s", StoryStream.Mix.standard()).generate(300);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).bytes(), b.get(i).bytes(), "record " + i);
        }
        assertNotEquals(StoryStream.utf8(a.get(0).bytes()), StoryStream.utf8(c.get(0).bytes()));
    }

    @Test
    void everyRecordParsesAsNinjsUnderTheIdItIsKeyedBy() throws Exception {
        List<StoryStream.Item> items = new StoryStream(3, "s", StoryStream.Mix.standard()).generate(1500);
        Map<String, Story> latest = new HashMap<>();
        Map<String, String> bodies = new HashMap<>();
        for (StoryStream.Item item : items) {
            Story s = parse(item);
            assertEquals("ninjs", s.source().format());
            assertEquals(item.storyId(), s.id(), "the record's key is the id wiretag gives the story");
            Story before = latest.get(s.id());
            switch (item.kind()) {
                case NEW, COPY -> assertEquals(null, before, "a new story or a copy has an id of its own: " + s.id());
                case UPDATE -> {
                    assertTrue(before != null && before.pubStatus() != PubStatus.CANCELED, "an update follows a live story");
                    assertTrue(Integer.parseInt(s.version()) > Integer.parseInt(before.version()), "a newer version");
                    assertTrue(s.versionCreated().isAfter(before.versionCreated()), "created later");
                }
                case KILL -> {
                    assertTrue(before != null && before.pubStatus() != PubStatus.CANCELED, "a kill follows a live story");
                    assertEquals(PubStatus.CANCELED, s.pubStatus());
                }
                default -> throw new AssertionError(item.kind());
            }
            if (item.kind() == StoryStream.Kind.COPY) {
                assertTrue(bodies.containsValue(s.body()), "a redistributed copy has the body of an earlier story");
                assertNotEquals(null, s.source().provider());
            }
            latest.put(s.id(), s);
            if (s.body() != null && !s.body().isEmpty()) {
                bodies.put(s.id(), s.body());
            }
        }
        StreamStats stats = StreamStats.of(items);
        assertEquals(1500, stats.byKind().get(StoryStream.Kind.NEW));
        assertTrue(stats.byKind().get(StoryStream.Kind.UPDATE) > 60, stats.line());
        assertTrue(stats.byKind().get(StoryStream.Kind.KILL) > 10, stats.line());
        assertTrue(stats.byKind().get(StoryStream.Kind.COPY) > 30, stats.line());
        assertTrue(stats.averageBytes() > 2800 && stats.averageBytes() < 3800, "about 3.3 KB a record: " + stats.averageBytes());
    }

    @Test
    void aboutFortyPercentAreTaggedWithTheWarOrUsRussiaRelationsAndTheRestWithNeither() throws Exception {
        Tagger tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
        List<StoryStream.Item> items = new StoryStream(5, "s", StoryStream.Mix.standard()).fresh(500);
        int topical = 0;
        Set<String> ids = new HashSet<>();
        for (StoryStream.Item item : items) {
            Story s = parse(item);
            ids.add(s.id());
            List<String> topics = tagger.tag(s).topicIds();
            if (topics.contains("ukraine-war") || topics.contains("us-russia-relations")) {
                topical++;
            }
        }
        assertEquals(500, ids.size(), "fresh stories are distinct");
        assertTrue(topical > 150 && topical < 250, "about 40 % of 500 on the two topics: " + topical);
    }
}
