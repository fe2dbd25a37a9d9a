package io.wiretag.cli;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.apmedia.ApRendition;
import io.wiretag.ingest.FileIngest;
import io.wiretag.ingest.RenditionFiles;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parse FILE...}: the canonical Story JSON of wire files, one line each, without Kafka. An AP Media API
 * item given with its NITF rendition beside it prints as one story, merged as the pipeline merges them.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Print the canonical Story JSON (one line each) of wire files; no Kafka.",
                "An AP Media API item and its NITF rendition beside it, both given, print as one story.",
                "A file that cannot be read as a story is reported on stderr with the reason; the exit code is then 1."})
public final class ParseCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Wire files or directories (read recursively).")
    List<Path> files;

    @Option(names = "--provider", description = "Provider to assume where the file does not name one, e.g. ap.")
    String provider;

    @Option(names = "--format", description = "Skip detection and read every file as this format.")
    String format;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "A setting over the configuration, e.g. wiretag.max.input.bytes=1000000.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    private boolean itemFailed;
    private int maxBytes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        maxBytes = Inputs.maxInputBytes(settings);
        FormatDetector detector = FormatDetector.standard(maxBytes);
        if (format != null && !detector.formats().contains(format)) {
            err.println("wiretag parse: unknown format '" + format + "'; known: " + String.join(", ", detector.formats()));
            return 2;
        }
        boolean anyFailed = false;
        List<RenditionFiles.Entry> entries = RenditionFiles.pair(FileIngest.expand(Inputs.existing(files, err)));
        for (int i = 0; i < entries.size(); i++) {
            Path file = entries.get(i).file();
            RenditionFiles.Entry next = i + 1 < entries.size() ? entries.get(i + 1) : null;
            List<Story> stories = parse(detector, file, err);
            if (next == null || next.renditionOf() == null) {
                anyFailed |= print(out, stories);
                continue;
            }
            // An AP item and its NITF rendition: one story, merged as the pipeline merges them.
            i++;
            List<Story> rendition = parse(detector, next.file(), err);
            if (stories != null && rendition != null && stories.size() == 1 && rendition.size() == 1
                    && ApRendition.awaitsRendition(stories.get(0))) {
                out.println(Json.write(ApRendition.merge(stories.get(0), ApRendition.asRenditionOf(rendition.get(0), next.renditionOf()))));
            } else {
                anyFailed |= print(out, stories);
                anyFailed |= print(out, rendition);
            }
        }
        out.flush();
        return anyFailed || itemFailed || Inputs.missing(files) ? 1 : 0;
    }

    /** Prints the stories; true when there were none to print (the file was refused). */
    private static boolean print(PrintWriter out, List<Story> stories) {
        if (stories == null) {
            return true;
        }
        stories.forEach(s -> out.println(Json.write(s)));
        return false;
    }

    /** The file's stories, its unreadable items reported; null (reported) when the file cannot be read as a story. */
    private List<Story> parse(FormatDetector detector, Path file, PrintWriter err) {
        try {
            ParseResult result = detector.parse(new RawInput(Inputs.read(file, maxBytes), format, provider, file.toString(), Instant.now()));
            for (ParseResult.ItemFailure failure : result.failures()) {
                err.println(file + ": item " + (failure.index() + 1) + ": " + failure.reason());
                itemFailed = true;
            }
            return result.stories();
        } catch (ParseException e) {
            err.println(file + ": " + e.getMessage());
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
        }
        return null;
    }
}
