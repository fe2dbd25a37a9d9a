package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.TaxonomyPublisher;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomySource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code taxonomy check} and {@code taxonomy publish}: validate the taxonomy files, or put them on news.taxonomy. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = "Validate the taxonomy files (check) or publish them to news.taxonomy (publish).",
        subcommands = {TaxonomyCommand.Check.class, TaxonomyCommand.Publish.class})
public final class TaxonomyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("wiretag taxonomy: say check or publish");
        return 2;
    }

    /** What both subcommands take: the usual settings and the taxonomy directory. */
    static final class Options {
        @Mixin
        ConfigOptions config;

        @Option(names = "--dir", paramLabel = "DIR", description = "Taxonomy directory (default: wiretag.taxonomy.dir, config/taxonomy).")
        Path dir;

        Path dir(WiretagConfig c) {
            return dir != null ? dir : TaxonomySource.resolve(c.path(WiretagConfig.TAXONOMY_DIR));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Validate the taxonomy files; exit 1 with one line per problem.")
    static final class Check implements Callable<Integer> {
        @Mixin
        Options options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path d = options.dir(options.config.load());
            if (!Files.isDirectory(d)) {
                err.println("wiretag taxonomy check: no taxonomy directory " + d);
                return 2;
            }
            List<String> problems = TaxonomyChecks.problems(d);
            problems.forEach(err::println);
            if (!problems.isEmpty()) {
                err.println("taxonomy check: " + problems.size() + " problem(s) in " + d);
                return 1;
            }
            Taxonomy t = Taxonomy.load(d);
            try {
                Tagger.compile(t); // what the pipeline does with it: a file check cannot see every clash of forms
            } catch (RuntimeException e) {
                err.println("taxonomy check: the taxonomy loads but does not compile into a tagger: " + e.getMessage());
                return 1;
            }
            out.println("taxonomy check: " + d + " is valid, version " + t.version() + ", " + t.topicIds().size() + " topics");
            return 0;
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Publish the taxonomy files to news.taxonomy; a running pipeline applies them to the next story.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        Options options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            WiretagConfig c = options.config.load();
            Path d = options.dir(c);
            List<String> problems = TaxonomyChecks.problems(d);
            if (!problems.isEmpty()) {
                problems.forEach(err::println);
                err.println("taxonomy publish: not published, " + problems.size() + " problem(s); run `taxonomy check`");
                return 1;
            }
            Taxonomy t = Taxonomy.load(d);
            String topic = c.get(WiretagConfig.TOPIC_TAXONOMY);
            try (Cluster cluster = Cluster.connect(c, false)) {
                cluster.ensureTopics(c, List.of(topic));
                TaxonomyPublisher.Published p = TaxonomyPublisher.publish(cluster.clientSettings(), topic, t.toRecords());
                out.println("taxonomy publish: version " + t.version() + " to " + topic + " on " + cluster.bootstrapServers()
                        + ": " + p.written() + " records written, " + p.deleted() + " deleted");
            }
            return 0;
        }
    }
}
