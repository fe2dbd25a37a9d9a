package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-labelled set in {@code src/test/resources/tagging/labelled.jsonl}: short news-style texts with
 * every trap the tagger must handle, each with the exact entities and topics a reader would give it.
 * Precision and recall must both be 1.0, for entities and for topics. This set labels the gazetteer's
 * (linked) entities only; the names found outside the gazetteer are measured on {@code names.jsonl} by
 * {@link NameFinderSetTest}.
 */
class LabelledSetTest {
    private static final List<JsonNode> CASES = new ArrayList<>();
    private static Tagger tagger;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = LabelledSetTest.class.getResourceAsStream("/tagging/labelled.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    CASES.add(Json.MAPPER.readTree(line));
                }
            }
        }
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    static Story story(String name, String headline, String body) {
        StoryDraft d = new StoryDraft();
        d.provider = "test";
        d.guid = name;
        d.headline = headline;
        d.paragraphs.addAll(Arrays.asList(body.split("\n\n")));
        d.language = "en";
        byte[] bytes = (headline + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
        return d.build(new StoryDraft.Delivery(bytes, "test", "test", name, Instant.EPOCH, null, "UTF-8"));
    }

    @Test
    void theSetHasAtLeastSixtyStoriesIncludingSomeWithNoTopic() {
        assertTrue(CASES.size() >= 60, "only " + CASES.size() + " labelled stories");
        assertTrue(CASES.stream().filter(c -> c.get("topics").isEmpty()).count() >= 20);
    }

    @Test
    void entitiesAndTopicsHavePerfectPrecisionAndRecall() {
        int[] ent = new int[3]; // true positives, false positives, false negatives
        int[] top = new int[3];
        List<String> errors = new ArrayList<>();
        for (JsonNode c : CASES) {
            String name = c.get("name").asText();
            Tags tags = tagger.tag(story(name, c.get("headline").asText(), c.get("body").asText()));
            compare(name, "entity", strings(c.get("entities")), linkedIds(tags), ent, errors);
            compare(name, "topic", strings(c.get("topics")), new TreeSet<>(tags.topicIds()), top, errors);
        }
        String figures = String.format(Locale.ROOT,
                "labelled set (%d stories): entities precision %.3f recall %.3f; topics precision %.3f recall %.3f",
                CASES.size(), ratio(ent[0], ent[0] + ent[1]), ratio(ent[0], ent[0] + ent[2]),
                ratio(top[0], top[0] + top[1]), ratio(top[0], top[0] + top[2]));
        System.out.println(figures);
        assertEquals(List.of(), errors, figures);
        assertEquals(1.0, ratio(ent[0], ent[0] + ent[1]));
        assertEquals(1.0, ratio(ent[0], ent[0] + ent[2]));
        assertEquals(1.0, ratio(top[0], top[0] + top[1]));
        assertEquals(1.0, ratio(top[0], top[0] + top[2]));
    }

    private static void compare(String name, String kind, Set<String> expected, Set<String> got, int[] counts,
                                List<String> errors) {
        for (String g : got) {
            if (expected.contains(g)) {
                counts[0]++;
            } else {
                counts[1]++;
                errors.add(name + ": unexpected " + kind + " " + g);
            }
        }
        for (String e : expected) {
            if (!got.contains(e)) {
                counts[2]++;
                errors.add(name + ": missing " + kind + " " + e);
            }
        }
    }

    private static Set<String> linkedIds(Tags tags) {
        Set<String> out = new TreeSet<>();
        tags.entities().stream().filter(e -> e.linked()).forEach(e -> out.add(e.id()));
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
