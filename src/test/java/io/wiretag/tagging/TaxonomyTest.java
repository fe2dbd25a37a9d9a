package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, publishing and checking the taxonomy, and the explanation an editor reads. */
class TaxonomyTest {
    private static final Path SHIPPED = Path.of("config/taxonomy");

    @Test
    void shippedTaxonomyIsValidAndHasTheCoreIds() {
        assertEquals(List.of(), TaxonomyValidator.check(SHIPPED));
        Taxonomy t = Taxonomy.load(SHIPPED);
        List<String> ids = t.entities().stream().map(EntityDef::id).toList();
        for (String id : List.of("donald-trump", "vladimir-putin", "volodymyr-zelenskyy", "united-states", "russia",
                "ukraine", "nato", "european-union")) {
            assertTrue(ids.contains(id), id);
        }
        assertTrue(t.entities().stream().filter(e -> e.type().equals("country")).count() >= 190);
    }

    @Test
    void recordsRoundTripToTheSameVersion() {
        Taxonomy t = Taxonomy.load(SHIPPED);
        Map<String, byte[]> records = t.toRecords();
        assertTrue(records.containsKey("entity:russia") && records.containsKey("topic:ukraine-war"));
        assertEquals(t.version(), Taxonomy.fromRecords(records).version());
        assertEquals(12, t.version().length());
    }

    @Test
    void aChangedDefinitionChangesTheVersion() {
        Taxonomy t = Taxonomy.load(SHIPPED);
        Map<String, byte[]> records = new HashMap<>(t.toRecords());
        records.remove("entity:monaco");
        assertNotEquals(t.version(), Taxonomy.fromRecords(records).version());
    }

