package io.wiretag.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's table (Markdown) and {@code bench-pipeline.json}, with wiretag's ratios to the pass-throughs. */
public final class BenchReport {
    private final List<RunResult> results;
    private final StreamStats stream;
    private final PipelineBench.Options options;

    public BenchReport(List<RunResult> results, StreamStats stream, PipelineBench.Options options) {
        this.results = results;
        this.stream = stream;
        this.options = options;
    }

    static String summaryLine(RunResult r) {
        return String.format(Locale.ROOT, "%s %s: %,d inputs in %.1f s = %,.0f stories/s, %.2f ms CPU per story, "
                        + "%.1f records and %.1f KB written per story over %d topics, peak heap %.0f MB", r.topology(), r.guarantee(),
                r.inputs(), r.seconds(), r.storiesPerSecond(), r.cpuMsPerStory(), r.recordsPerStory(), r.bytesPerStory() / 1000,
                r.topicsWritten(), r.peakHeapMb());
    }

    RunResult find(String topology, String guarantee) {
        return results.stream().filter(r -> r.topology().equals(topology) && r.guarantee().equals(guarantee)).findFirst().orElse(null);
    }

    /** wiretag's stories/s over {@code other}'s under {@code guarantee}, or NaN when either did not run. */
    double ratio(String other, String guarantee) {
        RunResult w = find(PipelineBench.WIRETAG, guarantee);
        RunResult o = find(other, guarantee);
        return w == null || o == null ? Double.NaN : w.storiesPerSecond() / o.storiesPerSecond();
    }

