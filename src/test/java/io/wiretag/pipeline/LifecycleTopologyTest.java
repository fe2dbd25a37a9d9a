package io.wiretag.pipeline;

import io.wiretag.testing.DriverSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.story.Json;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Raw;
import io.wiretag.story.Schemas;
import io.wiretag.story.Revision;
import io.wiretag.story.Source;
import io.wiretag.story.Story;
import io.wiretag.story.Subject;
import io.wiretag.story.Tags;
import io.wiretag.story.TopicTag;
import io.wiretag.tagging.Taxonomy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every lifecycle rule through the real topology in a TopologyTestDriver. Tags come from a test-only
 * stand-in for the tagger: a story's topics are its subjects whose code starts with {@code topic:}, so
 * each test says exactly which topics a version carries.
 */
class LifecycleTopologyTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String UKRAINE = "news.topic.ukraine-war";
    static final String RELATIONS = "news.topic.us-russia-relations";
    static final String SANCTIONS = "news.topic.russia-sanctions";
    static final String BODY = "Russian and American negotiators met in Riyadh on Tuesday for talks on the war in Ukraine, "
            + "the first such meeting in three years. Officials said the delegations discussed a ceasefire, prisoner "
            + "exchanges and the reopening of embassies, and agreed to meet again within weeks. Kyiv was not invited "
            + "and said it would not accept any agreement reached without it.";

    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, Story> stories;
    Topics topics = Topics.from(WiretagConfig.defaultsOnly());

    static Tags standInTags(Story s) {
        List<TopicTag> t = s.subjects().stream().filter(x -> x.code().startsWith("topic:"))
                .map(x -> new TopicTag(x.code().substring("topic:".length()), x.name(), List.of(), 1.0, List.of("stand-in")))
                .toList();
        return new Tags(List.of(), t, "test");
    }

    static Story story(String id, String version, Instant created, String headline, String body, String... topicIds) {
        List<Subject> subjects = new ArrayList<>();
        for (String t : topicIds) {
            subjects.add(new Subject("topic:" + t, t));
        }
        return new Story(id, id, version, created, T0, null, PubStatus.USABLE, "1".equals(version) ? Revision.NEW : Revision.UPDATE,
                null, "en", headline, null, null, null, null, body, List.of(), subjects,
                new Source(id.substring(0, id.indexOf(':')), "test", "test", created), raw(id + version + body), List.of(), null, null);
    }

    static Raw raw(String content) {
        return new Raw(String.format("%064x", new java.math.BigInteger(1, content.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .mod(java.math.BigInteger.TWO.pow(256))), content.length(), null, "UTF-8");
    }

    static Story kill(String id, String version, Instant created, String note) {
        return new Story(id, id, version, created, T0, null, PubStatus.CANCELED, Revision.KILL, null, "en", "KILLED", null, null,
                null, null, "", note == null ? List.of() : List.of(note), List.of(), new Source(id.substring(0, id.indexOf(':')), "test", "test", created),
                raw(id + version), List.of(), null, null);
    }

    static Story embargoed(Story s, Instant until) {
        return new Story(s.id(), s.guid(), s.version(), s.versionCreated(), s.firstCreated(), until, PubStatus.WITHHELD, s.revision(),
                s.urgency(), s.language(), s.headline(), s.slugline(), s.byline(), s.dateline(), s.located(), s.body(),
                s.editorNotes(), s.subjects(), s.source(), s.raw(), s.warnings(), null, null);
    }

    @BeforeEach
    void start() {
        startDriver(LifecycleSettings.defaults());
    }

    void startDriver(LifecycleSettings settings) {
        Properties p = DriverSettings.of("lifecycle-test", stateDir);
        LiveTaxonomy live = new LiveTaxonomy(Taxonomy.load(Path.of("config/taxonomy")), t -> { });
        driver = new TopologyTestDriver(WiretagTopology.build(
                TopologySpec.defaults(topics, live).withPartitions(1).withTagger(LifecycleTopologyTest::standInTags).withLifecycle(settings), p), p, T0);
        stories = driver.createInputTopic(topics.stories().name(), Serdes.String().serializer(), topics.stories().valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    void send(Story s) {
        stories.pipeInput(new TestRecord<>(s.id(), s, T0));
    }

    List<Story> read(String topic) {
        TestOutputTopic<String, Story> out = driver.createOutputTopic(topic, Serdes.String().deserializer(), topics.tagged().valueSerde().deserializer());
        List<Story> all = new ArrayList<>();
        for (TestRecord<String, Story> r : out.readRecordsToList()) {
            assertEquals(r.value().id(), r.key(), "records are keyed by story id");
            assertEquals(List.of(), Schemas.problems(Schemas.TAGGED, r.value()), topic + ": " + r.value().id());
            all.add(r.value());
        }
        return all;
    }

    List<JsonNode> alerts() {
        return driver.createOutputTopic(topics.alerts().name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
                .readValuesToList().stream().map(b -> Json.read(b, JsonNode.class)).toList();
    }

    static String summary(List<Story> records) {
        return records.stream().map(s -> s.id() + "@" + s.version() + (s.isKill() ? ":kill" : "")
                + (s.pubStatus() == PubStatus.WITHHELD && s.embargoedUntil() == null ? ":withheld" : "")
                + (s.duplicateOf() != null ? ":dup-of-" + s.duplicateOf() : "")).collect(Collectors.joining(" "));
    }

    double metric(String name) {
        double total = 0;
        boolean found = false;
        for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
            if (e.getKey().group().equals(LifecycleMetrics.GROUP) && e.getKey().name().equals(name)) {
                total += ((Number) e.getValue().metricValue()).doubleValue();
                found = true;
            }
        }
        assertTrue(found, "metric " + name + " is registered");
        return total;
    }

    @Test
    void newerVersionFlowsOnAndOlderOrIdenticalOnesAreDroppedAndCounted() {
        send(story("ap:1", "2", T0.plusSeconds(60), "Talks resume", BODY, "ukraine-war"));
        send(story("ap:1", "1", T0, "Talks to resume", BODY, "ukraine-war"));          // late, older
        send(story("ap:1", "2", T0.plusSeconds(60), "Talks resume", BODY, "ukraine-war")); // identical
        send(story("ap:1", "3", T0.plusSeconds(120), "Talks resume in Riyadh", BODY, "ukraine-war"));
        assertEquals("ap:1@2 ap:1@3", summary(read(topics.tagged().name())));
        assertEquals("ap:1@2 ap:1@3", summary(read(UKRAINE)));
        assertEquals(2.0, metric("stale-versions-dropped-total"));
    }

    @Test
    void opaqueVersionsAreOrderedByVersionCreated() {
        send(story("reuters:L1N", "978556838", T0.plusSeconds(600), "CORRECTED-Talks", BODY, "ukraine-war"));
        send(story("reuters:L1N", "1542761538", T0, "Talks", BODY, "ukraine-war")); // larger number, older
        assertEquals("reuters:L1N@978556838", summary(read(UKRAINE)));
    }

    @Test
    void versionThatChangesTopicsRetractsFromTheTopicItLeftAndJoinsTheNewOne() {
        send(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war", "us-russia-relations"));
        send(story("ap:1", "2", T0.plusSeconds(60), "Sanctions talks", BODY, "us-russia-relations", "russia-sanctions"));
        List<Story> ukraine = read(UKRAINE);
        assertEquals("ap:1@1 ap:1@2:kill", summary(ukraine));
        Story k = ukraine.get(1);
        assertEquals(PubStatus.CANCELED, k.pubStatus());
        assertEquals(Revision.KILL, k.revision());
        assertEquals("no longer about ukraine-war as of version 2", k.kill().reason());
        assertEquals(T0.plusSeconds(60), k.kill().at());
        assertEquals("ap:1@1 ap:1@2", summary(read(RELATIONS)));
        assertEquals("ap:1@2", summary(read(SANCTIONS)));
        assertEquals("ap:1@1 ap:1@2", summary(read(topics.tagged().name())), "news.tagged carries versions, not retractions");
        assertEquals(List.of(), alerts(), "leaving a topic is no kill of the story");
    }

    @Test
    void killRetractsStoryFromEveryTopicItReached() {
        send(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war", "us-russia-relations"));
        send(kill("ap:1", "2", T0.plusSeconds(300), "Story withdrawn: wrong date"));
        send(story("ap:1", "3", T0.plusSeconds(400), "Talks again", BODY, "ukraine-war")); // after a kill: never
        for (String t : List.of(UKRAINE, RELATIONS, topics.tagged().name())) {
            List<Story> records = read(t);
            assertEquals("ap:1@1 ap:1@2:kill", summary(records), t);
            Story k = records.get(1);
            assertEquals("Story withdrawn: wrong date", k.kill().reason());
            assertEquals(T0.plusSeconds(300), k.kill().at());
            assertEquals("Talks", k.headline(), "the kill names the story as subscribers saw it");
            assertEquals("", k.body(), "a kill record carries no text");
        }
        assertEquals(List.of(), read(SANCTIONS));
        List<JsonNode> alerts = alerts();
        assertEquals(1, alerts.size());
        JsonNode a = alerts.get(0);
        assertEquals("kill:ap:1", a.get("id").asText());
        assertEquals("kill", a.get("kind").asText());
        assertEquals("ap:1", a.get("storyId").asText());
        assertEquals("Talks", a.get("headline").asText());
        assertEquals("2026-03-01T10:05:00Z", a.get("at").asText());
        assertEquals("Story withdrawn: wrong date", a.get("reason").asText());
        assertEquals(List.of(UKRAINE, RELATIONS), List.of(a.get("topics").get(0).asText(), a.get("topics").get(1).asText()));
        assertEquals(1.0, metric("killed-versions-dropped-total"));
    }

    static Story withheld(String id, String version, Instant created) {
        return new Story(id, id, version, created, T0, null, PubStatus.WITHHELD, Revision.UPDATE, null, "en", "WITHHELD", null, null,
                null, null, "", List.of("Do not use until further notice"), List.of(),
                new Source(id.substring(0, id.indexOf(':')), "test", "test", created), raw(id + version + "withheld"), List.of(), null, null);
    }

    @Test
    void aWithheldNoticeGoesWhereTheStoryIsLiveAndAUsableVersionReleasesIt() {
        send(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war", "us-russia-relations"));
        send(withheld("ap:1", "2", T0.plusSeconds(60)));
        send(story("ap:1", "3", T0.plusSeconds(120), "Talks, cleared", BODY + " Cleared for use.", "ukraine-war"));
        assertEquals("ap:1@1 ap:1@2:withheld ap:1@3", summary(read(topics.tagged().name())));
        assertEquals("ap:1@1 ap:1@2:withheld ap:1@3", summary(read(UKRAINE)), "released to the topic it is about again");
        assertEquals("ap:1@1 ap:1@2:withheld", summary(read(RELATIONS)), "the usable version is not about US-Russia");
        assertEquals(List.of(), alerts(), "a withheld notice is no kill: no alert");
        send(kill("ap:1", "4", T0.plusSeconds(180), "legal"));
        assertEquals("ap:1@4:kill", summary(read(UKRAINE)), "a kill afterwards still takes it down for good");
    }

    @Test
    void killBeforeStoryIsKeptAndAppliedWhenTheStoryArrives() {
        send(kill("ap:7", "2", T0.plusSeconds(300), null));
        send(story("ap:7", "1", T0, "Talks", BODY, "ukraine-war"));
        List<Story> tagged = read(topics.tagged().name());
        assertEquals("ap:7@2:kill", summary(tagged));
        assertEquals("withdrawn by ap", tagged.get(0).kill().reason(), "no editor's note: the provider withdrew it");
        assertEquals(List.of(), read(UKRAINE));
        assertEquals(List.of(), alerts(), "a story never published raises no kill alert");
        assertEquals(1.0, metric("killed-versions-dropped-total"));
    }

    @Test
    void embargoedStoriesAreReleasedByWallClockInReleaseOrderExactlyOnce() {
        send(embargoed(story("ap:late", "1", T0, "Late", BODY, "ukraine-war"), T0.plusSeconds(20)));
        send(embargoed(story("ap:early", "1", T0, "Early", "Ukraine's parliament passed the budget on Thursday.", "ukraine-war"),
                T0.plusSeconds(10)));
        assertEquals(2.0, metric("embargoes-held"));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertEquals(List.of(), read(UKRAINE));
        driver.advanceWallClockTime(Duration.ofSeconds(7));
        assertEquals("ap:early@1", summary(read(UKRAINE)));
        driver.advanceWallClockTime(Duration.ofSeconds(10));
        assertEquals("ap:late@1", summary(read(UKRAINE)));
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        assertEquals(List.of(), read(UKRAINE));
        assertEquals("ap:early@1 ap:late@1", summary(read(topics.tagged().name())));
        assertEquals(0.0, metric("embargoes-held"));
    }

    @Test
    void storyWithEmbargoAlreadyPastFlowsAtOnce() {
        send(embargoed(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war"), T0.minusSeconds(1)));
        assertEquals("ap:1@1", summary(read(UKRAINE)));
    }

    @Test
    void killDuringEmbargoRemovesTheStoryWithoutRelease() {
        send(embargoed(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war"), T0.plusSeconds(30)));
        send(kill("ap:1", "2", T0.plusSeconds(5), "embargo broken"));
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        assertEquals(List.of(), read(UKRAINE));
        assertEquals("ap:1@2:kill", summary(read(topics.tagged().name())));
        assertEquals(0.0, metric("embargoes-held"));
    }

    @Test
    void newerVersionDuringEmbargoReplacesTheHeldOne() {
        send(embargoed(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war"), T0.plusSeconds(30)));
        send(embargoed(story("ap:1", "2", T0.plusSeconds(1), "Talks (updated)", BODY, "ukraine-war"), T0.plusSeconds(30)));
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        assertEquals("ap:1@2", summary(read(UKRAINE)));
    }

    @Test
    void exactDuplicateFromASecondFeedIsMarkedAndNotRoutedAgain() {
        send(story("ap:1", "1", T0, "Talks resume in Riyadh", BODY, "ukraine-war"));
        send(story("afp:9", "1", T0.plusSeconds(30), "US, Russia talk in Riyadh", BODY, "ukraine-war"));
        List<Story> tagged = read(topics.tagged().name());
        assertEquals("ap:1@1 afp:9@1:dup-of-ap:1", summary(tagged));
        assertEquals("ap:1@1", summary(read(UKRAINE)));
        assertEquals(1.0, metric("duplicates-marked-total"));
    }

    @Test
    void aCopyReceivedLaterThatReachesTheShardsFirstKeepsItsPlaceAndTheEarlierIsItsDuplicate() {
        // Two instances race: afp:9, received 30 s after ap:1, is judged and routed before ap:1 reaches the shards.
        send(story("afp:9", "1", T0.plusSeconds(30), "US, Russia talk in Riyadh", BODY, "ukraine-war"));
        send(story("ap:1", "1", T0, "Talks resume in Riyadh", BODY, "ukraine-war"));
        assertEquals("afp:9@1 ap:1@1:dup-of-afp:9", summary(read(topics.tagged().name())));
        assertEquals("afp:9@1", summary(read(UKRAINE)), "routed once, not beside its copy");
        assertEquals(1.0, metric("duplicates-marked-total"));
    }

    @Test
    void nearDuplicateOverTheThresholdIsMarked() {
        send(story("ap:1", "1", T0, "Talks resume", BODY, "ukraine-war"));
        // Redistributed with its own headline and dateline: Jaccard of the shingles ~0.88.
        send(story("dpa:4", "1", T0.plusSeconds(30), "Riyadh talks", "RIYADH (dpa) - " + BODY, "ukraine-war"));
        assertEquals("ap:1@1 dpa:4@1:dup-of-ap:1", summary(read(topics.tagged().name())));
        assertEquals("ap:1@1", summary(read(UKRAINE)));
    }

    @Test
    void nearDuplicateUnderTheThresholdIsRoutedAsItsOwnStory() {
        send(story("ap:1", "1", T0, "Talks resume", BODY, "ukraine-war"));
        // Same dateline change, but with a threshold of 0.97 it is no longer close enough.
        stop();
        startDriver(new LifecycleSettings(Duration.ofDays(7), Duration.ofHours(24), 0.97, Duration.ofSeconds(1)));
        send(story("dpa:4", "1", T0.plusSeconds(30), "Riyadh talks", "RIYADH (dpa) - " + BODY, "ukraine-war"));
        assertEquals("dpa:4@1", summary(read(UKRAINE)));
        assertEquals(0.0, metric("duplicates-marked-total"));
    }

    @Test
    void copyOutsideTheDuplicateWindowIsRoutedAgain() {
        stop();
        startDriver(new LifecycleSettings(Duration.ofDays(7), Duration.ofHours(1), 0.8, Duration.ofSeconds(1)));
        send(story("ap:1", "1", T0, "Talks resume", BODY, "ukraine-war"));
        send(story("afp:9", "1", T0.plusSeconds(3601), "Talks, again", BODY, "ukraine-war"));
        assertEquals("ap:1@1 afp:9@1", summary(read(UKRAINE)));
    }

    @Test
    void updatesOfOneStoryAreNeverDuplicatesOfThemselves() {
        send(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war"));
        send(story("ap:1", "2", T0.plusSeconds(60), "Talks", BODY + " Updates with comment.", "ukraine-war"));
        assertEquals("ap:1@1 ap:1@2", summary(read(UKRAINE)));
    }

    @Test
    void storeSizesAreReported() {
        send(story("ap:1", "1", T0, "Talks", BODY, "ukraine-war"));
        send(story("ap:2", "1", T0, "Other", "Entirely different words about a football match in Lviv on Sunday.", "ukraine-war"));
        assertEquals(2.0, metric("store-size-duplicate-shard"));
        // The story store's (approximate) size is read on the gate's wall-clock checks, not per story.
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertTrue(metric("store-size-story-state") >= 2.0, "an approximate count (RocksDB estimates), at least the two stories");
    }

    @Test
    void killRecordJsonCarriesTheKillObjectAndStoriesDoNot() {
        String story = Json.write(story("ap:1", "1", T0, "Talks", BODY));
        assertTrue(!story.contains("\"kill\""), story);
        Story tagged = story("ap:1", "1", T0, "Talks", BODY, "ukraine-war");
        Story k = io.wiretag.lifecycle.Kills.record(tagged.withTags(standInTags(tagged)), "Talks", T0, "withdrawn");
        assertEquals(List.of(), Schemas.problems(Schemas.TAGGED, k));
        JsonNode json = Json.read(Json.write(k), JsonNode.class);
        assertEquals("canceled", json.get("pubStatus").asText());
        assertEquals("kill", json.get("revision").asText());
        assertEquals("2026-03-01T10:00:00Z", json.get("kill").get("at").asText());
        assertEquals("withdrawn", json.get("kill").get("reason").asText());
        assertEquals(k, Json.read(Json.write(k), Story.class));
    }
}
