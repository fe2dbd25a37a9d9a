package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.cli.Main;
import io.wiretag.story.Json;
import io.wiretag.testing.Seed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code demo --once --input DIR --dump OUT} as a new user runs it: a real broker starts in the JVM, the
 * files go through the pipeline, and every topic lands in OUT as ndjson.
 */
class DemoOnceTest {
    @TempDir
    Path dir;

    @Test
    void seedAndAMalformedFileComeOutInTheTopicFiles() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("seed.txt"), Seed.bytes());
        byte[] malformed = "{\"uri\": \"x\", \"headline\": \"broken\n\"}".getBytes();
        Files.write(in.resolve("broken.json"), malformed);
        Path out = dir.resolve("out");

        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        int exit = cli.execute("demo", "--once", "--input", in.toString(), "--dump", out.toString());
        assertEquals(0, exit, stderr.toString());

        List<JsonNode> raw = lines(out.resolve("news.raw.ndjson"));
        assertEquals(2, raw.size());

        List<JsonNode> tagged = lines(out.resolve("news.tagged.ndjson"));
        assertEquals(1, tagged.size());
        JsonNode story = tagged.get(0).get("value");
        assertEquals(story.get("id").asText(), tagged.get(0).get("key").asText());
        Set<String> entities = new HashSet<>();
        story.get("tags").get("entities").forEach(e -> entities.add(e.get("id").asText()));
        assertEquals(Set.of("donald-trump", "vladimir-putin", "volodymyr-zelenskyy", "united-states", "russia", "ukraine", "oval-office"), entities);

        for (String topic : List.of("news.topic.ukraine-war", "news.topic.us-russia-relations")) {
            List<JsonNode> routed = lines(out.resolve(topic + ".ndjson"));
            assertEquals(1, routed.size(), topic);
            assertEquals(story.get("id"), routed.get(0).get("value").get("id"));
        }
        assertEquals(0, lines(out.resolve("news.topic.russia-sanctions.ndjson")).size());

        List<JsonNode> dlq = lines(out.resolve("news.dlq.ndjson"));
        assertEquals(1, dlq.size());
        assertEquals(Base64.getEncoder().encodeToString(malformed), dlq.get(0).get("valueBase64").asText(),
                "the dead-letter record holds the original bytes");
        String reason = null;
        for (JsonNode h : dlq.get(0).get("headers")) {
            if (h.get("key").asText().equals("wiretag.dlq.reason")) {
                reason = h.get("value").asText();
            }
        }
        assertTrue(reason != null && reason.startsWith("ninjs: invalid JSON at line 1, column 33: illegal unquoted control character"), String.valueOf(reason));
        assertTrue(stdout.toString().contains("wiretag demo: wrote " + out), stdout.toString());
    }

    @Test
    void aFolderOfVersionsCorrectionsAndKillsIsProcessedInTheOrderOfItsFiles() throws Exception {
        // Files of one folder share a key on news.raw, so the sequence is read in file-name order and the
        // outcome is the same on every run: the strike is published, then killed (one alert).
        Path out = dir.resolve("lifecycle-out");
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        StringWriter stderr = new StringWriter();
        cli.setErr(new PrintWriter(stderr, true));
        assertEquals(0, cli.execute("demo", "--once", "--input", "src/test/resources/lifecycle", "--dump", out.toString()), stderr.toString());
        assertEquals(11, lines(out.resolve("news.raw.ndjson")).size());
        assertEquals(8, lines(out.resolve("news.tagged.ndjson")).size());
        // The talks' last two versions and the strike's version and kill; the sanctions package, which names the
        // war only as what the exports pay for, is the sanctions topic's (ukraine-war yields_to russia-sanctions).
        assertEquals(4, lines(out.resolve("news.topic.ukraine-war.ndjson")).size());
        assertEquals(3, lines(out.resolve("news.topic.us-russia-relations.ndjson")).size());
        // The strike's kill alert, and the shipped watches' alerts on the talks (twice) and the sanctions story.
        assertEquals(List.of("kill:wirea:urn:wirea:strike", "watch:eu-sanctions:wirea:urn:wirea:sanctions:1",
                "watch:putin-trump:wirea:urn:wirea:talks:1", "watch:putin-trump:wirea:urn:wirea:talks:2"),
                lines(out.resolve("news.alerts.ndjson")).stream().map(a -> a.get("key").asText()).sorted().toList());
        Set<String> rawKeys = new HashSet<>();
        lines(out.resolve("news.raw.ndjson")).forEach(r -> rawKeys.add(r.get("key").asText()));
        assertEquals(1, rawKeys.size(), "one folder, one feed, one key: " + rawKeys);
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(Json.MAPPER.readTree(line));
        }
        return out;
    }
}
