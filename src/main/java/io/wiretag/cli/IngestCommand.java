package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.FileIngest;
import io.wiretag.ingest.RawSender;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ingest PATH...}: push raw stories onto {@code news.raw}, with progress and a summary. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Push raw stories onto news.raw: files, directories (recursively), or - for standard input.",
                "Without bootstrap.servers it sends to the embedded broker of a running `demo` (127.0.0.1:9092)."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories; - reads one story from standard input.")
    List<Path> paths;

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
        WiretagConfig c = config.load();
        boolean stdin = paths.stream().anyMatch(p -> p.toString().equals("-"));
        List<Path> files = paths.stream().filter(p -> !p.toString().equals("-")).toList();
        List<Path> existing = Inputs.existing(files, err);
        if (existing.size() < files.size()) {
            return 2;
        }
        try (Cluster cluster = Cluster.connect(c, false);
             RawSender sender = new RawSender(cluster.clientSettings(), c.get(WiretagConfig.TOPIC_RAW))) {
            cluster.ensureTopics(c, List.of(c.get(WiretagConfig.TOPIC_RAW)));
            int sent = 0;
            if (stdin) {
                sender.send(System.in.readAllBytes(), provider, "stdin", format, Instant.now()).get();
                sent++;
            }
            FileIngest.Summary s = new FileIngest(sender, provider, format, FileIngest.DEFAULT_MAX_BYTES)
                    .send(FileIngest.expand(existing), line -> {
                        err.println(line);
                        err.flush();
                    });
            s.problems().forEach(err::println);
            out.println("ingest: " + new FileIngest.Summary(s.sent() + sent, s.failed(), s.skipped(), s.problems()).line()
                    + " to " + c.get(WiretagConfig.TOPIC_RAW) + " on " + cluster.bootstrapServers());
            return s.failed() > 0 ? 1 : 0;
        }
    }
}
