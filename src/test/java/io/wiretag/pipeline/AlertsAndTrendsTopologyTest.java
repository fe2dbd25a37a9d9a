package io.wiretag.pipeline;

import io.wiretag.testing.DriverSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.story.EntityTag;
import io.wiretag.story.Json;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Revision;
import io.wiretag.story.Source;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import io.wiretag.story.Tags;
import io.wiretag.story.TopicTag;
import io.wiretag.alerts.AlertSettings;
import io.wiretag.alerts.Watch;
import io.wiretag.alerts.Watches;
import io.wiretag.pipeline.trends.LatestAlertsProcessor;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.views.LatestAlerts;
import io.wiretag.views.StoryCard;
import io.wiretag.views.Trend;
import io.wiretag.views.TrendCount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trends, breaking and surge alerts and the dashboard's stores through the real topology in a
 * TopologyTestDriver. A stand-in tagger reads tags from subjects: {@code topic:<id>} and {@code entity:<id>}.
 */
class AlertsAndTrendsTopologyTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, Story> stories;
    Topics topics = Topics.from(WiretagConfig.defaultsOnly());
    Random words = new Random(42);

    static Tags standInTags(Story s) {
        List<TopicTag> t = new ArrayList<>();
        List<EntityTag> e = new ArrayList<>();
        for (Subject x : s.subjects()) {
            if (x.code().startsWith("topic:")) {
                t.add(new TopicTag(x.code().substring(6), x.name(), List.of(), 1.0, List.of("stand-in")));
            } else if (x.code().startsWith("entity:")) {
                e.add(new EntityTag(x.code().substring(7), x.name(), "country", null, 1.0, List.of()));
            }
        }
        return new Tags(e, t, "test");
    }

    /** A body of 60 random words, so no two stories are near duplicates unless a test means them to be. */
    String body() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            b.append("w").append(words.nextInt(100_000)).append(' ');
        }
        return b.toString().strip();
    }

    static Story story(String id, String version, Integer urgency, String headline, String body, String... tags) {
        List<Subject> subjects = new ArrayList<>();
        for (String t : tags) {
            subjects.add(new Subject(t, t.equals("entity:russia") ? "Russia" : t.equals("topic:ukraine-war") ? "Ukraine war" : t));
        }
        Instant created = T0.plusSeconds(Long.parseLong(version));
        return new Story(id, id, version, created, T0, null, PubStatus.USABLE, "1".equals(version) ? Revision.NEW : Revision.UPDATE,
                urgency, "en", headline, null, null, null, null, body, List.of(), subjects,
                new Source(id.substring(0, id.indexOf(':')), "test", "test", created),
                LifecycleTopologyTest.raw(id + version + body), List.of(), null, null);
    }

    Instant wall = T0;

    @BeforeEach
    void start() {
        startDriver(WatchSettings.defaults());
    }

    void startDriver(WatchSettings settings) {
        Properties p = DriverSettings.of("alerts-test", stateDir);
        LiveTaxonomy live = new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> { });
        driver = new TopologyTestDriver(WiretagTopology.build(
                TopologySpec.defaults(topics, live).withPartitions(1).withTagger(AlertsAndTrendsTopologyTest::standInTags)
                        .withWatch(settings.withWatches(new Watches(List.of(new Watch("russia-war",
                                Watch.parse("entity:russia AND topic:ukraine-war"), 0))))), p), p, T0);
        stories = driver.createInputTopic(topics.stories().name(), Serdes.String().serializer(), topics.stories().valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /** Sends a story filed ({@code versionCreated}) when it is sent: trends count by versionCreated. */
    void send(Story s, Instant at) {
        // The wall clock follows the stories: a surge rule caps a story from "the future" at the clock's minute.
        if (at.isAfter(wall)) {
            driver.advanceWallClockTime(Duration.between(wall, at));
            wall = at;
        }
        Story filed = s.isKill() ? s : new Story(s.id(), s.guid(), s.version(), at, s.firstCreated(), s.embargoedUntil(), s.pubStatus(),
                s.revision(), s.urgency(), s.language(), s.headline(), s.slugline(), s.byline(), s.dateline(), s.located(), s.body(),
                s.editorNotes(), s.subjects(), s.source(), s.raw(), s.warnings(), s.duplicateOf(), s.kill(), s.tags());
        stories.pipeInput(new TestRecord<>(s.id(), filed, at));
    }

    /** The newest count per trend key and minute on news.trends, as {@code key@HH:mm -> count}. */
    Map<String, Long> trends() {
        // Counts go out once per emit interval (wall clock), not once per story.
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        Map<String, Long> out = new LinkedHashMap<>();
        for (TestRecord<String, byte[]> r : driver.createOutputTopic(topics.trends().name(), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).readRecordsToList()) {
            Trend t = Json.read(r.value(), Trend.class);
            assertEquals(t.kind() + ":" + t.id(), r.key());
            assertEquals(Duration.ofMinutes(1), Duration.between(t.windowStart(), t.windowEnd()));
            out.put(r.key() + "@" + t.windowStart().toString().substring(11, 16), t.count());
        }
        return out;
    }

    List<JsonNode> alerts(String kind) {
        // Surges are checked once per emit interval (wall clock).
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        return driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
                .readValuesToList().stream().map(b -> Json.read(b, JsonNode.class)).filter(a -> a.path("kind").asText().equals(kind)).toList();
    }

    @Test
    void trendsCountStoriesPerMinutePerEntityAndPerTopic() {
        send(story("ap:1", "1", null, "h1", body(), "entity:russia", "topic:ukraine-war"), T0.plusSeconds(10));
        send(story("ap:2", "1", null, "h2", body(), "entity:russia"), T0.plusSeconds(20));
        send(story("ap:3", "1", null, "h3", body(), "entity:russia", "topic:ukraine-war"), T0.plusSeconds(59));
        send(story("ap:4", "1", null, "h4", body(), "entity:russia"), T0.plusSeconds(70));
        Map<String, Long> t = trends();
        assertEquals(3L, t.get("entity:russia@10:00"));
        assertEquals(2L, t.get("topic:ukraine-war@10:00"));
        assertEquals(1L, t.get("entity:russia@10:01"));
        assertEquals(null, t.get("topic:ukraine-war@10:01"));

        WindowStore<String, TrendCount> store = driver.getWindowStore(StateStores.TRENDS);
        List<Long> perMinute = new ArrayList<>();
        try (WindowStoreIterator<TrendCount> it = store.fetch("entity:russia", T0, T0.plusSeconds(3600))) {
            it.forEachRemaining(kv -> perMinute.add(kv.value.count()));
        }
        assertEquals(List.of(3L, 1L), perMinute);
        try (WindowStoreIterator<TrendCount> it = store.fetch("entity:russia", T0, T0)) {
            assertEquals("Russia", it.next().value.name());
        }
    }

    @Test
    void duplicatesStaleVersionsUpdatesAndKillsAreNotCountedAgain() {
        String text = body();
        send(story("ap:1", "1", null, "Talks in Riyadh", text, "entity:russia"), T0.plusSeconds(1));
        send(story("ap:1", "1", null, "Talks in Riyadh", text, "entity:russia"), T0.plusSeconds(2));
        send(story("ap:1", "2", null, "Talks in Riyadh end", text + " more", "entity:russia"), T0.plusSeconds(3));
        send(story("ap:1", "1", null, "Talks in Riyadh", text, "entity:russia"), T0.plusSeconds(4));
        send(story("reuters:9", "1", null, "Talks in Riyadh", text, "entity:russia"), T0.plusSeconds(5));
        send(LifecycleTopologyTest.kill("ap:1", "3", T0.plusSeconds(6), "legal"), T0.plusSeconds(6));
        assertEquals(Map.of("entity:russia@10:00", 1L), trends());
    }

    @Test
    void aFlashOnAWatchedTopicIsOneBreakingAlertAndLessUrgentStoriesNone() {
        send(story("ap:1", "1", 1, "<b>Blasts</b> in Kyiv", body(), "topic:ukraine-war", "entity:russia"), T0.plusSeconds(1));
        send(story("ap:1", "2", 1, "Blasts in Kyiv, writethru", body(), "topic:ukraine-war"), T0.plusSeconds(2));
        send(story("ap:2", "1", 3, "Talks go on", body(), "topic:ukraine-war"), T0.plusSeconds(3));
        send(story("ap:3", "1", 1, "Cup final", body(), "topic:football"), T0.plusSeconds(4));
        List<JsonNode> breaking = alerts("breaking");
        assertEquals(1, breaking.size(), breaking.toString());
        JsonNode a = breaking.get(0);
        assertEquals("breaking:ap:1", a.path("id").asText());
        assertEquals("ap:1", a.path("storyId").asText());
        assertEquals("<b>Blasts</b> in Kyiv", a.path("headline").asText());
        assertEquals("[\"ukraine-war\"]", a.path("topics").toString());
        assertEquals(T0.plusSeconds(1).toString(), a.path("at").asText());

        // Upgraded to urgency 2 by its second version: breaking then.
        send(story("ap:2", "2", 2, "Talks collapse", body(), "topic:ukraine-war"), T0.plusSeconds(5));
        assertEquals(List.of("breaking:ap:2"), alerts("breaking").stream().map(x -> x.path("id").asText()).toList());
    }

    @Test
    void aBurstAfterAQuietBaselineIsOneSurgeAlertThatExplainsItself() {
        // One story an hour about the plant for 12 hours, then 30 in 10 minutes about a fire there.
        for (int h = 0; h < 12; h++) {
            send(story("ap:z" + h, "1", null, "h", body(), "entity:zaporizhzhia"), T0.plus(Duration.ofHours(h)));
        }
        Instant fire = T0.plus(Duration.ofHours(12));
        for (int i = 0; i < 30; i++) {
            send(story("ap:fire" + i, "1", null, "Fire at the plant", body(), "entity:zaporizhzhia"), fire.plusSeconds(20L * i));
        }
        List<JsonNode> surges = alerts("surge");
        assertEquals(1, surges.size(), surges.toString());
        JsonNode a = surges.get(0);
        assertEquals("entity:zaporizhzhia", a.path("key").asText());
        assertTrue(a.path("count").asLong() >= 5, a.toString());
        assertTrue(a.path("score").asDouble() >= 6, a.toString());
        assertTrue(a.path("expected").asDouble() < 1, "the hourly baseline expects under one story in the window: " + a);
        assertTrue(a.path("explanation").asText().contains(" stories in the "), a.toString());
    }

    @Test
    void aSavedWatchAlertsOncePerPublishedVersionAndNeverForACopy() {
        String text = body();
        send(story("ap:1", "1", null, "Russian strikes", text, "entity:russia", "topic:ukraine-war"), T0.plusSeconds(1));
        send(story("ap:2", "1", null, "Russia only", body(), "entity:russia"), T0.plusSeconds(2));
        send(story("reuters:9", "1", null, "Russian strikes", text, "entity:russia", "topic:ukraine-war"), T0.plusSeconds(3));
        send(story("ap:1", "2", null, "Russian strikes, update", text + " more", "entity:russia", "topic:ukraine-war"), T0.plusSeconds(4));
        // The same version again, as filed: identical, dropped by the gate.
        send(story("ap:1", "2", null, "Russian strikes, update", text + " more", "entity:russia", "topic:ukraine-war"), T0.plusSeconds(4));
        assertEquals(List.of("watch:russia-war:ap:1:1", "watch:russia-war:ap:1:2"),
                alerts("watch").stream().map(a -> a.path("id").asText()).toList(),
                "the copy from reuters and the stale re-send raise none");
    }

    @Test
    void aSteadyFeedThatStopsIsOneQuietAlertAndOneResumedWhenItComesBack() {
        TestInputTopic<byte[], byte[]> raw = rawInput();
        Instant at = T0;
        for (int i = 0; i < 12; i++) {
            at = T0.plus(Duration.ofMinutes(2L * i));
            deliver(raw, "wirea|ap-feed", "not a story " + i, at);
        }
        wall = at;
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertEquals(List.of(), alerts("quiet"), "5 minutes is not long for a feed that delivers every 2");
        driver.advanceWallClockTime(Duration.ofMinutes(30));
        driver.advanceWallClockTime(Duration.ofMinutes(30));
        List<JsonNode> quiet = alerts("quiet");
        assertEquals(1, quiet.size(), quiet.toString());
        assertEquals("wirea|ap-feed", quiet.get(0).path("feed").asText());
        deliver(raw, "wirea|ap-feed", "back", at.plus(Duration.ofHours(1)));
        assertEquals(1, alerts("resumed").size());
        assertEquals(List.of(), alerts("quiet"), "still one quiet alert for the one silence");
    }

    @Test
    void recordsKeyedByStoryAreNotKeptAsFeedsForEver() {
        TestInputTopic<byte[], byte[]> raw = rawInput();
        Instant at = T0;
        for (int i = 0; i < 40; i++) {
            at = T0.plus(Duration.ofMinutes(2L * i));
            deliver(raw, "wirea|ap-feed", "not a story " + i, at);
            deliver(raw, "wireb|story-" + i + ".xml", "not a story " + i, at);
        }
        KeyValueStore<String, io.wiretag.alerts.QuietState> feeds = driver.getKeyValueStore(StateStores.FEEDS);
        assertEquals(41, keys(feeds).size(), "the feed and 40 keys of one story each, before the check");
        driver.advanceWallClockTime(Duration.between(T0, at).plus(Duration.ofMinutes(61)));
        assertEquals(List.of("wirea|ap-feed"), keys(feeds), "an hour after the last, the one-delivery keys are gone; the feed stays");
        assertEquals(1, alerts("quiet").size(), "and the feed, silent for an hour, is quiet");
    }

    private TestInputTopic<byte[], byte[]> rawInput() {
        return driver.createInputTopic(topics.raw().name(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    }

    private static void deliver(TestInputTopic<byte[], byte[]> raw, String key, String text, Instant at) {
        raw.pipeInput(new TestRecord<>(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), at));
    }

    private static List<String> keys(KeyValueStore<String, ?> store) {
        List<String> keys = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    /** Sends a story filed at {@code filed} that reaches wiretag at {@code arrived}, with the wall clock at its arrival. */
    void sendLate(Story s, Instant filed, Instant arrived) {
        if (arrived.isAfter(wall)) {
            driver.advanceWallClockTime(Duration.between(wall, arrived));
            wall = arrived;
        }
        Story f = new Story(s.id(), s.guid(), s.version(), filed, s.firstCreated(), s.embargoedUntil(), s.pubStatus(),
                s.revision(), s.urgency(), s.language(), s.headline(), s.slugline(), s.byline(), s.dateline(), s.located(), s.body(),
                s.editorNotes(), s.subjects(), s.source(), s.raw(), s.warnings(), s.duplicateOf(), s.kill(), s.tags());
        stories.pipeInput(new TestRecord<>(s.id(), f, arrived));
    }

    /** The plant's hourly stories and the fire, filed 30 days before they are all sent within a few seconds. */
    List<JsonNode> archivedBurstReplayed() {
        Instant now = T0.plus(Duration.ofDays(30));
        int n = 0;
        for (int h = 0; h < 12; h++) {
            sendLate(story("ap:z" + h, "1", null, "h", body(), "entity:zaporizhzhia"), T0.plus(Duration.ofHours(h)), now.plusMillis(n++));
        }
        Instant fire = T0.plus(Duration.ofHours(12));
        for (int i = 0; i < 30; i++) {
            sendLate(story("ap:fire" + i, "1", null, "Fire at the plant", body(), "entity:zaporizhzhia"), fire.plusSeconds(20L * i),
                    now.plusMillis(n++));
        }
        return alerts("surge");
    }

    @Test
    void liveAnArchiveSentAgainCountsWhenItArrivesAndRaisesNoSurge() {
        assertEquals(List.of(), archivedBurstReplayed(), "42 stories in one minute of a key with no history: no baseline to surge over");
    }

    @Test
    void replayedByFiledTimeAnArchivedBurstIsOneSurgeAtTheTimeOfTheFire() {
        stop();
        AlertSettings a = AlertSettings.defaults();
        WatchSettings w = WatchSettings.defaults();
        startDriver(new WatchSettings(new AlertSettings(a.watchedTopics(), a.breakingUrgency(), a.trendRetention(), a.trendGrace(),
                AlertSettings.TrendTime.FILED), w.surge(), w.quiet(), w.watches(), w.storiesPerTopic(), w.alertsKept()));
        List<JsonNode> surges = archivedBurstReplayed();
        assertEquals(1, surges.size(), surges.toString());
        assertEquals("entity:zaporizhzhia", surges.get(0).path("key").asText());
        Instant start = Instant.parse(surges.get(0).path("windowStart").asText());
        Instant fire = T0.plus(Duration.ofHours(12));
        assertTrue(!start.isAfter(fire.plus(Duration.ofMinutes(10))) && start.isAfter(fire.minus(Duration.ofHours(1))),
                "the surge is dated at the fire, 30 days ago, not when the replay ran: " + surges.get(0));
    }

    @Test
    void aSteadyBusyKeyAllDayRaisesNoSurge() {
        // 50 stories an hour, all day, one every 72 seconds.
        for (int i = 0; i < 24 * 50; i++) {
            send(story("ap:t" + i, "1", null, "h", body(), "entity:donald-trump"), T0.plusSeconds(72L * i));
        }
        assertEquals(List.of(), alerts("surge"));
    }

    @Test
    void theDashboardKeepsTheNewestStoriesPerTopicAndAKillTakesOneDown() {
        String text = body();
        send(story("ap:1", "1", null, "First", text, "topic:ukraine-war"), T0.plusSeconds(1));
        send(story("ap:2", "1", null, "Second", body(), "topic:ukraine-war", "topic:us-russia-relations"), T0.plusSeconds(2));
        send(story("ap:1", "2", null, "First, updated", text + " later", "topic:ukraine-war"), T0.plusSeconds(3));
        assertEquals(List.of("First, updated", "Second"), latest("ukraine-war").stream().map(StoryCard::headline).toList());
        assertEquals(List.of("Second"), latest("us-russia-relations").stream().map(StoryCard::headline).toList());
        assertEquals(2, latest(StateStores.ALL_TOPICS).size());

        send(LifecycleTopologyTest.kill("ap:1", "3", T0.plusSeconds(4), "legal"), T0.plusSeconds(4));
        assertEquals(List.of("Second"), latest("ukraine-war").stream().map(StoryCard::headline).toList());
        assertEquals(List.of("ap:2"), latest(StateStores.ALL_TOPICS).stream().map(StoryCard::id).toList());

        KeyValueStore<String, LatestAlerts> alerts = driver.getKeyValueStore(StateStores.LATEST_ALERTS);
        assertEquals("kill:ap:1", alerts.get(LatestAlertsProcessor.KEY).alerts().get(0).path("id").asText(),
                "the kill alert, read back from news.alerts");
    }

    /** The dashboard's newest stories of one topic, newest first, as the store lists them. */
    List<StoryCard> latest(String topic) {
        KeyValueStore<String, StoryCard> store = driver.getKeyValueStore(StateStores.LATEST_STORIES);
        List<StoryCard> out = new ArrayList<>();
        try (var it = store.all()) {
            it.forEachRemaining(kv -> {
                if (io.wiretag.views.LatestCards.topicOf(kv.key).equals(topic)) {
                    out.add(kv.value);
                }
            });
        }
        return out;
    }

    @Test
    void everyStoreAndInternalTopicIsNamed() {
        String d = WiretagTopology.build(TopologySpec.defaults(topics,
                new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> { })).withPartitions(1).withTagger(AlertsAndTrendsTopologyTest::standInTags), props()).describe().toString();
        for (String name : List.of("route", "verdicts", "dup-claims-repartition", "dup-verdicts-repartition", "duplicate-shard",
                "trend-hits-repartition", "trend-minutes", "trend-count", "story-state", "route-pending", "latest-cards",
                "latest-alerts", "surge-state", "feed-quiet", "quiet-sink", "trends-sink", "surge-sink", "alerts-latest")) {
            assertTrue(d.contains(name), name + " in\n" + d);
        }
    }

    Properties props() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        return p;
    }
}
