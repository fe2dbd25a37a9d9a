package io.wiretag.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every story wiretag emits conforms to the Story schema it ships; the schema refuses what breaks the contract. */
class StorySchemaTest {
    private static final Path FIXTURES = Path.of("../shared/fixtures/wire");

    @Test
    void everyStoryFromTheBundledSamplesAndTheRealWiresConformsToTheSchema() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/samples"))) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("index.txt")).forEach(files::add);
        }
        if (Files.isDirectory(FIXTURES)) {
            try (Stream<Path> s = Files.walk(FIXTURES)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("INDEX.md")).forEach(files::add);
            }
        }
        int stories = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            ParseResult result;
            try {
                result = FormatDetector.standard().parse(new RawInput(Files.readAllBytes(f), null, null, f.toString(), Instant.EPOCH));
            } catch (ParseException refused) {
                continue; // malformed inputs are the dead-letter tests' business
            }
            for (Story story : result.stories()) {
                stories++;
                Schemas.problems(Schemas.STORY, story).forEach(p -> problems.add(f.getFileName() + " " + story.id() + ": " + p));
            }
        }
        assertTrue(stories >= 3, "expected stories from at least the bundled samples, got " + stories);
        assertEquals(List.of(), problems);
    }

    @Test
    void theSchemaRefusesAStoryWithoutIdOrWithAnUnknownStatus() {
        ObjectNode json = Json.MAPPER.valueToTree(sample());
        json.remove("id");
        json.put("pubStatus", "published");
        List<String> problems = Schemas.problems(Schemas.STORY, json);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("id")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("pubStatus")), problems.toString());
    }

    @Test
    void theSchemaRefusesTimesThatAreNotUtcInstants() {
        ObjectNode json = Json.MAPPER.valueToTree(sample());
        json.put("versionCreated", "2025-02-01T10:00:00+02:00");
        assertFalse(Schemas.problems(Schemas.STORY, json).isEmpty());
    }

    static Story sample() {
        StoryDraft d = new StoryDraft();
        d.guid = "x1";
        d.headline = "Talks resume";
        d.paragraphs.add("Diplomats met on Tuesday.");
        d.versionCreated = Instant.parse("2025-02-01T10:00:00Z");
        return d.build(new StoryDraft.Delivery(new byte[] {1, 2}, "plain", "test", "t.txt", Instant.parse("2025-02-01T10:00:01Z"), null, "us-ascii"));
    }
}