    @Test
    void validatorNamesTheFileAndLineOfBadJson(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("entities"));
        Files.writeString(dir.resolve("entities/bad.json"), "[\n{\"id\": \"x\",\n \"name\": }\n]", StandardCharsets.UTF_8);
        List<String> problems = TaxonomyValidator.check(dir);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("entities/bad.json line 3"), problems.get(0));
        TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(dir));
        assertTrue(e.getMessage().contains("entities/bad.json"));
    }

    @Test
    void validatorReportsUnknownIdsAndDuplicateAliases(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("entities"));
        Files.createDirectories(dir.resolve("topics"));
        Files.writeString(dir.resolve("entities/e.json"), """
                [{"id":"russia","name":"Russia","type":"country","aliases":["Moscow"]},
                 {"id":"moscow-city","name":"Moscow City","type":"place","aliases":["Moscow"],"affiliations":["rusia"]}]
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("topics/t.json"), """
                {"id":"t","name":"T","threshold":0.5,"rules":[{"kind":"entity","entities":["ukraine"],"weight":0.5}]}
                """, StandardCharsets.UTF_8);
        List<String> problems = TaxonomyValidator.check(dir);
        assertTrue(problems.contains("entities/e.json: entity moscow-city: affiliation \"rusia\" is not an entity id"), problems.toString());
        assertTrue(problems.contains("entities/e.json: entity moscow-city: alias \"Moscow\" is also an alias of russia; "
                + "declare it under \"ambiguous\" in both, with cues"), problems.toString());
        assertTrue(problems.contains("topics/t.json: topic t: rule 1: unknown entity id \"ukraine\""), problems.toString());
    }

    @Test
    void aDemonymTwoEntitiesShareIsReportedAsASharedAliasIs(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("entities"));
        Files.createDirectories(dir.resolve("topics"));
        Files.writeString(dir.resolve("entities/e.json"), """
                [{"id":"dominica","name":"Dominica","type":"country","demonyms":["Dominican"]},
                 {"id":"dominican-republic","name":"Dominican Republic","type":"country","demonyms":["Dominican"]}]
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("topics/t.json"), """
                {"id":"t","name":"T","threshold":0.5,"rules":[{"kind":"entity","entities":["dominica"],"weight":0.5}]}
                """, StandardCharsets.UTF_8);
        List<String> problems = TaxonomyValidator.check(dir);
        assertTrue(problems.contains("entities/e.json: entity dominican-republic: alias \"Dominican\" is also an alias of "
                + "dominica; declare it under \"ambiguous\" in both, with cues"), problems.toString());
    }

    @Test
    void explanationShowsContextDecisionAndRulesThatNearlyFired() {
        Tagger tagger = Tagger.compile(Taxonomy.load(SHIPPED));
        Story story = LabelledSetTest.story("g", "Georgia governor signs budget",
                "Governor Brian Kemp signed the budget in Atlanta. Russian officials were not involved.");
        String report = tagger.explain(story).render();
        assertTrue(report.contains("\"Georgia\" may be georgia [no cue near it] or georgia-us-state [cues near: Atlanta, Brian Kemp, governor (beside it)]; "
                + "chose georgia-us-state"), report);
        assertTrue(report.contains("us-russia-relations  US–Russia relations  score 0.00 / threshold 0.60"), report);
        assertTrue(report.contains("nearly: georgia-us-state present, but no [russia] in one sentence"), report);
    }

    @Test
    void aCueFarFromTheMentionDoesNotDecideIt() {
        Tagger tagger = Tagger.compile(Taxonomy.load(SHIPPED));
        Story story = LabelledSetTest.story("w", "Envoy named",
                "The governor of Texas spoke at a dinner on Monday. Guests ate. Speeches followed. Music played. "
                        + "Dancing began. Washington's envoy to Kabul, meanwhile, met Afghan officials.");
        assertChosen(tagger, story, "washington-dc", "washington-state");
    }

    @Test
    void aRegionalGovernorTwoSentencesBeforeTalksInWashingtonIsNoCueForTheState() {
        Tagger tagger = Tagger.compile(Taxonomy.load(SHIPPED));
        Story story = LabelledSetTest.story("w", "Russian missiles hit Lviv",
                "In Lviv, regional governor Maksym Kozytskyi said a power facility had been hit. Ukraine's air force "
                        + "said it shot down most of the missiles. Defence Minister Rustem Umerov was in Washington for "
                        + "talks with U.S. Defense Secretary Lloyd Austin.");
        assertChosen(tagger, story, "washington-dc", "washington-state");
    }

    @Test
    void aRegionalGovernorInTheStoryIsNoCueForTheStateOfGeorgia() {
        Tagger tagger = Tagger.compile(Taxonomy.load(SHIPPED));
        Story story = LabelledSetTest.story("g", "Russian drones hit Kharkiv",
                "Russian drones struck Kharkiv overnight, regional governor Oleh Syniehubov said on Sunday. Two people "
                        + "were wounded. Foreign ministers from Georgia and Moldova were in Kyiv to discuss their bids to "
                        + "join the European Union.");
        assertChosen(tagger, story, "georgia", "georgia-us-state");
    }

    /** A shared name went to {@code chosen} and not to {@code other}; the explanation says why when not. */
    private static void assertChosen(Tagger tagger, Story story, String chosen, String other) {
        Tags tags = tagger.tag(story);
        assertTrue(tags.entityIds().contains(chosen), () -> tagger.explain(story).render());
        assertFalse(tags.entityIds().contains(other), () -> tagger.explain(story).render());
    }

    @Test
    void aGovernorOrSenatorRightBesideGeorgiaIsTheState() {
        Tagger tagger = Tagger.compile(Taxonomy.load(SHIPPED));
        for (String body : List.of("The governor of Georgia vetoed the measure on Friday.",
                "Georgia's senator voted against the measure on Friday.",
                "Lawmakers met on Friday. A Georgia senator said he would vote against the measure.")) {
            Story story = LabelledSetTest.story("g", "Measure fails", body);
            assertTrue(tagger.tag(story).entityIds().contains("georgia-us-state"), () -> tagger.explain(story).render());
        }
        // Three words between: no longer beside it, and nothing else says which Georgia.
        Story far = LabelledSetTest.story("g", "Measure fails", "The governor vetoed the measure in Georgia on Friday.");
        assertFalse(tagger.tag(far).entityIds().contains("georgia-us-state"), () -> tagger.explain(far).render());
    }

    @Test
    void oneEntryUnderTwoSpellingsOfASharedNameIsOneCandidateNotATieWithItself(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("entities"));
        Files.writeString(dir.resolve("entities/people.json"), """
                [{"id": "lech-kaczynski", "name": "Lech Kaczyński", "type": "person", "ambiguous": [
                   {"alias": "Kaczyński", "to": "2010", "cues": ["president"]},
                   {"alias": "Kaczynski", "to": "2010", "cues": ["president"]}]},
                 {"id": "jaroslaw-kaczynski", "name": "Jarosław Kaczyński", "type": "person", "ambiguous": [
                   {"alias": "Kaczynski", "from": "2001", "cues": ["prime minister"], "preferred": true}]}]
                """, StandardCharsets.UTF_8);
        Tagger t = Tagger.compile(Taxonomy.load(dir));
        io.wiretag.story.StoryDraft d = new io.wiretag.story.StoryDraft();
        d.provider = "test";
        d.guid = "k";
        d.headline = "Polish president signs treaty";
        d.paragraphs.add("President Kaczynski signed the Lisbon Treaty in Warsaw on Thursday.");
        d.versionCreated = java.time.Instant.parse("2008-10-10T12:00:00Z");
        Story story = d.build(new io.wiretag.story.StoryDraft.Delivery(new byte[0], "test", "test", "test",
                java.time.Instant.EPOCH, null, "UTF-8"));
        assertEquals(List.of("lech-kaczynski", "unlinked:place:warsaw"), t.tag(story).entityIds());
    }

    @Test
    void aPhraseListedUnderOthersTakesItsWordsAwayFromTheRulesAndVetoesNothing(@TempDir Path dir) throws IOException {
        withUkraineOnly(dir);
        String topic = """
                {"id":"war","name":"War","threshold":0.5,%s
                 "rules":[{"kind":"together","scope":"sentence","weight":0.5,
                           "groups":[{"entities":["ukraine"]},{"keywords":["war"]}]}]}
                """;
        Files.writeString(dir.resolve("topics/t.json"), topic.formatted(""), StandardCharsets.UTF_8);
        Tagger plain = Tagger.compile(Taxonomy.load(dir));
        Files.writeString(dir.resolve("topics/t.json"), topic.formatted("\"others\":[\"Second World War\"],"),
                StandardCharsets.UTF_8);
        Tagger withOthers = Tagger.compile(Taxonomy.load(dir));
        Story commemoration = story("Ukraine remembers", "Ukraine honoured the victims of the Second World War on Friday.");
        Story report = story("Drones over Ukraine", "The war in Ukraine is the largest in Europe since the Second World War.");
        assertEquals(List.of("war"), topicIds(plain.tag(commemoration)));
        assertEquals(List.of(), topicIds(withOthers.tag(commemoration)));
        assertEquals(List.of("war"), topicIds(withOthers.tag(report)));

        Files.writeString(dir.resolve("topics/t.json"), topic.formatted("\"others\":[\"War\", \"1914\"],"),
                StandardCharsets.UTF_8);
        List<String> problems = TaxonomyValidator.check(dir);
        assertTrue(problems.contains("topics/t.json: topic war: others: \"War\" is one of the topic's keywords too, "
                + "so it would count for its rule"), problems.toString());
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void aTopicNotInPassingIgnoresOneSentenceFurtherDownAndNeedsARuleToSayWhatItHolds(@TempDir Path dir) throws IOException {
        withUkraineOnly(dir);
        String topic = """
                {"id":"war","name":"War","threshold":0.5,"not_in_passing":true,
                 "rules":[{"kind":"together","scope":"sentence","weight":0.5,"required":%s,
                           "groups":[{"entities":["ukraine"]},{"keywords":["war"]}]}]}
                """;
        Files.writeString(dir.resolve("topics/t.json"), topic.formatted("true"), StandardCharsets.UTF_8);
        assertEquals(List.of(), TaxonomyValidator.check(dir));
        Tagger tagger = Tagger.compile(Taxonomy.load(dir));
        String festival = "Critics gave their awards on Sunday.\n\nOne film was shot before the war in Ukraine. "
                + "The jury praised its camera work.";
        assertEquals(List.of(), topicIds(tagger.tag(story("Critics name the best films", festival))));
        // With no required entity rule, the headline saves the sentence when it names any of the rule's groups.
        assertEquals(List.of("war"), topicIds(tagger.tag(story("Ukraine's critics name the best films", festival))));
        assertEquals(List.of("war"), topicIds(tagger.tag(story("Critics name the best films",
                festival.replace("The jury", "The war goes on. The jury")))));

        Files.writeString(dir.resolve("topics/t.json"), topic.formatted("false"), StandardCharsets.UTF_8);
        assertEquals(List.of("topics/t.json: topic war: not_in_passing needs a required together rule of scope sentence "
                + "(it says what the one sentence must hold)"), TaxonomyValidator.check(dir));
    }

    @Test
    void aTopicThatYieldsToAnotherNeedsTwoSentencesOfItsOwnWhenTheStoryHasTheOther(@TempDir Path dir) throws IOException {
        withUkraineOnly(dir);
        String topics = """
                [{"id":"war","name":"War","threshold":0.5,"yields_to":["sanctions"],
                  "rules":[{"kind":"together","scope":"sentence","weight":0.5,"required":true,
                            "groups":[{"entities":["ukraine"]},{"keywords":["war","shelling"]}]}]},
                 {"id":"sanctions","name":"Sanctions","threshold":0.5,
                  "rules":[{"kind":"together","scope":"sentence","weight":0.5,"required":true,
                            "groups":[{"entities":["ukraine"]},{"keywords":["sanctions"]}]}]}]
                """;
        Files.writeString(dir.resolve("topics/t.json"), topics, StandardCharsets.UTF_8);
        assertEquals(List.of(), TaxonomyValidator.check(dir));
        Tagger tagger = Tagger.compile(Taxonomy.load(dir));
        // The war is the reason for the sanctions, in the sentence that speaks of them, and once on its own.
        String reason = "Sanctions over the war in Ukraine were extended on Monday. The war in Ukraine goes on.";
        assertEquals(List.of("sanctions"), topicIds(tagger.tag(story("Sanctions extended", reason))));
        String why = tagger.explain(story("Sanctions extended", reason)).render();
        assertTrue(why.contains("not this topic: left to sanctions, which the story is given: one sentence only holds"
                + " this topic's required rule without that topic's"), why);
        // Spoken of on its own in two sentences: both topics, in the taxonomy's order.
        assertEquals(List.of("war", "sanctions"), topicIds(tagger.tag(story("Sanctions extended",
                reason + " Shelling hit Ukraine's east overnight."))));
        // Without the other topic the one sentence is enough.
        assertEquals(List.of("war"), topicIds(tagger.tag(story("Ukraine", "The war in Ukraine goes on."))));

        Files.writeString(dir.resolve("topics/t.json"), """
                [{"id":"war","name":"War","threshold":0.5,"yields_to":["peace","war","sanctions"],
                  "rules":[{"kind":"entity","entities":["ukraine"],"weight":0.5}]},
                 {"id":"sanctions","name":"Sanctions","threshold":0.5,"yields_to":["war"],
                  "rules":[{"kind":"entity","entities":["ukraine"],"weight":0.5}]}]
                """, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "topics/t.json: topic war: yields_to needs a required together rule of scope sentence (it says where the"
                        + " topic is spoken of on its own)",
                "topics/t.json: topic war: yields_to \"peace\" is not a topic",
                "topics/t.json: topic war: yields_to \"war\" is the topic itself",
                "topics/t.json: topic war: yields_to \"sanctions\", which has no required together rule of scope sentence",
                "topics/t.json: topic war: yields_to goes round in a circle through sanctions",
                "topics/t.json: topic sanctions: yields_to needs a required together rule of scope sentence (it says"
                        + " where the topic is spoken of on its own)",
                "topics/t.json: topic sanctions: yields_to \"war\", which has no required together rule of scope sentence",
                "topics/t.json: topic sanctions: yields_to goes round in a circle through war"),
                TaxonomyValidator.check(dir).stream().filter(p -> p.contains("yields_to")).toList());
    }

    /** A taxonomy folder whose one entity is Ukraine; each test writes its topic into topics/t.json. */
    private static void withUkraineOnly(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("entities"));
        Files.createDirectories(dir.resolve("topics"));
        Files.writeString(dir.resolve("entities/e.json"), """
                [{"id":"ukraine","name":"Ukraine","type":"country"}]
                """, StandardCharsets.UTF_8);
    }

    private static List<String> topicIds(Tags tags) {
        return tags.topics().stream().map(io.wiretag.story.TopicTag::id).toList();
    }

    private static Story story(String headline, String body) {
        return MultilingualSetTest.story(headline, headline, body, "en");
    }
}
