package io.wiretag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.testing.Seed;
import io.wiretag.testing.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The commands as a user types them: what they print, and their exit codes. No Kafka here. */
class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void parsePrintsOneStoryJsonLinePerStory() {
        Run r = run("parse", Seed.path().toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.outLines().size());
        Story s = Json.read(r.outLines().get(0), Story.class);
        assertEquals(Seed.path().toString(), s.source().feed(), "feed is the file's path as it was given");
        assertTrue(s.headline().startsWith("US President Donald Trump revealed"), s.headline());
    }

    @Test
    void tagPrintsTheTaggedStoryOfTheSeed() {
        Run r = run("tag", Seed.path().toString());
        assertEquals(0, r.exit(), r.err());
        Story s = Json.read(r.outLines().get(0), Story.class);
        assertEquals(Set.of("donald-trump", "vladimir-putin", "volodymyr-zelenskyy", "united-states", "russia", "ukraine", "oval-office"),
                Set.copyOf(s.tags().entityIds()));
        assertEquals(Set.of("ukraine-war", "us-russia-relations"), Set.copyOf(s.tags().topicIds()));
    }

    @Test
    void parseOfAFileThatIsNoStorySaysWhyOnStderrAndExitsOne() throws Exception {
        Path bad = Files.write(dir.resolve("bad.json"), "{\"headline\": \"x\n\"}".getBytes());
        Run r = run("parse", bad.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith(bad + ": "), r.err());
    }

    @Test
    void aMissingFileIsOneLineAndExitOne() {
        Run r = run("parse", dir.resolve("nope.txt").toString());
        assertEquals(1, r.exit());
        assertEquals("wiretag: no such file or directory: " + dir.resolve("nope.txt"), r.err().strip());
    }

    @Test
    void anUnknownOptionIsOneLineAndExitTwo() {
        Run r = run("parse", "--bogus", "x");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().startsWith("wiretag parse: Unknown option: '--bogus'"), r.err());
    }

    @Test
    void anUnknownFormatIsNamedWithTheKnownOnes() {
        Run r = run("parse", "--format", "telex", Seed.path().toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("wiretag parse: unknown format 'telex'; known: newsml-g2, "), r.err());
    }

    @Test
    void dumpWithoutOnceIsAUsageError() {
        Run r = run("demo", "--dump", dir.toString());
        assertEquals(2, r.exit());
        assertEquals("wiretag demo: --dump goes with --once", r.err().strip());
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        Run r = run();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Usage: wiretag"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "run", "ingest", "parse", "tag", "tail", "taxonomy"})
    void everyCommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: wiretag " + command), r.out());
    }

    @Test
    void taxonomyCheckAcceptsTheShippedTaxonomy() {
        Run r = run("taxonomy", "check");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("taxonomy check: config/taxonomy is valid, version "), r.out());
    }

    @Test
    void taxonomyCheckNamesTheProblemsOfABrokenTaxonomy() throws Exception {
        Path tax = Trees.copy(Path.of("config/taxonomy"), dir.resolve("taxonomy"));
        Files.writeString(tax.resolve("entities/broken.json"), "{ not json");
        Run r = run("taxonomy", "check", "--dir", tax.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("broken.json"), r.err());
        assertTrue(r.err().strip().endsWith("problem(s) in " + tax), r.err());
    }

    @Test
    void benchReportsBothWorkloadsForEveryGazetteer() {
        Run r = run("bench", "--aliases", "50", "--seconds", "0.05", "--warmup", "0", "--runs", "1",
                "--naive-seconds", "0.01", "--corpus", Seed.path().toString());
        assertEquals(0, r.exit(), r.err());
        for (String row : List.of("| dense | shipped |", "| realistic | shipped |", "| dense | shipped + 50 synthetic |",
                "| realistic | shipped + 50 synthetic |")) {
            assertTrue(r.out().contains(row), row + " in\n" + r.out());
        }
        assertTrue(r.out().contains("workload realistic: real paragraphs from 1 stories"), r.out());
        assertTrue(r.out().contains("load average"), r.out());
    }

    @Test
    void benchWithoutCorpusRunsTheDenseWorkloadOnly() {
        Run r = run("bench", "--aliases", "10", "--seconds", "0.05", "--warmup", "0", "--runs", "1", "--naive-seconds", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("| dense | shipped |"), r.out());
        assertTrue(!r.out().contains("| realistic |"), r.out());
    }

    @Test
    void evalScoresTheTaggerOnAFileWithGoldEntitySpans() throws Exception {
        Path file = dir.resolve("gold.conll");
        Files.writeString(file, String.join("\n",
                "-DOCSTART- -X- -X- O", "",
                "Major NNP I-NP I-PER", "meets VBZ I-VP O", "Clarke NNP I-NP I-PER", ". . O O", "",
                "LONDON NNP I-NP I-LOC", "1996-12-06 CD I-NP O", "",
                "Prime NNP I-NP O", "Minister NNP I-NP O", "John NNP I-NP I-PER", "Major NNP I-NP I-PER", "met VBD I-VP O",
                "Chancellor NNP I-NP O", "Kenneth NNP I-NP I-PER", "Clarke NNP I-NP I-PER", "in IN I-PP O",
                "Berlin NNP I-NP I-LOC", "and CC O O", "Polish JJ I-NP I-MISC", "farmers NNS I-NP O", ". . O O", ""));
        Run r = run("eval", file.toString(), "--date", "1996-12-06", "--examples", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1 document, dated 1996-12-06"), r.out());
        assertTrue(r.out().contains("| PER | 4 | 4 | 4 | 1.000 | 1.000 |"), r.out());
        assertTrue(r.out().contains("| ORG | 0 | 0 | 0 | - | - |"), r.out());
        // "Polish" is a demonym of Poland, no mention of a place: the gold standard calls it MISC, and it is not scored.
        assertTrue(r.out().contains("| LOC | 2 | 2 | 2 | 1.000 | 1.000 |"), r.out());
        assertFalse(r.out().contains("\"Polish\""), r.out());

        Files.writeString(file, "Berlin NNP I-NP I-LOC\nBerlin,Germany\n");
        Run bad = run("eval", file.toString());
        assertEquals(1, bad.exit());
        assertEquals("eval: " + file + ": line 2: not a CoNLL token line (word ... tag): Berlin,Germany", bad.err().strip());

        Run missing = run("eval", dir.resolve("none.conll").toString());
        assertEquals(1, missing.exit());
        assertEquals("eval: no such file: " + dir.resolve("none.conll"), missing.err().strip());
    }
}
