package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import io.wiretag.story.Tags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** People the gazetteer does not know, in German, French and Spanish stories: by a title or a given name. */
class ForeignNamesTest {
    private static Tagger tagger;

    @BeforeAll
    static void compile() {
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    /** The ids of the story's unlinked entities, sorted (also for {@link CyrillicNamesTest}). */
    static List<String> unlinked(Tags tags) {
        return tags.entities().stream().filter(e -> !e.linked()).map(EntityTag::id).sorted().toList();
    }

    static EntityTag entity(Tags tags, String id) {
        return tags.entities().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not tagged: " + tags.entityIds()));
    }

    static List<String> mentions(Tags tags, String id) {
        return entity(tags, id).mentions().stream().map(Mention::text).toList();
    }

    @Test
    void aGermanStoryNamesPeopleByTheirTitlesAndGivenNamesNotByItsCapitalisedNouns() {
        Tags tags = tagger.tag(MultilingualSetTest.story("de", "Regierung verteidigt Haushalt",
                "Am Montag sagte Regierungssprecher Steffen Hebestreit in Berlin, die Bundesregierung halte am "
                        + "Haushalt fest. Die Opposition um Oppositionsführerin Gudrun Maier widersprach. Hebestreit "
                        + "verwies auf die Schuldenbremse, Hans-Peter Kolb von der Bundesbank auf die Inflation.", "de"));
        assertEquals(List.of("unlinked:person:gudrun-maier", "unlinked:person:hans-peter-kolb",
                "unlinked:person:steffen-hebestreit"), unlinked(tags));
        assertEquals(List.of("Steffen Hebestreit", "Hebestreit"), mentions(tags, "unlinked:person:steffen-hebestreit"));
        assertEquals("person", tags.entities().stream().filter(e -> e.id().equals("unlinked:person:gudrun-maier"))
                .findFirst().orElseThrow().type());
    }

    @Test
    void aCapitalisedDemonymAdjectiveInsideAGermanSentenceOpensAnOrganisationsName() {
        Tags tags = tagger.tag(MultilingualSetTest.story("de", "Streik",
                "Wegen des Streiks stellte die Deutsche Bahn den Verkehr ein, wie die Deutsche Presse-Agentur meldete. "
                        + "Die Partei Georgischer Traum gewann. Deutsche Soldaten blieben in Litauen, und deutsche Panzer auch. "
                        + "Den Deutschen Buchpreis erhielt ein Roman; in der Nacht feuerten die Russen Raketen ab.", "de"));
        assertEquals(List.of("unlinked:organisation:deutsche-bahn", "unlinked:organisation:georgischer-traum"), unlinked(tags));
        assertEquals(List.of("Deutsche"), entity(tags, "germany").inside().stream().map(Mention::text).toList());
        assertEquals(List.of("Deutsche Presse-Agentur"), mentions(tags, "dpa"));
        // The sentence's first word, the lower-case adjective, a prize and the people's noun open no name.
        assertEquals(List.of("Deutsche", "deutsche", "Deutschen"),
                entity(tags, "germany").demonyms().stream().map(Mention::text).toList());
        assertEquals(List.of("Russen"), entity(tags, "russia").demonyms().stream().map(Mention::text).toList());
    }

    @Test
    void aFrenchStoryNamesPeopleByTitleGivenNameAndMonsieur() {
        Tags tags = tagger.tag(MultilingualSetTest.story("fr", "Bordeaux : le maire défend son budget",
                "Le maire de Bordeaux, Pierre Hurmic, a défendu lundi son budget. M. Hurmic a rappelé que la "
                        + "porte-parole Camille Lefort avait annoncé des économies. Selon le maire, la ville tiendra.", "fr"));
        assertEquals(List.of("unlinked:person:camille-lefort", "unlinked:person:pierre-hurmic"), unlinked(tags));
        assertEquals(List.of("Pierre Hurmic", "Hurmic"), mentions(tags, "unlinked:person:pierre-hurmic"));
    }

    @Test
    void aSpanishStoryNamesPeopleByTitleAndGivenName() {
        Tags tags = tagger.tag(MultilingualSetTest.story("es", "El alcalde presenta el presupuesto",
                "El alcalde Joan Ribas presentó el lunes el presupuesto. Según la portavoz Marta Quiroga, Ribas "
                        + "negociará con la oposición. En Valencia, los vecinos esperan.", "es"));
        assertEquals(List.of("unlinked:person:joan-ribas", "unlinked:person:marta-quiroga"), unlinked(tags));
        assertEquals(List.of("Joan Ribas", "Ribas"), mentions(tags, "unlinked:person:joan-ribas"));
    }
}
