package io.wiretag.tagging;

import io.wiretag.story.Mention;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a story got its tags, for a taxonomy editor: each entity with its mentions (field, offsets, text,
 * the alias that matched, how a shared name was decided), names that matched but tagged nothing, and each
 * topic with its score, threshold and every rule that fired or nearly fired.
 */
public final class Explanation {
    private final Story story;
    private final Tags tags;
    private final Map<String, List<String>> mentions;
    private final List<String> skipped;
    private final Map<String, List<String>> rules;
    private final Map<String, String> topicLines;

    private Explanation(Story story, Tags tags, Builder b) {
        this.story = story;
        this.tags = tags;
        this.mentions = b.mentions;
        this.skipped = b.skipped;
        this.rules = b.rules;
        this.topicLines = b.topicLines;
    }

    public Tags tags() {
        return tags;
    }

    /** The report as plain text, one decision per line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("story ").append(story.id()).append(": ").append(story.headline()).append('\n');
        out.append("taxonomy ").append(tags.taxonomyVersion()).append('\n');
        out.append("entities (").append(tags.entities().size()).append("):\n");
        for (var e : tags.entities()) {
            out.append("  ").append(e.id()).append("  ").append(e.name()).append(" (").append(e.type())
                    .append(e.wikidata() == null ? "" : ", " + e.wikidata())
                    .append(Boolean.FALSE.equals(e.linked()) ? ", not linked: not in the gazetteer" : "").append(")  relevance ")
                    .append(String.format(Locale.ROOT, "%.2f", e.relevance())).append(", ")
                    .append(e.mentions().size()).append(e.mentions().size() == 1 ? " mention\n" : " mentions\n");
            for (String line : mentions.getOrDefault(e.id(), List.of())) {
                out.append("    ").append(line).append('\n');
            }
        }
        if (!skipped.isEmpty()) {
            out.append("names matched but not tagged:\n");
            skipped.forEach(l -> out.append("    ").append(l).append('\n'));
        }
        out.append("topics:\n");
        for (Map.Entry<String, String> t : topicLines.entrySet()) {
            out.append("  ").append(t.getValue()).append('\n');
            for (String line : rules.getOrDefault(t.getKey(), List.of())) {
                out.append("    ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** Collects the decisions while the tagger works. */
    static final class Builder {
        private final Map<String, List<String>> mentions = new HashMap<>();
        private final List<String> skipped = new ArrayList<>();
        private final Map<String, List<String>> rules = new LinkedHashMap<>();
        private final Map<String, String> topicLines = new LinkedHashMap<>();
        private final Map<Integer, String> why = new HashMap<>();

        void why(int match, String reason) {
            why.put(match, reason);
        }

        String whyOf(int match) {
            return why.get(match);
        }

        void mention(String entity, Mention m, String alias, String reason) {
            mentions.computeIfAbsent(entity, k -> new ArrayList<>()).add(m.field() + " " + m.start() + "-" + m.end()
                    + " \"" + m.text() + "\"  alias \"" + alias + "\"" + (reason == null ? "" : "  (" + reason + ")"));
        }

        void skipped(int field, int start, int end, String text, String alias, String reason) {
            skipped.add((field == Tagger.HEADLINE ? "headline " : "body ") + start + "-" + end + " \"" + text
                    + "\"  alias \"" + alias + "\"  (" + reason + ")");
        }

        void rule(String topic, String rule, double got, List<String> evidence, String near) {
            String mark = got > 0 ? "+" + String.format(Locale.ROOT, "%.2f", got) + " FIRED  " : "  0    ";
            String detail = !evidence.isEmpty() ? ": " + String.join("; ", evidence) : near != null ? ": " + near : "";
            rules.computeIfAbsent(topic, k -> new ArrayList<>()).add(mark + rule + detail);
        }

        void topic(String id, String name, double score, double threshold, boolean assigned, boolean required) {
            topicLines.put(id, id + "  " + name + "  score " + String.format(Locale.ROOT, "%.2f", score)
                    + " / threshold " + String.format(Locale.ROOT, "%.2f", threshold) + "  "
                    + (assigned ? "ASSIGNED" : required ? "not assigned" : "not assigned (a required rule did not fire)"));
        }

        Explanation build(Story story, Tags tags) {
            return new Explanation(story, tags, this);
        }
    }
}
