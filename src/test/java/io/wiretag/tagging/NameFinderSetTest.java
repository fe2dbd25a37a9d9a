package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.story.EntityTag;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-labelled set in {@code src/test/resources/tagging/names.jsonl}: news-style texts from 1990 to 2025
 * with every person, organisation and place a reader would mark, linked where the gazetteer knows them and
 * {@code unlinked:<type>:<slug>} where it does not, and the topics (with the traps: Beslan, Chechnya,
 * Georgia 2008, the Crimean War, stories dated before 2014). Reports precision and recall per type; each
 * must reach 0.95 and 0.90, and every story's topics must be exactly right.
 */
class NameFinderSetTest {
    private static final List<JsonNode> CASES = new ArrayList<>();
    private static final Map<String, String> TYPES = new HashMap<>();
    private static Tagger tagger;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = NameFinderSetTest.class.getResourceAsStream("/tagging/names.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    CASES.add(Json.MAPPER.readTree(line));
                }
            }
        }
        Taxonomy taxonomy = Taxonomy.load(Path.of("config/taxonomy"));
        taxonomy.entities().forEach(e -> TYPES.put(e.id(), e.type()));
        tagger = Tagger.compile(taxonomy);
    }

    static Story story(String name, String date, String headline, String body) {
        StoryDraft d = new StoryDraft();
        d.provider = "test";
        d.guid = name;
        d.headline = headline;
        d.paragraphs.addAll(Arrays.asList(body.split("\n\n")));
        d.language = "en";
        if (!date.isEmpty()) {
            d.versionCreated = LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
        }
        byte[] bytes = (headline + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
        return d.build(new StoryDraft.Delivery(bytes, "test", "test", name, Instant.EPOCH, null, "UTF-8"));
    }

    private static String type(String id) {
        if (id.startsWith(EntityTag.UNLINKED)) {
            return id.split(":")[1];
        }
        String t = TYPES.get(id);
        if (t == null) {
            throw new AssertionError("expected entity " + id + " is neither unlinked:... nor in the taxonomy");
        }
        return t;
    }

    @Test
    void theSetHasEightyStoriesOverThreeDecadesWithUnlinkedNamesOfEveryType() {
        assertTrue(CASES.size() >= 80, "only " + CASES.size());
        Set<String> decades = new TreeSet<>();
        Set<String> unlinkedTypes = new TreeSet<>();
        for (JsonNode c : CASES) {
            String date = c.get("date").asText();
            if (!date.isEmpty()) {
                decades.add(date.substring(0, 3));
            }
            c.get("entities").forEach(e -> {
                if (e.asText().startsWith(EntityTag.UNLINKED)) {
                    unlinkedTypes.add(type(e.asText()));
                }
            });
        }
        assertTrue(decades.size() >= 4, "decades " + decades);
        assertEquals(Set.of("person", "organisation", "place"), unlinkedTypes);
    }

    @Test
    void precisionAndRecallPerTypeAndExactTopics() {
        Map<String, int[]> counts = new TreeMap<>(); // type to true positives, false positives, false negatives
        List<String> errors = new ArrayList<>();
        List<String> topicErrors = new ArrayList<>();
        for (JsonNode c : CASES) {
            String name = c.get("name").asText();
            Tags tags = tagger.tag(story(name, c.get("date").asText(), c.get("headline").asText(), c.get("body").asText()));
            Set<String> expected = new TreeSet<>();
            c.get("entities").forEach(e -> expected.add(e.asText()));
            Set<String> got = new TreeSet<>(tags.entityIds());
            for (String g : got) {
                int[] k = counts.computeIfAbsent(type(g), t -> new int[3]);
                if (expected.contains(g)) {
                    k[0]++;
                } else {
                    k[1]++;
                    errors.add(name + ": unexpected " + g);
                }
            }
            for (String e : expected) {
                if (!got.contains(e)) {
                    counts.computeIfAbsent(type(e), t -> new int[3])[2]++;
                    errors.add(name + ": missing " + e);
                }
            }
            Set<String> expectedTopics = new TreeSet<>();
            c.get("topics").forEach(t -> expectedTopics.add(t.asText()));
            if (!expectedTopics.equals(new TreeSet<>(tags.topicIds()))) {
                topicErrors.add(name + ": topics " + tags.topicIds() + ", expected " + expectedTopics);
            }
        }
        StringBuilder report = new StringBuilder("names set (" + CASES.size() + " stories):");
        List<String> low = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] k = e.getValue();
            double p = k[0] + k[1] == 0 ? 1 : (double) k[0] / (k[0] + k[1]);
            double r = k[0] + k[2] == 0 ? 1 : (double) k[0] / (k[0] + k[2]);
            report.append(String.format(Locale.ROOT, " %s precision %.3f recall %.3f (%d found, %d wrong, %d missed);",
                    e.getKey(), p, r, k[0], k[1], k[2]));
            if (p < 0.95 || r < 0.90) {
                low.add(e.getKey());
            }
        }
        System.out.println(report);
        errors.forEach(System.out::println);
        assertEquals(List.of(), topicErrors);
        assertEquals(List.of(), low, report + "\n" + String.join("\n", errors));
    }
}
