package io.wiretag.cli;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.ingest.FileIngest;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parse FILE...}: the canonical Story JSON of wire files, one line each, without Kafka. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Print the canonical Story JSON (one line each) of wire files; no Kafka.",
                "A file that cannot be read as a story is reported on stderr with the reason; the exit code is then 1."})
public final class ParseCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Wire files or directories (read recursively).")
    List<Path> files;

    @Option(names = "--provider", description = "Provider to assume where the file does not name one, e.g. ap.")
    String provider;

    @Option(names = "--format", description = "Skip detection and read every file as this format.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FormatDetector detector = FormatDetector.standard();
        if (format != null && !detector.formats().contains(format)) {
            err.println("wiretag parse: unknown format '" + format + "'; known: " + String.join(", ", detector.formats()));
            return 2;
        }
        boolean anyFailed = false;
        for (Path f : Inputs.existing(files, err)) {
            for (Path file : FileIngest.expand(List.of(f))) {
                try {
                    ParseResult result = detector.parse(new RawInput(Files.readAllBytes(file), format, provider, file.toString(), Instant.now()));
                    for (Story s : result.stories()) {
                        out.println(Json.write(s));
                    }
                    for (ParseResult.ItemFailure failure : result.failures()) {
                        err.println(file + ": item " + (failure.index() + 1) + ": " + failure.reason());
                        anyFailed = true;
                    }
                } catch (ParseException e) {
                    err.println(file + ": " + e.getMessage());
                    anyFailed = true;
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + e.getMessage());
                    anyFailed = true;
                }
            }
        }
        out.flush();
        return anyFailed || Inputs.missing(files) ? 1 : 0;
    }
}
