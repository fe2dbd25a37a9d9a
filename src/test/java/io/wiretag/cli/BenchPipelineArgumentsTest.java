package io.wiretag.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code bench pipeline} refuses what it cannot run in one line and exit 2, before it starts a broker. */
class BenchPipelineArgumentsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--guarantees|exactly_once|unknown guarantee exactly_once",
        "--topologies|equal-io,wiretag|list wiretag before it",
        "--topologies|nope|unknown topology nope",
        "--stories|0|must be positive",
        "--loads|0|must be positive",
        "--warmup-stories|-1|--warmup-stories, --warm-seconds and --drain-seconds not negative"})
    void refusesBadArgumentsInOneLine(String option, String value, String message) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("bench", "pipeline", option, value);
        assertEquals(2, exit, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("wiretag bench pipeline: ") && err.toString().contains(message), err.toString());
        assertEquals("", out.toString());
    }
}
