package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Json;
import io.wiretag.story.Mention;
import io.wiretag.story.Schemas;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A demonym ("Polish", "Poles", German "polnische") counts for its country as a name does, but a TaggedStory
 * lists it apart from the places where the country is named: "Polish farmers" names no place.
 */
class DemonymsTest {
    private static Tagger tagger;

    @BeforeAll
    static void compile() {
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    private static EntityTag entity(Tags tags, String id) {
        return tags.entities().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not tagged: " + tags.entityIds()));
    }

    private static List<String> texts(List<Mention> mentions) {
        return mentions.stream().map(m -> m.field() + ":" + m.text()).toList();
    }

    @Test
    void aDemonymIsListedApartFromTheNamesOfItsCountry() {
        Story s = NameFinderSetTest.story("farmers", "2024-02-20", "Polish farmers block border",
                "Polish farmers blocked roads to the border with Ukraine on Monday. Poland's government said it "
                        + "would meet the Poles who organised the protest.");
        Tags tags = tagger.tag(s);
        EntityTag poland = entity(tags, "poland");
        assertEquals(List.of("body:Poland"), texts(poland.mentions()));
        assertEquals(List.of("headline:Polish", "body:Polish", "body:Poles"), texts(poland.demonyms()));
        // Relevance counts every one of them: the headline's demonym puts Poland first.
        assertEquals("poland", tags.entities().get(0).id(), tags.entityIds().toString());
        assertEquals(List.of("body:Ukraine"), texts(entity(tags, "ukraine").mentions()));
        assertEquals(List.of(), entity(tags, "ukraine").demonyms());
    }

    @Test
    void aCountryNamedOnlyByItsDemonymIsTaggedWithNoMentionAndStillCountsForTopics() {
        Story s = NameFinderSetTest.story("strike", "2024-03-01", "Missiles hit Kharkiv",
                "Russian missiles struck Kharkiv overnight, killing three people, Ukrainian officials said, as the "
                        + "war entered its third year.");
        Tags tags = tagger.tag(s);
        EntityTag russia = entity(tags, "russia");
        assertEquals(List.of(), russia.mentions());
        assertEquals(List.of("body:Russian"), texts(russia.demonyms()));
        assertEquals(List.of("body:Ukrainian"), texts(entity(tags, "ukraine").demonyms()));
        assertTrue(tags.topicIds().contains("ukraine-war"), tags.topicIds().toString());
    }

    @Test
    void aGermanDemonymIsOneInAnyOfItsInflectedForms() {
        Story s = MultilingualSetTest.story("bauern", "Polnische Bauern blockieren die Grenze",
                "Polnische Bauern haben am Montag die Grenzübergänge zur Ukraine blockiert. Polen will mit den "
                        + "polnischen Landwirten verhandeln.", "de");
        EntityTag poland = entity(tagger.tag(s), "poland");
        assertEquals(List.of("body:Polen"), texts(poland.mentions()));
        assertEquals(List.of("headline:Polnische", "body:Polnische", "body:polnischen"), texts(poland.demonyms()));
    }

    @Test
    void demonymsAreInTheJsonTheSchemaAndTheExplanation() throws Exception {
        Story s = NameFinderSetTest.story("dutch", "2024-05-01", "Dutch court rules on gas field",
                "A Dutch court ruled on Friday that the Groningen gas field must stay closed.");
        Story tagged = s.withTags(tagger.tag(s));
        assertEquals(List.of(), Schemas.problems(Schemas.TAGGED, Json.MAPPER.readTree(Json.bytes(tagged))));
        String json = new String(Json.bytes(tagged), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"mentions\":[],\"linked\":true,\"demonyms\":[{\"field\":\"headline\",\"start\":0,\"end\":5,"
                + "\"text\":\"Dutch\"}"), json);
        assertEquals(List.of("headline:Dutch", "body:Dutch"),
                texts(Json.MAPPER.readValue(json, Story.class).tags().entities().stream()
                        .filter(e -> e.id().equals("netherlands")).findFirst().orElseThrow().demonyms()),
                "read back from JSON");
        String why = tagger.explain(s).render();
        assertTrue(why.contains("netherlands  Netherlands (country") && why.contains("0 mentions, 2 demonyms"), why);
        assertTrue(why.contains("headline 0-5 \"Dutch\"  demonym \"Dutch\""), why);
    }
}
