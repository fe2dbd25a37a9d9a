package io.wiretag.bench;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.Drain;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.TopicAdmin;
import io.wiretag.tagging.Taxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code bench pipeline}: in one JVM with one embedded broker, the same generated stream through wiretag's
 * whole topology, a 1-in-1-out pass-through and an equal-I/O pass-through, under each processing guarantee;
 * throughput, CPU, records and bytes written, heap, and latency at fixed offered loads.
 */
public final class PipelineBench {
    public static final String WIRETAG = "wiretag";
    public static final String PASS_THROUGH = "passthrough";
    public static final String EQUAL_IO = "equal-io";

    /** What to run. Latency is measured under {@code latencyGuarantee} for the topologies in {@code latencyFor}. */
    public record Options(int stories, long seed, List<String> guarantees, List<String> topologies, int partitions,
                          List<Integer> loads, double loadSeconds, double warmSeconds, double drainSeconds,
                          boolean skipLatency, List<String> latencyFor, Duration timeout, int warmupStories) {
    }

    /** The stream that was sent and what each run did with it. */
    public record Outcome(StreamStats stream, List<RunResult> runs) {
    }

    private final WiretagConfig base;
    private final Taxonomy taxonomy;
    private final Options options;
    private final Consumer<String> progress;

    public PipelineBench(WiretagConfig base, Taxonomy taxonomy, Options options, Consumer<String> progress) {
        this.base = base;
        this.taxonomy = taxonomy;
        this.options = options;
        this.progress = progress;
    }

