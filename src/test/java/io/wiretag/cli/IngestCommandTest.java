package io.wiretag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.ingest.RawTopic;
import io.wiretag.kafka.EmbeddedBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ingest --rss/--watch} as a user types them: bad arguments in one line with exit 2, a feed polled once. */
class IngestCommandTest {
    @TempDir
    static Path tmp;
    static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(tmp.resolve("broker"), 0);
        RawTopic.create(broker, "cli.raw", 1);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertRefused(String expected, String... args) {
        Run r = run(args);
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of(expected), r.err().lines().toList());
    }

    @Test
    void argumentsThatDoNotGoTogetherAreOneLineAndExit2() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        assertRefused("wiretag ingest: give PATH..., --watch DIR or --rss URL|FILE (see --help)", "ingest");
        assertRefused("wiretag ingest: give only one of PATH..., --watch DIR and --rss URL|FILE (see --help)",
                "ingest", "--watch", dir.toString(), "--rss", "https://wire.example/feed");
        assertRefused("wiretag ingest: --once, --interval and --state-dir go with --rss (see --help)",
                "ingest", "--watch", dir.toString(), "--interval", "5");
        assertRefused("wiretag ingest: --interval must be at least 1 second, not 0 (see --help)",
                "ingest", "--rss", "https://wire.example/feed", "--interval", "0");
        assertRefused("wiretag ingest: --watch needs a directory: " + tmp.resolve("missing") + " (see --help)",
                "ingest", "--watch", tmp.resolve("missing").toString());
        assertRefused("wiretag ingest: no such feed file: " + tmp.resolve("nofeed.xml") + " (see --help)",
                "ingest", "--rss", tmp.resolve("nofeed.xml").toString());
        assertRefused("wiretag ingest: --rss takes an http(s) URL or a file, not ftp://wire.example/feed (see --help)",
                "ingest", "--rss", "ftp://wire.example/feed");
        assertRefused("wiretag ingest: Invalid value for option '--interval': 'soon' is not an int (see --help)",
                "ingest", "--rss", "https://wire.example/feed", "--interval", "soon");
    }

    @Test
    void helpNamesEverySource() {
        Run r = run("ingest", "--help");
        assertEquals(0, r.exit());
        for (String option : List.of("--watch", "--rss", "--interval", "--once", "--state-dir", "--settle")) {
            assertTrue(r.out().contains(option), option + " in:\n" + r.out());
        }
    }

    @Test
    void rssOncePollsTheFeedOnceSendsItsItemsAndASecondRunSendsNothing() throws Exception {
        Path feed = tmp.resolve("feed.rss");
        Files.writeString(feed, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><guid>g1</guid><title>One</title></item><item><guid>g2</guid><title>Two</title></item></channel></rss>");
        String[] args = {"ingest", "--rss", feed.toString(), "--once", "--state-dir", tmp.resolve("states").toString(),
                "--bootstrap-servers", broker.bootstrapServers(), "-D", "wiretag.topic.raw=cli.raw"};

        Run first = run(args);
        assertEquals(0, first.exit(), first.err());
        assertEquals("rss: " + feed + ": 2 entries, 2 new, 0 updated, sent 2", first.err().strip());
        assertEquals("ingest: sent 2, failed 0, skipped 0 to cli.raw on " + broker.bootstrapServers() + " from 1 feed", first.out().strip());

        Run second = run(args);
        assertEquals(0, second.exit(), second.err());
        assertEquals("rss: " + feed + ": 2 entries, 0 new, 0 updated, sent 0", second.err().strip());
        assertEquals(2, RawTopic.readAll(broker, "cli.raw").size());
    }
}
