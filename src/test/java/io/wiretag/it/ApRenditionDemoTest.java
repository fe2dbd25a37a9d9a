package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.cli.Main;
import io.wiretag.story.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo --once} over a folder with an AP Media item and its NITF rendition: one story comes out. */
class ApRenditionDemoTest {
    static final Path SAMPLES = Path.of("src/test/resources/apmedia");

    @TempDir
    Path dir;

    @Test
    void anItemAndItsRenditionInOneFolderAreOneTaggedStory() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(SAMPLES.resolve("ferry_item.json"), in.resolve("ferry_item.json"));
        Files.copy(SAMPLES.resolve("ferry_nitf.xml"), in.resolve("ferry_nitf.xml"));
        Path out = dir.resolve("out");

        CommandLine cli = Main.commandLine();
        StringWriter stderr = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(stderr, true));
        assertEquals(0, cli.execute("demo", "--once", "--input", in.toString(), "--dump", out.toString()), stderr.toString());

        List<JsonNode> raw = lines(out.resolve("news.raw.ndjson"));
        assertEquals(2, raw.size());
        assertEquals(raw.get(0).get("key"), raw.get(1).get("key"), "item and rendition share the feed key");
        assertEquals("f3a1c0de5ee9b4b40ea5fe9c9ca60f89", header(raw.get(1), "wiretag.rendition-of"));

        List<JsonNode> tagged = lines(out.resolve("news.tagged.ndjson"));
        assertEquals(1, tagged.size(), tagged.toString());
        JsonNode story = tagged.get(0).get("value");
        assertEquals("ap:f3a1c0de5ee9b4b40ea5fe9c9ca60f89", story.get("id").asText());
        assertEquals("Island ferry returns after storm repairs", story.get("headline").asText());
        assertTrue(story.get("body").asText().startsWith("The island ferry sailed again"), story.toString());
    }

    private static String header(JsonNode record, String name) {
        for (JsonNode h : record.get("headers")) {
            if (h.get("key").asText().equals(name)) {
                return h.get("value").asText();
            }
        }
        return null;
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }
}