    /** Runs everything on a fresh broker in a temporary directory, deleted after. */
    public Outcome run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wiretag-bench-");
        if (!ProcessMeter.keepHeapCommitted()) {
            progress.accept("note: the JVM gives heap back after the full collections between runs; each run pays for growing it again");
        }
        try {
            EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
            try (broker) {
                return runOn(broker.bootstrapServers(), dir);
            }
        } finally {
            deleteTree(dir);
        }
    }

    private Outcome runOn(String bootstrap, Path dir) throws InterruptedException {
        Map<String, Object> clients = Subject.clients(base, bootstrap);
        List<StoryStream.Item> stream = new StoryStream(options.seed(), "s", StoryStream.Mix.standard()).generate(options.stories());
        StreamStats stats = StreamStats.of(stream);
        progress.accept("stream: " + stats.line());
        List<RunResult> results = new ArrayList<>();
        try (Admin admin = Admin.create(clients)) {
            if (options.warmupStories() > 0) {
                warmUp(admin, clients, bootstrap, dir);
            }
            for (String g : options.guarantees()) {
                RunResult wiretag = null;
                RunResult oneToOne = null;
                for (String topology : options.topologies()) {
                    String run = topology + "-" + shortName(g);
                    BenchRun r = new BenchRun(admin, clients, configFor(g, bootstrap), run, options, progress, dir.resolve(run));
                    RunResult result = switch (topology) {
                        case WIRETAG -> r.wiretag(taxonomy, stream);
                        case PASS_THROUGH -> r.oneToOne(stream);
                        case EQUAL_IO -> {
                            if (wiretag == null) {
                                throw new IllegalArgumentException("the equal-I/O pass-through needs the wiretag run of the same guarantee first");
                            }
                            yield r.equalIo(stream, shapeOf(wiretag, oneToOne, stats, run));
                        }
                        default -> throw new IllegalArgumentException("unknown topology " + topology
                                + " (known: " + WIRETAG + ", " + PASS_THROUGH + ", " + EQUAL_IO + ")");
                    };
                    if (topology.equals(WIRETAG)) {
                        wiretag = result;
                    } else if (topology.equals(PASS_THROUGH)) {
                        oneToOne = result;
                    }
                    results.add(result);
                    progress.accept(BenchReport.summaryLine(result));
                }
            }
        }
        return new Outcome(stats, results);
    }

    /** At most this many warm-up rounds. */
    static final int MAX_WARMUP_ROUNDS = 4;
    /** The JIT is taken as settled when it compiled for less than this share of a round's wall time. */
    static final double JIT_SETTLED = 0.25;

    /**
     * Sends generated stories through wiretag, unreported, until the JIT has settled: with the broker, the
     * clients, Streams and wiretag in one JVM on two cores, C2 compiles for a minute or more, and a run
     * measured meanwhile pays for it while the runs after it do not. One round of {@code warmupStories}, then
     * more (another seed each) while the JIT compiled for more than a quarter of the round's wall time.
     */
    private void warmUp(Admin admin, Map<String, Object> clients, String bootstrap, Path dir) throws InterruptedException {
        String g = options.guarantees().get(0);
        for (int round = 1; round <= MAX_WARMUP_ROUNDS; round++) {
            List<StoryStream.Item> warm = new StoryStream(options.seed() + round, "w" + round, StoryStream.Mix.standard())
                    .generate(options.warmupStories());
            String run = "warmup" + round + "-" + shortName(g);
            long jit0 = ProcessMeter.jitMillis();
            long t0 = System.nanoTime();
            new BenchRun(admin, clients, configFor(g, bootstrap), run, options, progress, dir.resolve(run)).wiretag(taxonomy, warm);
            double share = (ProcessMeter.jitMillis() - jit0) / ((System.nanoTime() - t0) / 1e6);
            progress.accept(String.format(java.util.Locale.ROOT, "warm-up round %d: %,d records through wiretag under %s, "
                    + "not reported; the JIT compiled for %.0f %% of it", round, warm.size(), g, 100 * share));
            if (share < JIT_SETTLED) {
                return;
            }
        }
        progress.accept("warm-up: the JIT is still compiling after " + MAX_WARMUP_ROUNDS + " rounds; the figures include it");
    }

    private WiretagConfig configFor(String guarantee, String bootstrap) {
        return base.with(WiretagConfig.PROCESSING_GUARANTEE, guarantee)
                .with(WiretagConfig.PARTITIONS, String.valueOf(options.partitions()))
                .with(WiretagConfig.BOOTSTRAP_SERVERS, bootstrap);
    }

    /**
     * The equal-I/O shape from wiretag's run, topic for topic: the same offsets per input and the same bytes
     * appended per record; wiretag's repartition topics become hop topics read back by the second
     * sub-topology. The per-record overhead of the log format is taken from the 1:1 run (its output bytes per
     * record less the keys, values and headers it copied) when there is one, else 70 bytes.
     */
    static PassThrough.Shape shapeOf(RunResult wiretag, RunResult oneToOne, StreamStats stats, String run) {
        double overhead = 70;
        if (oneToOne != null && oneToOne.written().total().offsets() > 0) {
            double perRecord = oneToOne.written().total().bytesIn() / (double) oneToOne.written().total().offsets();
            overhead = Math.max(0, perRecord - stats.averagePayloadBytes());
        }
        String wiretagRun = WIRETAG + "-" + shortName(wiretag.guarantee());
        List<PassThrough.Share> hops = new ArrayList<>();
        List<PassThrough.Share> outputs = new ArrayList<>();
        for (Map.Entry<String, TopicIo.Counts> e : wiretag.written().perTopic().entrySet()) {
            String name = e.getKey().replaceFirst("^" + java.util.regex.Pattern.quote(wiretagRun + "."), "")
                    .replaceFirst("^" + java.util.regex.Pattern.quote("bench-" + wiretagRun + "-"), "");
            TopicIo.Counts c = e.getValue();
            double records = c.offsets() / (double) wiretag.inputs();
            int payload = (int) Math.max(16, Math.round(c.bytesIn() / (double) Math.max(1, c.offsets()) - overhead));
            PassThrough.Share share = new PassThrough.Share(run + "." + name, records, payload);
            (e.getKey().endsWith("-repartition") ? hops : outputs).add(share);
        }
        if (hops.stream().mapToDouble(PassThrough.Share::recordsPerInput).sum() < 1) {
            // No hop in wiretag's run: the topic it wrote most to is read back, so the pass-through has two sub-topologies too.
            PassThrough.Share most = outputs.stream().max(java.util.Comparator.comparingDouble(PassThrough.Share::recordsPerInput))
                    .orElseThrow(() -> new IllegalStateException("wiretag wrote nothing in " + wiretagRun));
            outputs.remove(most);
            hops.add(most);
        }
        return new PassThrough.Shape(hops, outputs);
    }

    static String shortName(String guarantee) {
        return switch (guarantee) {
            case "exactly_once_v2" -> "eos";
            case "at_least_once" -> "alos";
            default -> guarantee.replaceAll("[^a-z0-9]", "");
        };
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless
        }
    }

    /** Creates {@code names} with {@code partitions} partitions when missing. */
    static void createTopics(Admin admin, List<String> names, int partitions) throws InterruptedException {
        TopicAdmin.ensure(admin, names, List.<String>of(), partitions, (short) 1);
        // A producer that writes to a partition before the broker serves it gets NOT_LEADER_OR_FOLLOWER and
        // retries; an idempotent one was then seen here to reset its sequence and be refused for good. Wait until
        // the broker answers for every partition (ListOffsets goes to the partition's replica itself).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                admin.describeTopics(names).allTopicNames().get().forEach((n, d) -> d.partitions().forEach(p ->
                        latest.put(new org.apache.kafka.common.TopicPartition(n, p.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest())));
                if (latest.size() == names.size() * partitions) {
                    admin.listOffsets(latest).all().get();
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // not served yet: retry until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics " + names + " are not served by the broker after 30 s");
            }
            Thread.sleep(50); // polling the broker, not waiting for a result
        }
    }

    static void drain(Admin admin, Map<String, Object> clients, Subject s, Duration timeout) throws InterruptedException {
        Drain.awaitIdle(admin, clients, s.applicationId(), s.inputTopics(), timeout, lag -> { });
    }

    /**
     * The pre-load producer: acks=all, one request in flight so a retry keeps the order, and not idempotent:
     * on a freshly created partition an idempotent producer was seen here to get stuck on
     * OUT_OF_ORDER_SEQUENCE_NUMBER after a NOT_LEADER_OR_FOLLOWER retry. The run checks the count it wrote.
     */
    static KafkaProducer<byte[], byte[]> producer(Map<String, Object> clients) {
        Map<String, Object> props = new java.util.HashMap<>(clients);
        props.put("enable.idempotence", "false");
        props.put("acks", "all");
        props.put("max.in.flight.requests.per.connection", "1");
        props.put("linger.ms", "5");
        props.put("batch.size", "262144");
        props.put("compression.type", "lz4");
        return new KafkaProducer<>(props, new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    static Predicate<String> brokerInternal() {
        return t -> t.equals("__consumer_offsets") || t.equals("__transaction_state");
    }
}
