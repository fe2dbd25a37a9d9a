package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.FeedPoller;
import io.wiretag.ingest.FileIngest;
import io.wiretag.ingest.HotFolder;
import io.wiretag.ingest.RawSender;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ingest}: push raw stories onto {@code news.raw} from files, standard input, a hot folder
 * ({@code --watch}) or RSS/Atom feeds ({@code --rss}), with progress and a summary.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Push raw stories onto news.raw, from one of:",
                "  PATH...          files, directories (recursively), or - for standard input;",
                "  --watch DIR      a hot folder: each complete file is sent once, then moved to DIR/processed/",
                "                   (or DIR/failed/ with a .reason file); runs until stopped (Ctrl-C);",
                "  --rss URL|FILE   a feed polled every --interval seconds; each new or updated entry is sent",
                "                   as its own record; --once polls once and exits.",
                "Without bootstrap.servers it sends to the embedded broker of a running `demo` (127.0.0.1:9092)."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories; - reads one story from standard input.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--watch", paramLabel = "DIR", description = "Watch DIR as a hot folder until stopped.")
    Path watch;

    @Option(names = "--rss", paramLabel = "URL|FILE", description = "An RSS or Atom feed to poll (http(s) URL or file); may be repeated.")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "SECONDS", description = "With --rss: seconds between polls (default 60).")
    Integer intervalSeconds;

    @Option(names = "--once", description = "With --rss: poll once, send what is new, and exit.")
    boolean once;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "With --rss: where to remember the entries sent (default: <wiretag.data.dir>/feeds).")
    Path stateDir;

    @Option(names = "--settle", paramLabel = "SECONDS", description = "With --watch: a file must keep its size and time this long (default 2).")
    Integer settleSeconds;

    @Option(names = "--provider", description = "The provider of these stories, e.g. ap (header wiretag.provider).")
    String provider;

    @Option(names = "--format", description = "Format hint for the parser (header wiretag.format); detected when absent.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bad = checkArguments();
        if (bad != null) {
            err.println("wiretag ingest: " + bad + " (see --help)");
            return 2;
        }
        WiretagConfig c = config.load();
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        try (Cluster cluster = Cluster.connect(c, false);
             RawSender sender = new RawSender(cluster.clientSettings(), c.get(WiretagConfig.TOPIC_RAW))) {
            cluster.ensureTopics(c, List.of(c.get(WiretagConfig.TOPIC_RAW)));
            String where = " to " + c.get(WiretagConfig.TOPIC_RAW) + " on " + cluster.bootstrapServers();
            if (watch != null) {
                return watchFolder(c, sender, progress, out, where);
            }
            if (!feeds.isEmpty()) {
                return pollFeeds(c, sender, progress, out, where);
            }
            return sendPaths(sender, c.getInt(WiretagConfig.MAX_INPUT_BYTES), progress, out, err, where);
        }
    }

    /** The one-line reason the arguments do not make sense together, or null. */
    private String checkArguments() {
        int modes = (paths.isEmpty() ? 0 : 1) + (watch == null ? 0 : 1) + (feeds.isEmpty() ? 0 : 1);
        if (modes != 1) {
            return modes == 0 ? "give PATH..., --watch DIR or --rss URL|FILE" : "give only one of PATH..., --watch DIR and --rss URL|FILE";
        }
        if (feeds.isEmpty() && (once || intervalSeconds != null || stateDir != null)) {
            return "--once, --interval and --state-dir go with --rss";
        }
        if (watch == null && settleSeconds != null) {
            return "--settle goes with --watch";
        }
        if (intervalSeconds != null && intervalSeconds < 1) {
            return "--interval must be at least 1 second, not " + intervalSeconds;
        }
        if (settleSeconds != null && settleSeconds < 0) {
            return "--settle cannot be negative";
        }
        if (watch != null && !Files.isDirectory(watch)) {
            return "--watch needs a directory: " + watch;
        }
        for (String feed : feeds) {
            String lower = feed.toLowerCase(Locale.ROOT);
            if (lower.matches("[a-z][a-z0-9+.-]*://.*") && !lower.startsWith("http://") && !lower.startsWith("https://")) {
                return "--rss takes an http(s) URL or a file, not " + feed;
            }
            if (!lower.startsWith("http://") && !lower.startsWith("https://") && !Files.isRegularFile(Path.of(feed))) {
                return "no such feed file: " + feed;
            }
        }
        for (Path p : paths) {
            if (!p.toString().equals("-") && !Files.exists(p)) {
                return "no such file or directory: " + p;
            }
        }
        return null;
    }

    private int sendPaths(RawSender sender, int maxBytes, Consumer<String> progress, PrintWriter out, PrintWriter err, String where) throws Exception {
        boolean stdin = paths.stream().anyMatch(p -> p.toString().equals("-"));
        List<Path> files = paths.stream().filter(p -> !p.toString().equals("-")).toList();
        int sent = 0;
        if (stdin) {
            sender.send(Inputs.readStdin(maxBytes), provider, "stdin", "stdin", format, Instant.now()).get();
            sent++;
        }
        FileIngest.Summary s = new FileIngest(sender, provider, format, maxBytes)
                .send(FileIngest.expand(files), progress);
        s.problems().forEach(err::println);
        out.println("ingest: " + new FileIngest.Summary(s.sent() + sent, s.failed(), s.skipped(), s.problems()).line() + where);
        return s.failed() > 0 ? 1 : 0;
    }

    /** Until Ctrl-C: the summary is printed by the shutdown hook, which waits for the scan in progress. */
    private int watchFolder(WiretagConfig c, RawSender sender, Consumer<String> progress, PrintWriter out, String where) throws Exception {
        HotFolder.Settings d = HotFolder.Settings.defaults();
        HotFolder.Settings settings = new HotFolder.Settings(c.getInt(WiretagConfig.MAX_INPUT_BYTES),
                settleSeconds != null ? Duration.ofSeconds(settleSeconds) : d.settle(), d.scanInterval(), provider, format);
        HotFolder folder = new HotFolder(watch, sender, settings, progress);
        AtomicBoolean reported = new AtomicBoolean();
        Runnable report = () -> {
            if (reported.compareAndSet(false, true)) {
                out.println("ingest: " + folder.summary().line() + where + " from hot folder " + watch);
                out.flush();
            }
        };
        Thread hook = new Thread(() -> {
            folder.close();
            report.run();
        }, "wiretag-ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        progress.accept("watch: watching " + watch + " (processed/ and failed/ inside it); stop with Ctrl-C");
        try {
            folder.run();
        } finally {
            folder.close();
        }
        report.run();
        return folder.summary().failed() > 0 ? 1 : 0;
    }

    private int pollFeeds(WiretagConfig c, RawSender sender, Consumer<String> progress, PrintWriter out, String where) throws Exception {
        Path states = stateDir != null ? stateDir : c.path(WiretagConfig.DATA_DIR).resolve("feeds");
        List<FeedPoller> pollers = new ArrayList<>();
        for (String feed : feeds) {
            FeedPoller.Settings s = new FeedPoller.Settings(c.getInt(WiretagConfig.MAX_INPUT_BYTES), Duration.ofSeconds(10),
                    Duration.ofSeconds(30), provider);
            pollers.add(new FeedPoller(feed, sender, s, states.resolve(stateName(feed))));
        }
        Duration interval = Duration.ofSeconds(intervalSeconds != null ? intervalSeconds : 60);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean reported = new AtomicBoolean();
        boolean[] anyError = {false};
        Runnable report = () -> {
            if (reported.compareAndSet(false, true)) {
                int sent = pollers.stream().mapToInt(p -> p.summary().sent()).sum();
                int failed = pollers.stream().mapToInt(p -> p.summary().failed()).sum();
                out.println("ingest: " + new FileIngest.Summary(sent, failed, 0, List.of()).line() + where
                        + " from " + feeds.size() + (feeds.size() == 1 ? " feed" : " feeds"));
                out.flush();
            }
        };
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            report.run();
        }, "wiretag-ingest-stop");
        if (!once) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            do {
                for (FeedPoller p : pollers) {
                    FeedPoller.Poll poll = p.pollOnce();
                    anyError[0] |= poll.error() != null;
                    progress.accept(poll.line(p.source()));
                }
            } while (!once && !stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            stopped.countDown();
        }
        report.run();
        return anyError[0] ? 1 : 0;
    }

    /** A state file per feed, named from the feed so two feeds never share one. */
    static String stateName(String feed) throws Exception {
        String readable = feed.replaceAll("^[a-zA-Z]+://", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        readable = readable.length() > 60 ? readable.substring(0, 60) : readable;
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(feed.getBytes(StandardCharsets.UTF_8)));
        return readable + "-" + hash.substring(0, 12) + ".json";
    }
}
