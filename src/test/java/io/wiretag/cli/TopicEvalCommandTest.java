package io.wiretag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code eval-topics}: labelled stories in, language and topic precision and recall per language out. */
class TopicEvalCommandTest {
    private static String[] run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void countsTheLanguageDetectedAndEachTopicPerLanguage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labelled.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"lang\": \"uk\", \"headline\": \"Ворог вдарив по Харкову\", \"body\": \"Російські війська вночі завдали "
                        + "ракетного удару по Харкову, загинули двоє людей, повідомили в ОВА.\", \"topics\": [\"ukraine-war\"]}",
                "{\"lang\": \"uk\", \"headline\": \"Атмосферний фронт принесе дощі на захід України\", \"body\": "
                        + "\"Синоптики попереджають: атмосферний фронт принесе дощі та вітер на захід і північ України.\", "
                        + "\"topics\": []}",
                "{\"lang\": \"uk\", \"headline\": \"Збірна України перемогла Ісландію\", \"body\": \"Збірна України "
                        + "перемогла Ісландію з рахунком 3:2, українці обстріляли ворота суперника.\", \"topics\": [\"ukraine-war\"]}",
                "{\"lang\": \"de\", \"headline\": \"Russische Drohnen treffen Kiew\", \"body\": \"Bei einem russischen "
                        + "Drohnenangriff auf Kiew sind drei Menschen getötet worden.\", \"topics\": [\"ukraine-war\"]}"),
                StandardCharsets.UTF_8);
        String[] r = run("eval-topics", file.toString(), "--topics", "ukraine-war", "--examples", "5");
        assertEquals("0", r[0], r[2]);
        // The football report is labelled a war report here on purpose: it is the one the tagger rightly misses.
        assertTrue(r[1].contains("| uk | 3 | 3 | ukraine-war | 2 | 1 | 1 | 1.000 | 0.500 |"), r[1]);
        assertTrue(r[1].contains("| de | 1 | 1 | ukraine-war | 1 | 1 | 1 | 1.000 | 1.000 |"), r[1]);
        assertTrue(r[1].contains("  uk ukraine-war missed: Збірна України перемогла Ісландію"), r[1]);
        assertEquals(2, r[1].lines().filter(l -> l.startsWith("| ") && !l.startsWith("| language")).count(), r[1]);
    }

    @Test
    void aTopicTheTaxonomyLacksOrALineWithoutTopicsIsOneClearLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labelled.jsonl");
        Files.writeString(file, "{\"headline\": \"A\", \"body\": \"Text.\", \"topics\": []}\n{\"headline\": \"B\", \"body\": \"Text.\"}\n",
                StandardCharsets.UTF_8);
        String[] unknown = run("eval-topics", file.toString(), "--topics", "sport");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].startsWith("eval-topics: no topic sport in the taxonomy"), unknown[2]);
        String[] bad = run("eval-topics", file.toString());
        assertEquals("1", bad[0]);
        assertEquals("eval-topics: " + file + ": line 2 has no body or no topics array", bad[2].strip());
        Files.writeString(file, "{\"headline\": \"A\", \"body\": \"Text.\", \"topics\": [], \"date\": \"2024-13-45\"}\n",
                StandardCharsets.UTF_8);
        String[] date = run("eval-topics", file.toString());
        assertEquals("1", date[0]);
        assertTrue(date[2].startsWith("eval-topics: " + file + ": line 1: Text '2024-13-45' could not be parsed"), date[2]);
        assertEquals(1, date[2].lines().count(), date[2]);
    }
}
