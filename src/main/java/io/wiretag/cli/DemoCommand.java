package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.FormatDetector;
import io.wiretag.ingest.FileIngest;
import io.wiretag.ingest.RawSender;
import io.wiretag.ingest.ReplayOrder;
import io.wiretag.kafka.Drain;
import io.wiretag.kafka.Ports;
import io.wiretag.kafka.TopicDump;
import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.Pipeline;
import io.wiretag.serve.AppServer;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomySource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: a Kafka broker in this JVM, the pipeline, the bundled sample stories, and a line per
 * story as it is routed. {@code demo --once --input DIR --dump OUT} ingests DIR instead, waits until the
 * pipeline has consumed everything, writes every wiretag topic to {@code OUT/<topic>.ndjson} and exits.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run everything on this machine: an embedded Kafka broker, the pipeline, sample stories.",
                "With --once: ingest --input DIR, wait until all is processed, dump every topic to --dump OUT, exit."})
public final class DemoCommand implements Callable<Integer> {
    private static final String SAMPLES = "/samples/";

    @Mixin
    ConfigOptions config;

    @Option(names = "--once", description = "Process the input, dump the topics and exit (uses a fresh, temporary broker).")
    boolean once;

    @Option(names = "--input", paramLabel = "DIR", description = "Ingest every file in DIR (recursively) instead of the bundled samples.")
    Path input;

    @Option(names = "--dump", paramLabel = "OUT", description = "With --once: write each topic's records to OUT/<topic>.ndjson.")
    Path dump;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --once: give up when the pipeline has not caught up after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    @SuppressWarnings("try") // LiveLines prints from its own thread for as long as the try block runs
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dump != null && !once) {
            err.println("wiretag demo: --dump goes with --once");
            return 2;
        }
        if (input != null && !Files.isDirectory(input)) {
            err.println("wiretag demo: --input must be a directory: " + input);
            return 2;
        }
        WiretagConfig c = config.load();
        Path tempData = null;
        if (once && !config.settings.containsKey(WiretagConfig.TREND_TIME) && System.getenv(WiretagConfig.envName(WiretagConfig.TREND_TIME)) == null) {
            // A batch over a folder is a replay: its trends and surges in the minutes the stories were filed.
            c = c.with(WiretagConfig.TREND_TIME, "filed");
        }
        if (once && c.embedded()) {
            // A fresh broker for each --once run, so the dump holds this run's records and nothing older.
            tempData = Files.createTempDirectory("wiretag-demo-");
            c = c.with(WiretagConfig.DATA_DIR, tempData.toString()).with(WiretagConfig.EMBEDDED_PORT, "0");
        }
        if (!once) {
            // On a laptop something else often holds 8080: the demo takes a free port rather than failing.
            String bind = c.get(WiretagConfig.HTTP_BIND);
            int port = c.getInt(WiretagConfig.HTTP_PORT);
            if (port > 0 && !Ports.isFree(bind, port)) {
                int free = Ports.free(bind);
                err.println("wiretag demo: port " + port + " is busy; the dashboard and POST /ingest are on " + free
                        + " instead (set wiretag.http.port)");
                c = c.with(WiretagConfig.HTTP_PORT, String.valueOf(free));
            }
        }
        Taxonomy taxonomy = Taxonomy.load(TaxonomySource.resolve(c.path(WiretagConfig.TAXONOMY_DIR)));
        try (Cluster cluster = Cluster.connect(c, true);
             Pipeline pipeline = Pipeline.start(c, cluster.bootstrapServers(), taxonomy);
             LiveLines lines = new LiveLines(cluster.clientSettings(), pipeline.topics(), out)) {
            Topics topics = pipeline.topics();
            out.println("wiretag demo: pipeline running against " + cluster.bootstrapServers() + ", taxonomy " + taxonomy.version());
            out.flush();
            FileIngest.Summary summary;
            try (RawSender sender = new RawSender(cluster.clientSettings(), topics.raw().name())) {
                summary = input != null ? ingestDir(sender, c.getInt(WiretagConfig.MAX_INPUT_BYTES), err) : ingestSamples(sender);
            }
            out.println("wiretag demo: ingested " + summary.line());
            summary.problems().forEach(err::println);
            out.flush();
            if (!once) {
                // Not with --once: a batch run has no use for the port and must not collide with a running demo.
                try (AppServer http = AppServer.start(c, cluster.clientSettings(), pipeline.streams())) {
                    out.println("wiretag demo: watching; ingest more with `java -jar target/wiretag.jar ingest FILE...`"
                            + " or POST to http://" + http.address() + "/ingest; stop with Ctrl-C");
                    out.flush();
                    Throwable failure = Cluster.serveUntilStopped(http, pipeline, cluster);
                    return failure == null ? 0 : 1;
                }
            }
            long waitStart = System.nanoTime();
            long[] lastReport = {waitStart};
            Drain.awaitIdle(pipeline.admin(), cluster.clientSettings(), pipeline.applicationId(),
                    pipeline.inputTopics(), Duration.ofSeconds(timeoutSeconds), lag -> {
                        long now = System.nanoTime();
                        if (now - lastReport[0] >= 2_000_000_000L) {
                            lastReport[0] = now;
                            err.printf("demo: %d records still to process (%.0f s)%n", lag.total(), (now - waitStart) / 1e9);
                            err.flush();
                        }
                    });
            out.printf("wiretag demo: pipeline caught up in %.1f s%n", (System.nanoTime() - waitStart) / 1e9);
            if (pipeline.failed()) {
                err.println("wiretag demo: the pipeline failed; see the log above");
                return 1;
            }
            if (dump != null) {
                Map<String, Integer> counts = dumpAll(pipeline, cluster.clientSettings(), topics);
                out.println("wiretag demo: wrote " + dump + "/: " + counts);
            }
            return 0;
        } finally {
            if (tempData != null) {
                deleteTree(tempData);
            }
        }
    }

    private FileIngest.Summary ingestDir(RawSender sender, int maxBytes, PrintWriter err) {
        List<Path> files = FileIngest.expand(List.of(input));
        if (once) {
            // A replay: sent in the order the stories were filed, as the trends count them.
            err.println("wiretag demo: ordering " + files.size() + " files by when their stories were filed");
            files = ReplayOrder.byFiledTime(files, FormatDetector.standard(maxBytes), maxBytes);
        }
        return new FileIngest(sender, null, null, maxBytes).send(files, line -> {
            err.println(line);
            err.flush();
        });
    }

    /** The bundled samples, listed in {@code samples/index.txt} inside the jar. */
    private static FileIngest.Summary ingestSamples(RawSender sender) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + "index.txt")) {
            if (in == null) {
                throw new IOException("the jar has no bundled samples (samples/index.txt)");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        }
        int sent = 0;
        for (String name : names) {
            try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLES + name)) {
                if (in == null) {
                    throw new IOException("bundled sample missing: " + name);
                }
                sender.send(in.readAllBytes(), "demo", "samples/" + name, "samples", null, Instant.now()).get();
                sent++;
            } catch (ExecutionException e) {
                throw new IOException("cannot send sample " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        return new FileIngest.Summary(sent, 0, 0, List.of());
    }

    private Map<String, Integer> dumpAll(Pipeline pipeline, Map<String, Object> clients, Topics topics) throws Exception {
        List<String> names = new ArrayList<>(topics.fixed());
        pipeline.admin().listTopics().names().get().stream()
                .filter(t -> t.startsWith(topics.topicPrefix())).sorted().forEach(names::add);
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : names) {
            counts.put(t, TopicDump.dump(clients, t, dump));
        }
        return counts;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless; the OS cleans it
        }
    }
}
