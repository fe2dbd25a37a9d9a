package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wiretag.formats.RawInput;
import io.wiretag.formats.plain.PlainTextParser;
import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import io.wiretag.story.TopicTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The story wiretag was made for, tagged with the shipped taxonomy. */
class SeedStoryTest {
    private static final Path SEED = Path.of("../shared/seed/000_ae9ed5fd64935bf8.txt");
    private static Story story;
    private static Tags tags;

    @BeforeAll
    static void tagSeed() throws Exception {
        assumeTrue(Files.exists(SEED), "seed story not present beside the project: " + SEED);
        story = new PlainTextParser().parse(RawInput.of(Files.readAllBytes(SEED), SEED.toString())).stories().get(0);
        tags = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy"))).tag(story);
    }

    @Test
    void seedNamesExactlyTheSixEntitiesItIsAboutAndTheOvalOffice() {
        assertEquals(Set.of("donald-trump", "vladimir-putin", "volodymyr-zelenskyy", "united-states", "russia", "ukraine",
                "oval-office"), Set.copyOf(tags.entityIds()), () -> "got " + tags.entityIds());
    }

    @Test
    void seedIsAboutTheWarAndUsRussiaRelations() {
        assertEquals(Set.of("ukraine-war", "us-russia-relations"), Set.copyOf(tags.topicIds()));
        TopicTag rel = tags.topics().stream().filter(t -> t.id().equals("us-russia-relations")).findFirst().orElseThrow();
        assertEquals(List.of("medtop:20000638", "medtop:20000639"), rel.iptc());
        assertTrue(rel.evidence().contains("united-states + russia in one sentence"), () -> "evidence " + rel.evidence());
        assertTrue(rel.evidence().contains("keyword: discussions"), () -> "evidence " + rel.evidence());
    }

    @Test
    void everyMentionPointsAtItsTextInTheField() {
        for (EntityTag e : tags.entities()) {
            for (Mention m : e.mentions()) {
                String field = m.field().equals("headline") ? story.headline() : story.body();
                assertEquals(m.text(), field.substring(m.start(), m.end()), e.id() + " " + m);
            }
        }
    }

    @Test
    void possessivesAndDemonymsAreFoundWhereTheyStand() {
        EntityTag putin = entity("vladimir-putin");
        int possessive = story.body().indexOf("Putin's praise");
        assertTrue(putin.mentions().contains(new Mention("body", possessive, possessive + 5, "Putin")));
        int curly = story.body().indexOf("Putin’s 2022");
        assertTrue(putin.mentions().contains(new Mention("body", curly, curly + 5, "Putin")));
        int officials = story.body().indexOf("Russian officials");
        assertTrue(entity("russia").demonyms().contains(new Mention("body", officials, officials + 7, "Russian")));
        int zel = story.body().indexOf("Volodymyr Zelenskyy");
        assertEquals(List.of(new Mention("body", zel, zel + 19, "Volodymyr Zelenskyy")), entity("volodymyr-zelenskyy").mentions());
    }

    @Test
    void usInTheHeadlineIsTheUnitedStatesAndPutinOutranksZelenskyy() {
        assertEquals("headline", entity("united-states").mentions().get(0).field());
        assertEquals(0, entity("united-states").mentions().get(0).start());
        assertTrue(entity("vladimir-putin").relevance() > entity("volodymyr-zelenskyy").relevance());
        assertFalse(tags.taxonomyVersion().isBlank());
    }

    private static EntityTag entity(String id) {
        return tags.entities().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not tagged; got "
                        + tags.entities().stream().map(EntityTag::id).collect(Collectors.toList())));
    }
}
