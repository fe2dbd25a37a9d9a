package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taxonomy check} on names per language and keywords per language. */
class LanguageValidatorTest {
    private static List<String> check(Path dir, String language, String topic) throws Exception {
        Files.createDirectories(dir.resolve("entities"));
        Files.createDirectories(dir.resolve("languages"));
        Files.createDirectories(dir.resolve("topics"));
        Files.writeString(dir.resolve("entities/e.json"), "[{\"id\":\"russia\",\"name\":\"Russia\",\"type\":\"country\"},"
                + "{\"id\":\"ukraine\",\"name\":\"Ukraine\",\"type\":\"country\"}]", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("languages/de.json"), language, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("topics/t.json"), topic, StandardCharsets.UTF_8);
        return TaxonomyValidator.check(dir);
    }

    private static final String TOPIC_DE_ONLY = "{\"id\":\"t\",\"name\":\"T\",\"threshold\":0.5,\"rules\":[{\"kind\":\"keywords\","
            + "\"weight\":0.5,\"keywords\":[\"war\"],\"languages\":{\"de\":[\"Krieg\"]}}]}";

    @Test
    void aKeywordListMissingALanguageIsReported(@TempDir Path dir) throws Exception {
        List<String> p = check(dir, "{\"id\":\"de\",\"source\":\"test\",\"names\":{\"russia\":[\"Russland\"]}}", TOPIC_DE_ONLY);
        assertTrue(p.stream().anyMatch(s -> s.contains("topics/t.json: topic t: rule 1: no keywords in \"uk\"")), p.toString());
        assertTrue(p.stream().noneMatch(s -> s.contains("no keywords in \"de\"")), p.toString());
    }

    @Test
    void aDemonymIsCheckedAsANameIs(@TempDir Path dir) throws Exception {
        List<String> p = check(dir, "{\"id\":\"de\",\"source\":\"test\",\"names\":{\"russia\":[\"Russland\"]},"
                + "\"demonyms\":{\"russia\":[\"russisch\"],\"ukraine\":[\"russisch\"],\"atlantis\":[\"atlantisch\"]}}", TOPIC_DE_ONLY);
        assertTrue(p.stream().anyMatch(s -> s.contains("name \"russisch\" is given to both russia and ukraine")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("names for unknown entity id \"atlantis\"")), p.toString());
    }

    @Test
    void unknownIdsNamesGivenTwiceAndUnknownLanguagesAreReported(@TempDir Path dir) throws Exception {
        List<String> p = check(dir, "{\"id\":\"xx\",\"source\":\"test\",\"names\":{\"russia\":[\"Rus\"],\"ukraine\":[\"Rus\"],"
                + "\"atlantis\":[\"Atlantis\"]}}", TOPIC_DE_ONLY);
        assertTrue(p.stream().anyMatch(s -> s.contains("language xx: not one of")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("names for unknown entity id \"atlantis\"")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("\"Rus\" is given to both russia and ukraine")), p.toString());
    }
}
