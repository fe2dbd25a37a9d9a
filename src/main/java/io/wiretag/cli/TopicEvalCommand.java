package io.wiretag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.eval.TopicScores;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.TopicTag;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.TopicDef;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eval-topics FILE}: tags labelled stories (JSON lines) and prints, per language, how often the language
 * was detected right and each topic's precision and recall, so that a newsroom can measure the topic feeds on
 * reports of its own before it trusts them. No such file ships with wiretag: bring your own.
 */
@Command(name = "eval-topics", mixinStandardHelpOptions = true,
        description = "Tag labelled stories (JSON lines: headline, body, topics [the ids the story is about], and "
                + "optionally lang [its language] and date [YYYY-MM-DD]) and print, per language, how often the "
                + "language was detected right and each topic's precision and recall. The language is detected, "
                + "as for a source that declares none, unless --declared.")
public final class TopicEvalCommand implements Callable<Integer> {
    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "A setting over the configuration, e.g. wiretag.max.input.bytes=1000000.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Labelled stories, one JSON object a line.")
    Path file;

    @Option(names = "--taxonomy", paramLabel = "DIR", defaultValue = "config/taxonomy",
            description = "Taxonomy directory (default: ${DEFAULT-VALUE}).")
    Path taxonomyDir;

    @Option(names = "--topics", paramLabel = "ID", split = ",",
            description = "The topics the file is labelled for (default: every topic of the taxonomy); others are not scored.")
    List<String> topics;

    @Option(names = "--declared", description = "Give each story its lang as the source's declared language instead of detecting it.")
    boolean declared;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "0",
            description = "Also list up to N stories missed and N tagged without call, per language and topic.")
    int examples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text = Inputs.readText("eval-topics", file, settings, err);
        if (text == null) {
            return 1;
        }
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            err.println("eval-topics: " + file + " holds no stories (one JSON object a line: headline, body, topics)");
            return 1;
        }
        Inputs.Compiled compiled = Inputs.tagger("eval-topics", taxonomyDir, err);
        if (compiled.tagger() == null) {
            return compiled.exit();
        }
        Tagger tagger = compiled.tagger();
        Set<String> scored = tagger.taxonomy().topics().stream().map(TopicDef::id).collect(Collectors.toCollection(TreeSet::new));
        if (topics != null) {
            for (String t : topics) {
                if (!scored.contains(t)) {
                    err.println("eval-topics: no topic " + t + " in the taxonomy (it has " + String.join(", ", scored) + ")");
                    return 2;
                }
            }
            scored = new TreeSet<>(topics);
        }
        TopicScores scores = new TopicScores();
        for (int n = 0; n < lines.size(); n++) {
            JsonNode j;
            Story story;
            Set<String> expected = new HashSet<>();
            try {
                j = Json.MAPPER.readTree(lines.get(n));
                if (!j.isObject() || !j.path("body").isTextual() || !j.path("topics").isArray()) {
                    err.println("eval-topics: " + file + ": line " + (n + 1) + " has no body or no topics array");
                    return 1;
                }
                j.get("topics").forEach(t -> expected.add(t.asText()));
                story = story(j, n + 1);
            } catch (IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                err.println("eval-topics: " + file + ": line " + (n + 1) + ": " + why);
                return 1;
            }
            Set<String> tagged = tagger.tag(story).topics().stream().map(TopicTag::id).collect(Collectors.toSet());
            String lang = j.path("lang").isTextual() ? j.get("lang").asText() : null;
            scores.add(lang, story.language(), expected, tagged, scored, story.headline());
        }
        out.printf(Locale.ROOT, "eval-topics: %s, %,d stor%s, language %s%n", file, lines.size(),
                lines.size() == 1 ? "y" : "ies", declared ? "as declared" : "detected");
        out.println("| language | stories | language right | topic | labelled | tagged | both | precision | recall |");
        out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|");
        for (String lang : scores.languages()) {
            String right = lang.equals("-") || declared ? "-" : String.format(Locale.ROOT, "%,d", scores.languageRight(lang));
            for (String topic : scores.topics(lang)) {
                TopicScores.Counts c = scores.counts(lang, topic);
                out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %,d | %,d | %,d | %s | %s |%n", lang, scores.stories(lang),
                        right, topic, c.expected(), c.tagged(), c.matched(), EvalCommand.ratio(c.precision()), EvalCommand.ratio(c.recall()));
            }
        }
        if (examples > 0) {
            Map<String, Integer> shown = new LinkedHashMap<>();
            for (TopicScores.Miss m : scores.misses()) {
                String kind = m.language() + " " + m.topic() + (m.missed() ? " missed" : " not called for");
                if (shown.merge(kind, 1, Integer::sum) <= examples) {
                    String h = m.headline() == null ? "" : m.headline();
                    out.printf(Locale.ROOT, "  %s: %s%n", kind, h.length() > 100 ? h.substring(0, 100) + "…" : h);
                }
            }
        }
        out.flush();
        return 0;
    }

    private Story story(JsonNode j, int n) {
        StoryDraft s = new StoryDraft();
        s.provider = "eval";
        s.guid = "story-" + n;
        s.headline = j.path("headline").isTextual() ? j.get("headline").asText() : null;
        s.language = declared && j.path("lang").isTextual() ? j.get("lang").asText() : null;
        if (j.path("date").isTextual()) {
            Instant when = LocalDate.parse(j.get("date").asText()).atTime(12, 0).toInstant(ZoneOffset.UTC);
            s.versionCreated = when;
            s.firstCreated = when;
        }
        for (String p : j.get("body").asText().split("\\n\\s*\\n|\\n")) {
            if (!p.isBlank()) {
                s.paragraphs.add(p.strip());
            }
        }
        return s.build(new StoryDraft.Delivery(new byte[0], "jsonl", "eval", "eval", Instant.EPOCH, null, null));
    }
}
