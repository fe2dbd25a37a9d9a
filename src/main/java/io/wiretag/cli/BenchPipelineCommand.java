package io.wiretag.cli;

import io.wiretag.bench.BenchReport;
import io.wiretag.bench.PipelineBench;
import io.wiretag.config.WiretagConfig;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomySource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench pipeline}: wiretag's whole topology against a 1:1 and an equal-I/O Kafka Streams pass-through,
 * on one embedded broker in this JVM, over one generated stream; see {@link PipelineBench}.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Measure the whole topology on an embedded broker in this JVM against a 1-in-1-out Kafka Streams "
                + "pass-through and a pass-through that writes the same records and bytes per story as wiretag did in this run, "
                + "under each processing guarantee: stories/s, CPU per story, records and bytes written per story (all topics, "
                + "internal ones included), peak heap, and latency at fixed offered loads.",
                "Prints a table and writes --out (JSON). It takes minutes; run nothing else on the machine meanwhile."})
public final class BenchPipelineCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Option(names = "--stories", defaultValue = "10000", description = "Distinct stories in the stream; updates, kills and "
            + "redistributed copies come on top (default: ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--warmup-stories", defaultValue = "5000", description = "Distinct stories per warm-up round, sent through wiretag first, "
            + "not reported, until the JIT has settled (at most 4 rounds; default: ${DEFAULT-VALUE}; 0 for none).")
    int warmupStories;

    @Option(names = "--seed", defaultValue = "8", description = "Seed of the generated stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--guarantees", split = ",", defaultValue = "exactly_once_v2,at_least_once",
            description = "Processing guarantees to run; latency is measured under the first (default: ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(names = "--topologies", split = ",", defaultValue = "wiretag,passthrough,equal-io",
            description = "Topologies to run, in this order; equal-io needs wiretag before it (default: ${DEFAULT-VALUE}).")
    List<String> topologies;

    @Option(names = "--partitions", description = "Partitions of every topic (default: wiretag.topic.partitions).")
    Integer partitions;

    @Option(names = "--loads", split = ",", defaultValue = "50,200,1000",
            description = "Offered loads for the latency probe, stories/s (default: ${DEFAULT-VALUE}).")
    List<Integer> loads;

    @Option(names = "--load-seconds", defaultValue = "15", description = "Measured seconds per load (default: ${DEFAULT-VALUE}).")
    double loadSeconds;

    @Option(names = "--warm-seconds", defaultValue = "5", description = "Warm-up seconds per load, not measured (default: ${DEFAULT-VALUE}).")
    double warmSeconds;

    @Option(names = "--drain-seconds", defaultValue = "30",
            description = "After a load, how long to wait for the stories still not visible (default: ${DEFAULT-VALUE}).")
    double drainSeconds;

    @Option(names = "--latency-for", split = ",", defaultValue = "wiretag,passthrough,equal-io",
            description = "Topologies whose latency is measured (default: ${DEFAULT-VALUE}).")
    List<String> latencyFor;

    @Option(names = "--skip-latency", description = "Throughput only.")
    boolean skipLatency;

    @Option(names = "--quick", description = "A quick check that the harness works: 200 stories, one load of 20/s for 2 s. "
            + "Its figures mean nothing.")
    boolean quick;

    @Option(names = "--timeout", defaultValue = "900", description = "Give up on a run after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--out", defaultValue = "target/bench-pipeline.json", description = "JSON result file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (quick) {
            stories = 200;
            warmupStories = 0;
            loads = List.of(20);
            loadSeconds = 2;
            warmSeconds = 1;
            drainSeconds = 20;
        }
        WiretagConfig c = config.load();
        if (!c.embedded()) {
            err.println("wiretag bench pipeline: runs on its own embedded broker only; leave bootstrap.servers empty");
            return 2;
        }
        int parts = partitions != null ? partitions : c.getInt(WiretagConfig.PARTITIONS);
        if (stories < 1 || warmupStories < 0 || parts < 1 || loadSeconds <= 0 || warmSeconds < 0 || drainSeconds < 0 || timeoutSeconds < 1
                || loads.stream().anyMatch(l -> l < 1) || guarantees.isEmpty()) {
            err.println("wiretag bench pipeline: --stories, --partitions, --loads, --load-seconds and --timeout must be positive, "
                    + "--warmup-stories, --warm-seconds and --drain-seconds not negative, --guarantees not empty");
            return 2;
        }
        for (String g : guarantees) {
            if (!g.equals("exactly_once_v2") && !g.equals("at_least_once")) {
                err.println("wiretag bench pipeline: unknown guarantee " + g + " (exactly_once_v2 or at_least_once)");
                return 2;
            }
        }
        for (String t : topologies) {
            if (!List.of(PipelineBench.WIRETAG, PipelineBench.PASS_THROUGH, PipelineBench.EQUAL_IO).contains(t)) {
                err.println("wiretag bench pipeline: unknown topology " + t + " (wiretag, passthrough, equal-io)");
                return 2;
            }
        }
        if (topologies.contains(PipelineBench.EQUAL_IO) && (!topologies.contains(PipelineBench.WIRETAG)
                || topologies.indexOf(PipelineBench.EQUAL_IO) < topologies.indexOf(PipelineBench.WIRETAG))) {
            err.println("wiretag bench pipeline: equal-io copies wiretag's I/O of the same run: list wiretag before it");
            return 2;
        }
        Path taxonomyDir = TaxonomySource.resolve(c.path(WiretagConfig.TAXONOMY_DIR));
        if (!Files.isDirectory(taxonomyDir)) {
            err.println("wiretag bench pipeline: taxonomy directory " + taxonomyDir + " not found (set wiretag.taxonomy.dir)");
            return 2;
        }
        Taxonomy taxonomy = Taxonomy.load(taxonomyDir);
        PipelineBench.Options o = new PipelineBench.Options(stories, seed, guarantees, topologies, parts, loads, loadSeconds,
                warmSeconds, drainSeconds, skipLatency, latencyFor, Duration.ofSeconds(timeoutSeconds), warmupStories);
        long start = System.nanoTime();
        err.printf(Locale.ROOT, "bench pipeline: %d cores, max heap %d MB, load average %s; %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1_000_000, loadAverage(), quick ? "quick mode, figures mean nothing" : "this takes minutes");
        err.flush();
        PipelineBench.Outcome outcome;
        try {
            outcome = new PipelineBench(c, taxonomy, o, line -> {
                err.printf(Locale.ROOT, "bench pipeline [%4.0f s] %s%n", (System.nanoTime() - start) / 1e9, line);
                err.flush();
            }).run();
        } catch (RuntimeException e) {
            err.println("wiretag bench pipeline: " + oneLine(e));
            return 1;
        }
        BenchReport report = new BenchReport(outcome.runs(), outcome.stream(), o);
        stdout.println();
        stdout.println("stream: " + outcome.stream().line() + "; " + parts + " partitions; load average " + loadAverage() + " at end");
        stdout.println();
        stdout.print(report.table());
        report.write(out);
        stdout.println("wrote " + out);
        stdout.flush();
        return 0;
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static String loadAverage() {
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }
}
