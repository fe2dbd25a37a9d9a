package io.wiretag.bench;

import io.wiretag.config.WiretagConfig;
import io.wiretag.tagging.Taxonomy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One topology under one guarantee, on topics of its own (prefixed by the run's name) so that the runs of one
 * bench share a broker and nothing else: pre-load the stream onto the run's raw topic, start the topology,
 * time until every expected output is visible, let it drain, count what it wrote, then the latency loads.
 */
final class BenchRun {
    private final Admin admin;
    private final Map<String, Object> clients;
    private final WiretagConfig config;
    private final String run;
    private final PipelineBench.Options options;
    private final Consumer<String> progress;
    private final Path dataDir;
    private final String raw;

    BenchRun(Admin admin, Map<String, Object> clients, WiretagConfig config, String run, PipelineBench.Options options,
             Consumer<String> progress, Path dataDir) {
        this.admin = admin;
        this.clients = clients;
        this.config = config;
        this.run = run;
        this.options = options;
        this.progress = progress;
        this.dataDir = dataDir;
        this.raw = run + ".news.raw";
    }

    private String topology() {
        return run.substring(0, run.lastIndexOf('-'));
    }

    RunResult wiretag(Taxonomy taxonomy, List<StoryStream.Item> stream) throws InterruptedException {
        String p = run + ".";
        WiretagConfig c = config.with(WiretagConfig.APPLICATION_ID, "bench-" + run)
                .with(WiretagConfig.DATA_DIR, dataDir.toString())
                .withTopicPrefix(p)
                .with(WiretagConfig.TOPIC_RAW, raw);
        String taxonomyTopic = c.get(WiretagConfig.TOPIC_TAXONOMY);
        // Every input gives one record on news.tagged: a story, a new version, a kill, a copy marked duplicateOf.
        return measure(stream, stream.size(), () -> Subject.wiretag(c, bootstrap(), taxonomy, p),
                t -> !t.equals(raw) && !t.equals(taxonomyTopic));
    }

    RunResult oneToOne(List<StoryStream.Item> stream) throws InterruptedException {
        String out = run + ".out";
        PipelineBench.createTopics(admin, List.of(out), options.partitions());
        String app = "bench-" + run;
        return measure(stream, stream.size(), () -> Subject.streams(PassThrough.oneToOne(raw, out),
                        Subject.passThroughSettings(config, bootstrap(), app, dataDir), List.of(raw), List.of(out),
                        t -> t.equals(out) || t.startsWith(app + "-")),
                t -> !t.equals(raw));
    }

    RunResult equalIo(List<StoryStream.Item> stream, PassThrough.Shape shape) throws InterruptedException {
        List<String> topics = shape.topics();
        PipelineBench.createTopics(admin, topics, options.partitions());
        String app = "bench-" + run;
        progress.accept(String.format(Locale.ROOT, "%s: %.1f records per input over %d topics, %.1f of them through %d hop topic(s)",
                run, shape.recordsPerInput(), topics.size(), shape.hopRecords(), shape.hops().size()));
        List<String> inputs = new ArrayList<>(List.of(raw));
        shape.hops().forEach(h -> inputs.add(h.topic()));
        // A subscriber sees the outputs; the hop topics are the pass-through's inner workings, as wiretag's are.
        List<String> outputs = shape.outputs().isEmpty() ? shape.topics() : shape.outputs().stream().map(PassThrough.Share::topic).toList();
        return measure(stream, -1, () -> Subject.streams(PassThrough.equalIo(raw, shape),
                        Subject.passThroughSettings(config, bootstrap(), app, dataDir), inputs, outputs,
                        t -> topics.contains(t) || t.startsWith(app + "-")),
                t -> !t.equals(raw));
    }

    private String bootstrap() {
        return (String) clients.get("bootstrap.servers");
    }

    /**
     * The measurement: {@code expected} outputs (or, when -1, until drained and quiet), timed from RUNNING to
     * the last output seen; {@code counted} picks, among the topics the subject owns, those whose writes count.
     */
    private RunResult measure(List<StoryStream.Item> stream, long expected, Supplier<Subject> start, Predicate<String> counted)
            throws InterruptedException {
        PipelineBench.createTopics(admin, List.of(raw), options.partitions());
        preload(stream);
        Predicate<String> mine = t -> t.startsWith(run + ".") || t.startsWith("bench-" + run + "-");
        TopicIo.Snapshot before = TopicIo.snapshot(admin, mine);
        long loaded = before.perTopic().get(raw).offsets();
        if (loaded != stream.size()) {
            throw new IllegalStateException(run + ": " + raw + " holds " + loaded + " records after the pre-load of " + stream.size());
        }
        TopicIo.Snapshot internalBefore = TopicIo.snapshot(admin, PipelineBench.brokerInternal());
        long liveBefore = ProcessMeter.liveHeapNow();
        progress.accept(run + ": " + stream.size() + " records on " + raw + "; starting the topology");
        try (Subject s = start.get()) {
            long t0 = System.nanoTime();
            RunResult.Span span;
            try (ProcessMeter meter = new ProcessMeter();
                 OutputWatch watch = new OutputWatch(clients, s.outputTopics(), false)) {
                span = awaitOutputs(s, watch, meter, expected, t0);
            }
            PipelineBench.drain(admin, clients, s, options.timeout());
            long liveAfter = ProcessMeter.liveHeapNow();
            TopicIo.Snapshot written = TopicIo.snapshot(admin, mine.and(s.owns()).and(counted)).since(before);
            if (written.total().offsets() > 0 && written.total().bytesIn() == 0) {
                progress.accept(run + ": warning: the broker's byte meters are not visible in this JVM; bytes per story read 0");
            }
            TopicIo.Snapshot internal = TopicIo.snapshot(admin, PipelineBench.brokerInternal()).since(internalBefore);
            List<LatencyProbe.Result> latency = latency(s);
            if (s.failed()) {
                throw new IllegalStateException(run + ": the topology failed; see the log above");
            }
            return new RunResult(topology(), config.get(WiretagConfig.PROCESSING_GUARANTEE), stream.size(), span.outputs(), expected,
                    span.seconds(), span.firstSeconds(), span.steadySeconds(), span.usage(), liveBefore, liveAfter, written, internal, latency);
        }
    }

    private RunResult.Span awaitOutputs(Subject s, OutputWatch watch, ProcessMeter meter, long expected, long t0) throws InterruptedException {
        long deadline = t0 + options.timeout().toNanos();
        long lastReport = t0;
        long idleSince = 0;
        long lastLagCheck = 0;
        boolean firstSeen = false;
        List<long[]> samples = new ArrayList<>(); // (time, outputs visible), for the steady rate afterwards
        while (true) {
            watch.check();
            long now = System.nanoTime();
            long seen = watch.count();
            if (!firstSeen && seen > 0) {
                firstSeen = true;
                progress.accept(String.format(Locale.ROOT, "%s: first output after %.1f s", run, (watch.firstArrivalNanos() - t0) / 1e9));
            }
            samples.add(new long[] {now, seen});
            if (expected >= 0 && seen >= expected) {
                break;
            }
            if (s.failed()) {
                throw new IllegalStateException(run + ": the topology failed after " + seen + " outputs; see the log above");
            }
            if (now > deadline) {
                throw new IllegalStateException(run + ": " + seen + " of " + (expected < 0 ? "?" : expected)
                        + " outputs after " + options.timeout().toSeconds() + " s; giving up (raise --timeout)");
            }
            if (now - lastReport > 5_000_000_000L) {
                lastReport = now;
                progress.accept(String.format(Locale.ROOT, "%s: %,d%s outputs visible after %.0f s", run, seen,
                        expected < 0 ? "" : " of " + String.format(Locale.ROOT, "%,d", expected), (now - t0) / 1e9));
            }
            // Without a known count (or when wiretag writes fewer than expected): done when nothing is left to
            // consume and no output came for two seconds.
            if (now - watch.lastArrivalNanos() > 2_000_000_000L && seen > 0) {
                // At most once a second: each check is a consumer of its own, whose CPU the topology then lacks.
                if (idleSince == 0 && now - lastLagCheck > 1_000_000_000L) {
                    lastLagCheck = now;
                    if (io.wiretag.kafka.Drain.lag(admin, clients, s.applicationId(), s.inputTopics()).idle()) {
                        idleSince = now;
                    }
                }
                if (idleSince != 0 && now - idleSince > 1_000_000_000L) {
                    if (expected >= 0) {
                        progress.accept(String.format(Locale.ROOT, "%s: warning: drained with %,d outputs where %,d were expected",
                                run, seen, expected));
                    }
                    break;
                }
            } else {
                idleSince = 0;
            }
            Thread.sleep(20); // polling the watcher's count, not waiting for a result
        }
        long last = watch.lastArrivalNanos();
        ProcessMeter.Usage u = meter.read();
        double seconds = (last - t0) / 1e9;
        // CPU up to the last output: the process CPU the watcher read with that batch.
        double cpu = (watch.lastArrivalCpuNanos() - ProcessMeter.processCpuNanos()) / 1e9 + u.processCpuSeconds();
        double firstSeconds = watch.firstArrivalNanos() == 0 ? Double.NaN : (watch.firstArrivalNanos() - t0) / 1e9;
        double steadySeconds = steadySeconds(samples, watch.count());
        return new RunResult.Span(watch.count(), seconds, firstSeconds, steadySeconds, new ProcessMeter.Usage(seconds, cpu, u.streamThreadCpuSeconds(),
                u.peakHeapUsed(), u.peakHeapAfterGc(), u.cpuByThreadGroup(), u.gcSeconds(), u.gcCount()));
    }

    /**
     * The seconds from a tenth of {@code total} outputs visible to nine tenths, from the watcher's counts polled
     * every 20 ms; NaN when both fall in one poll (too few outputs to tell).
     */
    static double steadySeconds(List<long[]> samples, long total) {
        long tenth = 0;
        long ninetieth = 0;
        for (long[] s : samples) {
            if (tenth == 0 && s[1] * 10 >= total) {
                tenth = s[0];
            }
            if (ninetieth == 0 && s[1] * 10 >= total * 9) {
                ninetieth = s[0];
            }
        }
        return total == 0 || tenth == 0 || ninetieth <= tenth ? Double.NaN : (ninetieth - tenth) / 1e9;
    }

    private void preload(List<StoryStream.Item> stream) {
        try (KafkaProducer<byte[], byte[]> producer = PipelineBench.producer(clients)) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (StoryStream.Item i : stream) {
                sent.add(producer.send(LatencyProbe.raw(raw, i)));
            }
            producer.flush();
            for (var f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(run + ": cannot pre-load " + raw + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private List<LatencyProbe.Result> latency(Subject s) throws InterruptedException {
        if (options.skipLatency() || !options.latencyFor().contains(topology())
                || !config.get(WiretagConfig.PROCESSING_GUARANTEE).equals(options.guarantees().get(0))) {
            return List.of();
        }
        List<LatencyProbe.Result> out = new ArrayList<>();
        try (OutputWatch watch = new OutputWatch(clients, s.outputTopics(), true);
             KafkaProducer<byte[], byte[]> producer = LatencyProbe.producer(clients, 0)) {
            int k = 0;
            for (int rate : options.loads()) {
                int n = (int) Math.round(rate * (options.warmSeconds() + options.loadSeconds())) + 1;
                List<StoryStream.Item> fresh = new StoryStream(options.seed() + 1000 + k++, "lat-" + run + "-" + rate,
                        StoryStream.Mix.standard()).fresh(n);
                progress.accept(String.format(Locale.ROOT, "%s: latency at %,d stories/s (%.0f s warm-up, %.0f s measured)",
                        run, rate, options.warmSeconds(), options.loadSeconds()));
                LatencyProbe.Result r = LatencyProbe.run(producer, raw, watch, fresh, rate, options.warmSeconds(), options.loadSeconds(),
                        options.drainSeconds());
                out.add(r);
                progress.accept(String.format(Locale.ROOT, "%s: at %,d/s p50 %s ms, p99 %s ms, max %s ms; %,d of %,d visible at the end "
                                + "of the window%s", run, rate, BenchReport.ms(r.p50()), BenchReport.ms(r.p99()), BenchReport.ms(r.max()),
                        r.measured() - r.backlogAtEnd(), r.measured(), r.keptUp() ? "" : " (did not keep up)"));
                if (watch.outstanding() > 0 && k < options.loads().size()) {
                    // Still behind after the drain time: the next load would measure this backlog, not its own.
                    progress.accept(run + ": still " + watch.outstanding() + " stories not visible; waiting for the topology to drain");
                    PipelineBench.drain(admin, clients, s, options.timeout());
                }
            }
        }
        return out;
    }
}
