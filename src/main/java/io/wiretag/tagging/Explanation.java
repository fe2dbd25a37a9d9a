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
    private final String languageLine;

    private Explanation(Story story, Tags tags, Builder b) {
        this.languageLine = b.languageLine;
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
        if (languageLine != null) {
            out.append(languageLine).append('\n');
        }
        out.append("entities (").append(tags.entities().size()).append("):\n");
        for (var e : tags.entities()) {
            out.append("  ").append(e.id()).append("  ").append(e.name()).append(" (").append(e.type())
                    .append(e.wikidata() == null ? "" : ", " + e.wikidata())
                    .append(Boolean.FALSE.equals(e.linked()) ? ", not linked: not in the gazetteer" : "").append(")  relevance ")
                    .append(String.format(Locale.ROOT, "%.2f", e.relevance())).append(", ")
                    .append(e.mentions().size()).append(e.mentions().size() == 1 ? " mention" : " mentions")
                    .append(e.demonyms().isEmpty() ? "" : e.demonyms().size() == 1 ? ", 1 demonym" : ", " + e.demonyms().size() + " demonyms")
                    .append(e.inside().isEmpty() ? "" : e.inside().size() == 1 ? ", 1 inside a longer name"
                            : ", " + e.inside().size() + " inside longer names")
                    .append('\n');
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
        private static final java.util.regex.Pattern QUOTED_OR_KEYWORD = java.util.regex.Pattern.compile(
                "\"([^\"]+)\"|keyword: ([^;]+?)(?= in (?:headline|lead)|;|$)");
        private String languageLine;
        private Map<String, String> formOf = Map.of();

        /** The story's language, the language whose names and keywords were used, and generated forms. */
        void language(String storyLanguage, String used, Map<String, String> forms) {
            this.formOf = forms;
            languageLine = "language " + (storyLanguage == null ? "unknown" : storyLanguage) + ": "
                    + (used == null ? "the taxonomy's own names and English keywords"
                    : "names of " + used + " added, " + used + " keywords (inflected forms marked \"form of\")");
        }

        /** A matched text with the name or keyword it is a form of, when it is a generated form. */
        private String withForm(String text) {
            String base = formOf.get(text.toLowerCase(Locale.ROOT));
            return base == null ? "\"" + text + "\"" : "\"" + text + "\" (form of \"" + base + "\")";
        }

        private String withForms(String evidence) {
            if (formOf.isEmpty()) {
                return evidence;
            }
            java.util.regex.Matcher m = QUOTED_OR_KEYWORD.matcher(evidence);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String r = m.group(1) != null ? withForm(m.group(1)) : "keyword: " + withForm(m.group(2));
                m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(r));
            }
            m.appendTail(b);
            return b.toString();
        }

        void why(int match, String reason) {
            why.put(match, reason);
        }

        String whyOf(int match) {
            return why.get(match);
        }

        void mention(String entity, Mention m, String alias, boolean demonym, String reason) {
            mentions.computeIfAbsent(entity, k -> new ArrayList<>()).add(m.field() + " " + m.start() + "-" + m.end()
                    + " \"" + m.text() + "\"  " + (demonym ? "demonym " : "alias ") + withForm(alias)
                    + (reason == null ? "" : "  (" + reason + ")"));
        }

        void skipped(int field, int start, int end, String text, String alias, String reason) {
            skipped.add((field == Tagger.HEADLINE ? "headline " : "body ") + start + "-" + end + " \"" + text
                    + "\"  alias \"" + alias + "\"  (" + reason + ")");
        }

        void rule(String topic, String rule, double got, List<String> evidence, String near) {
            String mark = got > 0 ? "+" + String.format(Locale.ROOT, "%.2f", got) + " FIRED  " : "  0    ";
            String detail = !evidence.isEmpty() ? ": " + withForms(String.join("; ", evidence))
                    : near != null ? ": " + withForms(near) : "";
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
