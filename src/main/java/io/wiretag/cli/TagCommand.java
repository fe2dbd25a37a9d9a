package io.wiretag.cli;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.tagging.Tagger;
import java.io.IOException;
import java.io.PrintWriter;
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

/** {@code tag FILE...}: parses wire files and prints each story's TaggedStory JSON, or with --explain a report. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Parse wire files and print each story tagged with entities and topics (TaggedStory JSON, "
                + "one line per story), without Kafka. --explain prints why each tag was given instead.")
public final class TagCommand implements Callable<Integer> {
    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "A setting over the configuration, e.g. wiretag.max.input.bytes=1000000.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Wire files to tag.")
    List<Path> files;

    @Option(names = "--taxonomy", paramLabel = "DIR", defaultValue = "config/taxonomy",
            description = "Taxonomy directory (default: ${DEFAULT-VALUE}).")
    Path taxonomyDir;

    @Option(names = "--explain", description = "Print a report for taxonomy editors: mentions, aliases, context "
            + "decisions, topic scores and every rule that fired or nearly fired.")
    boolean explain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inputs.Compiled compiled = Inputs.tagger("tag", taxonomyDir, err);
        if (compiled.tagger() == null) {
            return compiled.exit();
        }
        Tagger tagger = compiled.tagger();
        int maxBytes = Inputs.maxInputBytes(settings);
        FormatDetector detector = FormatDetector.standard(maxBytes);
        int failures = 0;
        for (Path file : files) {
            try {
                byte[] bytes = Inputs.read(file, maxBytes);
                ParseResult result = detector.parse(new RawInput(bytes, null, null, file.toString(), Instant.now()));
                for (Story story : result.stories()) {
                    if (explain) {
                        out.println(file + ":");
                        out.print(tagger.explain(story).render());
                        out.println();
                    } else {
                        out.println(Json.write(story.withTags(tagger.tag(story))));
                    }
                }
                for (ParseResult.ItemFailure f : result.failures()) {
                    err.println(file + ": item " + f.index() + ": " + f.reason());
                    failures++;
                }
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                failures++;
            } catch (ParseException e) {
                err.println(file + ": " + e.getMessage());
                failures++;
            }
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }
}
