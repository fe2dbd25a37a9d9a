package io.wiretag.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.tagging.Taxonomy;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Saved watches: the file a desk edits, and which story versions meet which watch. */
class WatchesTest {
    static final Instant AT = Instant.parse("2025-02-01T12:00:01Z");

    /** A tagged story version with these entities (id, relevance) and topics (id, score). */
    static Story story(String id, String version, String pubStatus, String entities, String topics) {
        return Json.read(("{\"id\":\"" + id + "\",\"version\":\"" + version + "\",\"headline\":\"Talks\",\"pubStatus\":\"" + pubStatus + "\","
                + "\"tags\":{\"entities\":[" + entities + "],\"topics\":[" + topics + "],\"taxonomyVersion\":\"t\"}}").getBytes(), Story.class);
    }

    static String entity(String id, double relevance) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"type\":\"person\",\"relevance\":" + relevance + ",\"mentions\":[]}";
    }

    static String topic(String id, double score) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"iptc\":[],\"score\":" + score + ",\"evidence\":[]}";
    }

    static Watches watches(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return Watches.parse(p, "watches.properties");
    }

    @Test
    void bothLeadersInOneStoryMeetTheCombinationOnlyAtTheMinimumRelevance() throws Exception {
        Watches w = watches("watch.putin-trump=entity:vladimir-putin AND entity:donald-trump\nwatch.putin-trump.min-relevance=0.5\n");
        Story both = story("ap:1", "2", "usable", entity("vladimir-putin", 0.9) + "," + entity("donald-trump", 0.7), "");
        List<WatchAlert> alerts = w.alertsFor(both, AT);
        assertEquals(1, alerts.size());
        WatchAlert a = alerts.get(0);
        assertEquals("watch:putin-trump:ap:1:2", a.id());
        assertEquals("watch", a.kind());
        assertEquals("putin-trump", a.watch());
        assertEquals(List.of("entity:vladimir-putin", "entity:donald-trump"), a.matched());
        assertEquals(AT, a.at());

        Story passing = story("ap:2", "1", "usable", entity("vladimir-putin", 0.9) + "," + entity("donald-trump", 0.2), "");
        assertEquals(List.of(), w.alertsFor(passing, AT), "Trump only in passing");
        Story one = story("ap:3", "1", "usable", entity("vladimir-putin", 0.9), "");
        assertEquals(List.of(), w.alertsFor(one, AT));
    }

    @Test
    void eachVersionOfAStoryIsItsOwnAlertAndAKillIsNone() throws Exception {
        Watches w = watches("watch.war=topic:ukraine-war\n");
        String war = topic("ukraine-war", 0.8);
        assertEquals("watch:war:ap:9:1", w.alertsFor(story("ap:9", "1", "usable", "", war), AT).get(0).id());
        assertEquals("watch:war:ap:9:2", w.alertsFor(story("ap:9", "2", "usable", "", war), AT).get(0).id());
        assertEquals(w.alertsFor(story("ap:9", "2", "usable", "", war), AT), w.alertsFor(story("ap:9", "2", "usable", "", war), AT),
                "the same version is the same alert");
        assertEquals(List.of(), w.alertsFor(story("ap:9", "3", "canceled", "", war), AT));
    }

    @Test
    void orNotAndParenthesesCombineAsWritten() {
        Watch.Condition c = Watch.parse("topic:ukraine-war AND NOT (entity:nato or entity:european-union)");
        Watch w = new Watch("w", c, 0);
        assertTrue(w.matches(story("a", "1", "usable", entity("russia", 1), topic("ukraine-war", 1)).tags()));
        assertFalse(w.matches(story("a", "1", "usable", entity("nato", 1), topic("ukraine-war", 1)).tags()));
        assertFalse(w.matches(story("a", "1", "usable", entity("russia", 1), "").tags()));
        // AND binds tighter than OR.
        Watch.Condition d = Watch.parse("entity:a OR entity:b AND entity:c");
        assertEquals(new Watch.Or(List.of(new Watch.Term("entity", "a"), new Watch.And(List.of(new Watch.Term("entity", "b"),
                new Watch.Term("entity", "c"))))), d);
    }

    @Test
    void aBadLineIsOneClearErrorNamingTheKey() {
        assertEquals("watches.properties: watch.x: expected entity:<id> or topic:<id>, not 'putin' in 'putin AND entity:donald-trump'",
                assertThrows(IllegalArgumentException.class, () -> watches("watch.x=putin AND entity:donald-trump")).getMessage());
        assertEquals("watches.properties: watch.x: a '(' without its ')' in '(entity:a OR entity:b'",
                assertThrows(IllegalArgumentException.class, () -> watches("watch.x=(entity:a OR entity:b")).getMessage());
        assertEquals("watches.properties: watch.x.min-relevance: a number from 0 to 1, not 'high'",
                assertThrows(IllegalArgumentException.class, () -> watches("watch.x=entity:a\nwatch.x.min-relevance=high")).getMessage());
        assertEquals("watches.properties: watch.y.min-relevance: no watch.y for it",
                assertThrows(IllegalArgumentException.class, () -> watches("watch.y.min-relevance=0.5")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> watches("watch.x=entity:a AND")).getMessage().endsWith("ends where a term was expected"));
    }

    @Test
    void theShippedWatchesParseAndNameOnlyIdsTheTaxonomyHas() {
        Watches shipped = Watches.load(Path.of(WiretagConfig.defaultsOnly().get(WiretagConfig.WATCHES_FILE)));
        assertEquals(List.of("eu-sanctions", "putin-trump", "zaporizhzhia-plant"), shipped.all().stream().map(Watch::name).toList());
        Taxonomy taxonomy = Taxonomy.load(Path.of("config/taxonomy"));
        java.util.Set<String> entities = new java.util.HashSet<>();
        taxonomy.entities().forEach(e -> entities.add(e.id()));
        for (Watch w : shipped.all()) {
            for (Watch.Term t : w.terms()) {
                assertTrue(t.kind().equals("entity") ? entities.contains(t.id()) : taxonomy.topicIds().contains(t.id()), w.name() + ": " + t);
            }
        }
        assertEquals(0.5, shipped.all().get(1).minRelevance());
        assertEquals(List.of(), Watches.load(Path.of("no-such-file.properties")).all(), "no file, no watches");
    }
}