    public String table() {
        StringBuilder b = new StringBuilder();
        b.append("| topology | guarantee | stories/s | stories/s steady (10-90 %) | first output s | CPU ms/story (process) | CPU ms/story (stream threads) | records/story "
                + "| KB/story | topics |");
        for (int l : options.loads()) {
            b.append(String.format(Locale.ROOT, " latency p50/p99/max ms at %,d/s |", l));
        }
        b.append(" heap MB: peak used / live after run |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        b.append("---:|".repeat(options.loads().size())).append("---:|\n");
        for (RunResult r : results) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %s | %.2f | %.2f | %.1f | %.1f | %d |", r.topology(), r.guarantee(),
                    r.storiesPerSecond(), Double.isNaN(r.steadyStoriesPerSecond()) ? "-" : String.format(Locale.ROOT, "%,.0f", r.steadyStoriesPerSecond()),
                    Double.isNaN(r.firstOutputSeconds()) ? "-" : String.format(Locale.ROOT, "%.1f", r.firstOutputSeconds()), r.cpuMsPerStory(), r.streamThreadCpuMsPerStory(), r.recordsPerStory(), r.bytesPerStory() / 1000,
                    r.topicsWritten()));
            for (int l : options.loads()) {
                LatencyProbe.Result lat = r.latencyAt(l);
                b.append(lat == null ? " - |" : String.format(Locale.ROOT, " %s / %s / %s%s |", ms(lat.p50()), ms(lat.p99()), ms(lat.max()),
                        lat.keptUp() ? "" : " (behind: " + lat.backlogAtEnd() + " at end)"));
            }
            b.append(String.format(Locale.ROOT, " %.0f / %.0f |%n", r.peakHeapMb(), r.liveHeapAfterMb()));
        }
        b.append('\n');
        for (String g : options.guarantees()) {
            b.append(String.format(Locale.ROOT, "%s: wiretag / equal-I/O pass-through = %s, wiretag / 1:1 pass-through = %s%n", g,
                    fmt(ratio(PipelineBench.EQUAL_IO, g)), fmt(ratio(PipelineBench.PASS_THROUGH, g))));
        }
        b.append(String.format(Locale.ROOT, "%nCPU ms per story by thread group (to the moment the end was seen):%n"));
        for (RunResult r : results) {
            b.append(String.format(Locale.ROOT, "  %-12s %-16s GC time %.2f ms (%d collections);", r.topology(), r.guarantee(),
                    r.usage().gcSeconds() * 1000 / r.inputs(), r.usage().gcCount()));
            r.cpuMsPerStoryByThreadGroup().entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                    .forEach(e -> b.append(String.format(Locale.ROOT, " %s %.2f;", e.getKey(), e.getValue())));
            b.append('\n');
        }
        for (RunResult r : results) {
            if (!r.topology().equals(PipelineBench.WIRETAG)) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "%nwiretag %s, written per story, by topic (records / KB):%n", r.guarantee()));
            r.written().perTopic().entrySet().stream()
                    .sorted((x, y) -> Long.compare(y.getValue().bytesIn(), x.getValue().bytesIn()))
                    .forEach(e -> b.append(String.format(Locale.ROOT, "  %-60s %6.2f / %6.2f%n", e.getKey(),
                            e.getValue().offsets() / (double) r.inputs(), e.getValue().bytesIn() / 1000.0 / r.inputs())));
            r.brokerInternal().perTopic().forEach((t, c) -> b.append(String.format(Locale.ROOT, "  %-60s %6.2f records (offset commits, "
                    + "transaction state)%n", t, c.offsets() / (double) r.inputs())));
        }
        return b.toString();
    }

    static String ms(double v) {
        return Double.isInfinite(v) ? "∞" : Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    public ObjectNode json() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("ratio_equal_io_eos", num(ratio(PipelineBench.EQUAL_IO, "exactly_once_v2")));
        root.put("ratio_equal_io_alos", num(ratio(PipelineBench.EQUAL_IO, "at_least_once")));
        root.put("ratio_passthrough_eos", num(ratio(PipelineBench.PASS_THROUGH, "exactly_once_v2")));
        root.put("ratio_passthrough_alos", num(ratio(PipelineBench.PASS_THROUGH, "at_least_once")));
        RunResult eos = find(PipelineBench.WIRETAG, "exactly_once_v2");
        RunResult alos = find(PipelineBench.WIRETAG, "at_least_once");
        RunResult main = eos != null ? eos : alos;
        root.put("stories_per_s_eos", eos == null ? null : num(eos.storiesPerSecond()));
        root.put("steady_stories_per_s_eos", eos == null ? null : num(eos.steadyStoriesPerSecond()));
        root.put("stories_per_s_alos", alos == null ? null : num(alos.storiesPerSecond()));
        root.put("cpu_ms_per_story_eos", eos == null ? null : num(eos.cpuMsPerStory()));
        root.put("stream_thread_cpu_ms_per_story_eos", eos == null ? null : num(eos.streamThreadCpuMsPerStory()));
        root.put("records_per_story", main == null ? null : num(main.recordsPerStory()));
        root.put("bytes_per_story", main == null ? null : num(main.bytesPerStory()));
        root.put("peak_heap_mb", main == null ? null : num(main.peakHeapMb()));
        root.put("live_heap_after_run_mb", main == null ? null : num(main.liveHeapAfterMb()));
        root.put("live_heap_of_topology_mb", main == null ? null : num(main.liveHeapOfTopologyMb()));
        LatencyProbe.Result at200 = main == null ? null : main.latencyAt(200);
        root.put("latency_p99_ms_at_200", at200 == null ? null : num(at200.p99()));
        root.put("cores", ProcessMeter.cores());
        root.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1_000_000);
        root.put("java", System.getProperty("java.version"));
        ObjectNode s = root.putObject("stream");
        s.put("records", stream.records());
        stream.byKind().forEach((k, v) -> s.put(k.name().toLowerCase(Locale.ROOT), v));
        s.put("average_bytes", Math.round(stream.averageBytes()));
        s.put("format", "ninjs");
        ObjectNode o = root.putObject("options");
        o.put("stories", options.stories());
        o.put("seed", options.seed());
        o.put("partitions", options.partitions());
        o.put("load_seconds", options.loadSeconds());
        o.put("warm_seconds", options.warmSeconds());
        ArrayNode runs = root.putArray("runs");
        for (RunResult r : results) {
            ObjectNode n = runs.addObject();
            n.put("topology", r.topology());
            n.put("guarantee", r.guarantee());
            n.put("inputs", r.inputs());
            n.put("outputs_seen", r.outputsSeen());
            n.put("outputs_expected", r.outputsExpected());
            n.put("seconds", num(r.seconds()));
            n.put("stories_per_s", num(r.storiesPerSecond()));
            n.put("steady_stories_per_s", num(r.steadyStoriesPerSecond()));
            n.put("first_output_s", num(r.firstOutputSeconds()));
            n.put("cpu_ms_per_story", num(r.cpuMsPerStory()));
            n.put("stream_thread_cpu_ms_per_story", num(r.streamThreadCpuMsPerStory()));
            n.put("records_per_story", num(r.recordsPerStory()));
            n.put("bytes_per_story", num(r.bytesPerStory()));
            n.put("bytes_on_disk_per_story", num(r.bytesOnDiskPerStory()));
            n.put("topics_written", r.topicsWritten());
            n.put("peak_heap_mb", num(r.peakHeapMb()));
            n.put("peak_heap_after_any_gc_mb", num(r.peakHeapAfterGcMb()));
            n.put("live_heap_after_run_mb", num(r.liveHeapAfterMb()));
            n.put("live_heap_of_topology_mb", num(r.liveHeapOfTopologyMb()));
            n.put("gc_ms_per_story", num(r.usage().gcSeconds() * 1000 / r.inputs()));
            n.put("gc_collections", r.usage().gcCount());
            ObjectNode groups = n.putObject("cpu_ms_per_story_by_thread_group");
            r.cpuMsPerStoryByThreadGroup().forEach((g, v) -> groups.put(g, num(v)));
            ObjectNode per = n.putObject("per_topic");
            r.written().perTopic().forEach((t, c) -> {
                ObjectNode tn = per.putObject(t);
                tn.put("records_per_story", num(c.offsets() / (double) r.inputs()));
                tn.put("bytes_per_story", num(c.bytesIn() / (double) r.inputs()));
            });
            ObjectNode broker = n.putObject("broker_internal_per_story");
            r.brokerInternal().perTopic().forEach((t, c) -> broker.put(t, num(c.offsets() / (double) r.inputs())));
            ArrayNode lat = n.putArray("latency");
            for (LatencyProbe.Result l : r.latency()) {
                ObjectNode ln = lat.addObject();
                ln.put("offered_per_s", l.offeredPerSecond());
                ln.put("achieved_per_s", num(l.achievedPerSecond()));
                ln.put("measured", l.measured());
                ln.put("visible", l.visible());
                ln.put("p50_ms", num(l.p50()));
                ln.put("p99_ms", num(l.p99()));
                ln.put("max_ms", num(l.max()));
                ln.put("backlog_at_end", l.backlogAtEnd());
                ln.put("kept_up", l.keptUp());
            }
        }
        return root;
    }

    /** A figure for JSON: rounded to 4 significant places, null when not measured or unbounded. */
    private static Double num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        return Double.valueOf(String.format(Locale.ROOT, "%.4g", v));
    }

    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
    }

    static List<String> names(List<RunResult> rs) {
        List<String> out = new ArrayList<>();
        rs.forEach(r -> out.add(r.topology() + "/" + r.guarantee()));
        return out;
    }
}
