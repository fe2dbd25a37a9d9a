package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Tags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spanish names a club with the article, a city without it. */
class ArticleClubsTest {
    private static Tagger tagger;

    @BeforeAll
    static void compile() {
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    private static List<String> mentionsOf(Tags tags, String id) {
        return tags.entities().stream().filter(e -> e.id().equals(id)).findFirst().map(EntityTag::mentions)
                .map(ms -> ms.stream().map(m -> m.field() + ":" + m.start()).toList()).orElse(List.of());
    }

    @Test
    void aCityAfterElAlOrDelIsTheClubAndWithoutItTheCity() {
        String body = "El Barcelona venció 2-1 al Sevilla. Los goles del Barcelona llegaron tarde en Barcelona, "
                + "ante 80.000 aficionados de Barcelona.";
        String headline = "El Real Madrid gana al Barcelona";
        Tags tags = tagger.tag(MultilingualSetTest.story("es-club", headline, body, "es"));
        assertEquals(List.of("headline:" + headline.indexOf("Barcelona"), "body:3", "body:" + (body.indexOf("del Barcelona") + 4)),
                mentionsOf(tags, "fc-barcelona"));
        assertEquals(List.of("body:" + (body.indexOf("en Barcelona") + 3), "body:" + (body.indexOf("de Barcelona") + 3)),
                mentionsOf(tags, "barcelona"));
        String why = tagger.explain(MultilingualSetTest.story("es-club", "Gana el Barcelona", "Sin goles.", "es")).render();
        assertTrue(why.contains("a club's short name after the article"), why);
    }

    @Test
    void otherLanguagesAreNotReadSo() {
        Tags tags = tagger.tag(MultilingualSetTest.story("fr-ville", "Le Barcelona de la chanson", "Un disque.", "fr"));
        assertEquals(List.of(), mentionsOf(tags, "fc-barcelona"));
    }
}
