package io.wiretag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code parse} given an AP Media API item and its NITF rendition prints one story, as the pipeline makes it. */
class ParseApRenditionTest {
    static final Path FIXTURES = Path.of("..", "shared", "fixtures", "wire", "superdesk-core");

    record Run(int exit, List<Story> stories, String err) {
    }

    static Run parse(String... files) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("parse"));
        args.addAll(List.of(files));
        int exit = cli.execute(args.toArray(String[]::new));
        List<Story> stories = out.toString().lines().filter(l -> !l.isBlank()).map(l -> Json.read(l.getBytes(), Story.class)).toList();
        return new Run(exit, stories, err.toString());
    }

    @Test
    void theRealApPairIsOneStoryWithTheItemsHeadlineAndTheTablesText() {
        assumeTrue(Files.isDirectory(FIXTURES), "skipped: the shared wire fixtures folder " + FIXTURES + " is absent");
        Run r = parse(FIXTURES.resolve("ap_media_text_item.json").toString(), FIXTURES.resolve("ap_media_text_nitf.xml").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.stories().size(), "one story for the item and its rendition");
        Story s = r.stories().get(0);
        assertEquals("ap:5ee9b4b40ea5fe9c9ca60f890fb2e1d9", s.id());
        assertEquals("BC-BBN--Top Ten", s.headline());
        assertEquals("0", s.version());
        assertEquals("ap-media", s.source().format());
        assertTrue(s.body().startsWith("BASEBALL'S TOP TEN\n\nBy The Associated Press\n\nNATIONAL LEAGUE\n\nG AB R H Pct.\n\n"
                + "McNeil NYM 72 271 37 95 .351"), s.body());
        assertTrue(s.subjects().stream().anyMatch(x -> "MLB baseball".equals(x.name())), "the item's subjects");
        assertFalse(s.warnings().stream().anyMatch(w -> w.contains("body is empty")), s.warnings().toString());
    }

    @Test
    void ourOwnPairGivenAsAFolderIsOneStoryAndAnItemAloneStaysEmpty() {
        Run pair = parse("src/test/resources/apmedia");
        assertEquals(0, pair.exit(), pair.err());
        assertEquals(List.of("ap:f3a1c0de5ee9b4b40ea5fe9c9ca60f89", "ap:0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6"),
                pair.stories().stream().map(Story::id).toList(), "the ferry pair as one story, then the tide item");
        assertTrue(pair.stories().get(0).body().startsWith("The island ferry sailed again"));
        assertEquals("", pair.stories().get(1).body());

        Run alone = parse("src/test/resources/apmedia/ferry_item.json");
        assertEquals(1, alone.stories().size());
        assertEquals("", alone.stories().get(0).body(), "a rendition not given is not read");
        assertTrue(alone.stories().get(0).warnings().get(0).contains("NITF rendition"));
    }
}
