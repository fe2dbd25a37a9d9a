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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-labelled set in {@code src/test/resources/tagging/labelled-multilingual.jsonl}: short reports in
 * German, French, Spanish, Russian and Ukrainian (the war, US–Russia diplomacy, sanctions, and the traps:
 * sport, markets, Georgia the country and the US state, Russia named in passing), each with the entities
 * and topics a reader would give it. Per language: topics precision and recall 1.0, entities at least
 * 0.95, and the language detected from headline and lead alone (no declared language) on every story.
 */
class MultilingualSetTest {
    private static final List<String> LANGUAGES = List.of("de", "fr", "es", "ru", "uk");
    private static final List<JsonNode> CASES = new ArrayList<>();
    private static Tagger tagger;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = MultilingualSetTest.class.getResourceAsStream("/tagging/labelled-multilingual.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    CASES.add(Json.MAPPER.readTree(line));
                }
            }
        }
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    /** A story as a parser builds it; {@code language} null leaves it to detection. */
    static Story story(String name, String headline, String body, String language) {
        StoryDraft d = new StoryDraft();
        d.provider = "test";
        d.guid = name;
        d.headline = headline;
        d.paragraphs.addAll(Arrays.asList(body.split("\n\n")));
        d.language = language;
        byte[] bytes = (headline + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
        return d.build(new StoryDraft.Delivery(bytes, "test", "test", name, Instant.EPOCH, null, "UTF-8"));
    }

    @Test
    void eachLanguageHasAtLeastTwentyFiveStoriesWithTrapsAmongThem() {
        for (String lang : LANGUAGES) {
            List<JsonNode> of = CASES.stream().filter(c -> c.get("lang").asText().equals(lang)).toList();
            assertTrue(of.size() >= 25, lang + ": only " + of.size() + " stories");
            assertTrue(of.stream().filter(c -> c.get("topics").isEmpty()).count() >= 8, lang + ": too few without a topic");
            for (String topic : List.of("ukraine-war", "us-russia-relations", "russia-sanctions")) {
                assertTrue(of.stream().filter(c -> strings(c.get("topics")).contains(topic)).count() >= 4,
                        lang + ": too few stories of " + topic);
            }
        }
    }

    @Test
    void languageIsDetectedFromHeadlineAndLeadAndUkrainianIsNeverTakenForRussian() {
        Map<String, int[]> right = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode c : CASES) {
            String lang = c.get("lang").asText();
            Story s = story(c.get("name").asText(), c.get("headline").asText(), c.get("body").asText(), null);
            int[] n = right.computeIfAbsent(lang, k -> new int[2]);
            n[1]++;
            if (lang.equals(s.language())) {
                n[0]++;
            } else {
                errors.add(c.get("name").asText() + ": detected " + s.language() + ", is " + lang);
            }
            // Headline alone, the shortest text a wire sends.
            Story h = story(c.get("name").asText() + "-h", c.get("headline").asText(), "", null);
            if ("uk".equals(lang)) {
                assertTrue(!"ru".equals(h.language()), c.get("name").asText() + ": Ukrainian headline taken for Russian");
            }
        }
        StringBuilder figures = new StringBuilder("language detection on headline + lead:");
        right.forEach((l, n) -> figures.append(String.format(Locale.ROOT, " %s %d/%d", l, n[0], n[1])));
        System.out.println(figures);
        assertEquals(List.of(), errors, figures.toString());
    }

    @Test
    void topicsArePerfectAndEntitiesAtLeastNinetyFivePercentInEveryLanguage() {
        List<String> errors = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        Map<String, double[]> byLang = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            int[] ent = new int[3]; // true positives, false positives, false negatives
            int[] top = new int[3];
            List<String> langErrors = new ArrayList<>();
            for (JsonNode c : CASES) {
                if (!c.get("lang").asText().equals(lang)) {
                    continue;
                }
                String name = c.get("name").asText();
                Tags tags = tagger.tag(story(name, c.get("headline").asText(), c.get("body").asText(), lang));
                compare(name, "entity", strings(c.get("entities")), new TreeSet<>(tags.entityIds()), ent, langErrors);
                compare(name, "topic", strings(c.get("topics")), new TreeSet<>(tags.topicIds()), top, langErrors);
            }
            double[] f = {ratio(ent[0], ent[0] + ent[1]), ratio(ent[0], ent[0] + ent[2]),
                ratio(top[0], top[0] + top[1]), ratio(top[0], top[0] + top[2])};
            byLang.put(lang, f);
            figures.append(String.format(Locale.ROOT, "%s: entities precision %.3f recall %.3f; topics precision %.3f recall %.3f%n",
                    lang, f[0], f[1], f[2], f[3]));
            langErrors.forEach(e -> errors.add(lang + " " + e));
        }
        System.out.print(figures);
        errors.forEach(e -> System.out.println("  " + e));
        for (Map.Entry<String, double[]> e : byLang.entrySet()) {
            double[] f = e.getValue();
            assertTrue(f[0] >= 0.95 && f[1] >= 0.95, e.getKey() + " entities below 0.95:\n" + figures + errors);
            assertEquals(1.0, f[2], e.getKey() + " topic precision:\n" + figures + errors);
            assertEquals(1.0, f[3], e.getKey() + " topic recall:\n" + figures + errors);
        }
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

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
