package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretag.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench pipeline} end to end as a user runs it, on a tiny stream and one short load: the real harness
 * on its own embedded broker, every topology under both guarantees. It checks that the figures are there and
 * sane, not how fast anything is.
 */
class BenchPipelineOnBrokerTest {
    @TempDir
    Path dir;

    @Test
    void benchPipelineWritesEveryFigureForEveryTopologyAndGuarantee() throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("bench", "pipeline", "--stories", "80", "--warmup-stories", "40", "--loads", "200", "--load-seconds", "1",
                "--warm-seconds", "0.5", "--drain-seconds", "20", "--latency-for", "wiretag", "--timeout", "180",
                "--out", json.toString());
        assertEquals(0, exit, err.toString());
        assertTrue(err.toString().contains("outputs visible") || err.toString().contains("stories/s"), "progress lines: " + err);

        JsonNode r = new ObjectMapper().readTree(json.toFile());
        for (String ratio : List.of("ratio_equal_io_eos", "ratio_equal_io_alos", "ratio_passthrough_eos")) {
            assertTrue(r.path(ratio).isNumber() && r.path(ratio).asDouble() > 0, ratio + " in " + r);
        }
        assertTrue(r.path("stories_per_s_eos").asDouble() > 0, r.toString());
        assertTrue(r.path("cpu_ms_per_story_eos").asDouble() > 0, r.toString());
        // At the least each story goes to news.stories and news.tagged, each bigger than the raw story.
        assertTrue(r.path("records_per_story").asDouble() >= 2, r.toString());
        double rawBytes = r.path("stream").path("average_bytes").asDouble();
        assertTrue(rawBytes > 2000, r.toString());
        assertTrue(r.path("bytes_per_story").asDouble() > 2 * rawBytes, r.toString());
        assertTrue(r.path("peak_heap_mb").asDouble() > 0, r.toString());
        assertTrue(r.path("latency_p99_ms_at_200").asDouble() > 0, r.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), r.path("cores").asInt());

        Set<String> runs = new HashSet<>();
        for (JsonNode run : r.path("runs")) {
            runs.add(run.path("topology").asText() + "/" + run.path("guarantee").asText());
            int inputs = run.path("inputs").asInt();
            assertEquals(r.path("stream").path("records").asInt(), inputs);
            assertTrue(run.path("live_heap_after_run_mb").asDouble() > 0, run.toString());
            assertTrue(run.path("cpu_ms_per_story_by_thread_group").path("stream threads").asDouble() > 0, run.toString());
            double first = run.path("first_output_s").asDouble();
            assertTrue(first > 0 && first <= run.path("seconds").asDouble(), "the first output comes within the span: " + run);
            // 80 stories may cross a tenth and nine tenths of the outputs in one 20 ms poll: then no steady rate.
            assertTrue(run.path("steady_stories_per_s").isNull() || run.path("steady_stories_per_s").asDouble() > 0, run.toString());
            if (run.path("topology").asText().equals("wiretag") || run.path("topology").asText().equals("passthrough")) {
                assertEquals(inputs, run.path("outputs_seen").asInt(), "one visible output per input: " + run);
            }
        }
        assertEquals(Set.of("wiretag/exactly_once_v2", "wiretag/at_least_once", "passthrough/exactly_once_v2",
                "passthrough/at_least_once", "equal-io/exactly_once_v2", "equal-io/at_least_once"), runs);
        // The equal-I/O pass-through writes what wiretag wrote per input, within the rounding of a small stream.
        for (String g : List.of("exactly_once_v2", "at_least_once")) {
            JsonNode w = find(r, "wiretag", g);
            JsonNode e = find(r, "equal-io", g);
            double wr = w.path("records_per_story").asDouble();
            double er = e.path("records_per_story").asDouble();
            assertTrue(Math.abs(er - wr) / wr < 0.25, g + ": equal-I/O records " + er + " vs wiretag " + wr);
            double wb = w.path("bytes_per_story").asDouble();
            double eb = e.path("bytes_per_story").asDouble();
            assertTrue(Math.abs(eb - wb) / wb < 0.25, g + ": equal-I/O bytes " + eb + " vs wiretag " + wb);
            // A topic wiretag wrote to less than once per input partition (a quiet alert, say) may round to
            // nothing in each of the equal-I/O fan-out's tasks over 80 stories; every other topic is written.
            int partitions = 4;
            int inputs = w.path("inputs").asInt();
            int often = 0;
            for (var t : (Iterable<java.util.Map.Entry<String, JsonNode>>) () -> w.path("per_topic").properties().iterator()) {
                if (t.getValue().path("records_per_story").asDouble() * inputs >= partitions) {
                    often++;
                }
            }
            int written = e.path("topics_written").asInt();
            assertTrue(written >= often && written <= w.path("topics_written").asInt(),
                    g + ": equal-I/O wrote " + written + " topics, wiretag " + w.path("topics_written") + " (" + often + " often)");
        }
        String table = out.toString();
        assertTrue(table.contains("| wiretag | exactly_once_v2 |") && table.contains("| equal-io | at_least_once |"), table);
    }

    private static JsonNode find(JsonNode r, String topology, String guarantee) {
        for (JsonNode run : r.path("runs")) {
            if (run.path("topology").asText().equals(topology) && run.path("guarantee").asText().equals(guarantee)) {
                return run;
            }
        }
        throw new AssertionError("no run " + topology + "/" + guarantee + " in " + r);
    }
}
