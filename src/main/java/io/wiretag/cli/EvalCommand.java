package io.wiretag.cli;

import io.wiretag.eval.ConllDocuments;
import io.wiretag.eval.MentionScores;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.tagging.Tagger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval FILE}: tags the documents of a file with gold entity spans (CoNLL-2003 format) and prints the
 * mention precision and recall per type, so that the tagger can be measured on real news nobody here wrote.
 * No such file ships with wiretag: bring your own copy.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Tag the documents of a file with gold entity spans (CoNLL-2003 format: a token a line, the "
                + "entity tag last, -DOCSTART- between documents) and print mention precision and recall per type "
                + "(exact span and type; MISC not scored). The first sentence of a document is its headline.")
public final class EvalCommand implements Callable<Integer> {
    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "A setting over the configuration, e.g. wiretag.max.input.bytes=1000000.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A file in the CoNLL-2003 format.")
    Path file;

    @Option(names = "--taxonomy", paramLabel = "DIR", defaultValue = "config/taxonomy",
            description = "Taxonomy directory (default: ${DEFAULT-VALUE}).")
    Path taxonomyDir;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The date of every document (who held an office then); without it they have none.")
    LocalDate date;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "0",
            description = "Also list the N gold mentions missed most often and the N tagged mentions most often wrong.")
    int examples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = Inputs.readText("eval", file, settings, err);
        if (text == null) {
            return 1;
        }
        List<ConllDocuments.Document> docs;
        try {
            docs = ConllDocuments.read(text.lines().toList());
        } catch (IllegalArgumentException e) {
            err.println("eval: " + file + ": " + e.getMessage());
            return 1;
        }
        if (docs.isEmpty()) {
            err.println("eval: " + file + " holds no documents (CoNLL-2003 format: a token a line, -DOCSTART- between documents)");
            return 1;
        }
        Inputs.Compiled compiled = Inputs.tagger("eval", taxonomyDir, err);
        if (compiled.tagger() == null) {
            return compiled.exit();
        }
        Tagger tagger = compiled.tagger();
        Instant when = date == null ? null : date.atTime(12, 0).toInstant(ZoneOffset.UTC);
        MentionScores scores = new MentionScores();
        int n = 0;
        for (ConllDocuments.Document d : docs) {
            scores.add(d.gold(), tagger.tag(story(d, ++n, when)));
        }
        out.printf(Locale.ROOT, "eval: %s, %,d document%s%s; a mention counts when its span and type are the gold's%n",
                file, docs.size(), docs.size() == 1 ? "" : "s", date == null ? ", no date" : ", dated " + date);
        out.println("| type | gold | tagged | matched | precision | recall |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (String type : List.of("PER", "ORG", "LOC")) {
            MentionScores.Counts c = scores.counts(type);
            out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %s | %s |%n", type, c.gold(), c.tagged(), c.matched(),
                    ratio(c.precision()), ratio(c.recall()));
        }
        if (examples > 0) {
            out.println("missed most often:");
            scores.missed(examples).forEach(e -> out.printf(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey()));
            out.println("wrong most often:");
            scores.wrong(examples).forEach(e -> out.printf(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey()));
        }
        out.flush();
        return 0;
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
    }

    private static Story story(ConllDocuments.Document d, int n, Instant when) {
        StoryDraft s = new StoryDraft();
        s.provider = "eval";
        s.guid = "doc-" + n;
        s.headline = d.headline();
        s.language = "en";
        s.versionCreated = when;
        s.firstCreated = when;
        s.paragraphs.addAll(d.paragraphs());
        return s.build(new StoryDraft.Delivery(new byte[0], "conll", "eval", "eval", Instant.EPOCH, null, null));
    }
}
