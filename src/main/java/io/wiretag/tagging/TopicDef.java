package io.wiretag.tagging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic as the taxonomy files declare it: rules that each add their weight when they fire; the topic is
 * assigned when the sum (capped at 1) reaches {@code threshold} and every {@code required} rule fired.
 */
@JsonPropertyOrder({"id", "name", "iptc", "threshold", "from", "unless", "others", "not_in_passing", "yields_to", "rules", "note"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TopicDef(String id, String name, List<String> iptc, double threshold, List<Rule> rules, String note,
                       String from, List<String> unless, List<String> others,
                       @JsonProperty("not_in_passing") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notInPassing,
                       @JsonProperty("yields_to") List<String> yieldsTo) {
    /**
     * {@code from} (a year or an ISO date): a story dated before it is never about the topic. {@code unless}:
     * phrases that, in the headline or the lead, say the story is about something else (the Crimean War of
     * 1854). {@code others}: phrases that name something else with the topic's own words (the Second World
     * War, the Cold War): matched as phrases, so the keyword inside ("war") counts for no rule there; they
     * veto nothing, for a report of this war may well recall that one. {@code not_in_passing}: a story that
     * names the topic in passing is not about it (see {@code TopicScorer.inPassing}). {@code yields_to}: topics
     * whose stories name this one as their background (sanctions imposed "over the war"): a story given one of
     * them gets this topic only when it speaks of it on its own (see {@code TopicScorer.yielded}).
     */
    public TopicDef {
        unless = unless == null ? List.of() : List.copyOf(unless);
        others = others == null ? List.of() : List.copyOf(others);
        yieldsTo = yieldsTo == null ? List.of() : List.copyOf(yieldsTo);
        iptc = iptc == null ? List.of() : List.copyOf(iptc);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * One rule. {@code kind}:
     * <ul>
     * <li>{@code entity}: any of {@code entities} (or an entity affiliated with one) is mentioned in
     *     {@code scope} ({@code story}, {@code headline} or {@code lead});</li>
     * <li>{@code keywords}: each distinct phrase of {@code keywords} found in {@code scope} adds
     *     {@code weight}, up to {@code max} phrases;</li>
     * <li>{@code together}: every one of {@code groups} has a member in one {@code scope} unit
     *     ({@code sentence}, {@code paragraph}, {@code headline} or {@code story}).</li>
     * </ul>
     * {@code keywords} are the English ones; {@code languages} holds the same rule's keywords in other
     * languages ({@code {"de": ["Krieg", ...]}}), used instead of the English ones for stories in that language.
     */
    @JsonPropertyOrder({"kind", "entities", "keywords", "languages", "groups", "scope", "weight", "max", "required"})
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Rule(String kind, List<String> entities, List<String> keywords, List<Group> groups, String scope,
                       double weight, int max, boolean required, Map<String, List<String>> languages) {
        public Rule {
            entities = entities == null ? List.of() : List.copyOf(entities);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            groups = groups == null ? List.of() : List.copyOf(groups);
            languages = copy(languages);
        }

        /** A rule with English keywords only. */
        public Rule(String kind, List<String> entities, List<String> keywords, List<Group> groups, String scope,
                    double weight, int max, boolean required) {
            this(kind, entities, keywords, groups, scope, weight, max, required, null);
        }

        /** The scope as written, or the default: one sentence for a together rule, the whole story for the others. */
        public String scopeOrDefault() {
            return scope != null ? scope : "together".equals(kind) ? "sentence" : "story";
        }
    }

    /** A member of a co-occurrence: any of these entities (or one affiliated with them), or any of these phrases. */
    @JsonPropertyOrder({"entities", "keywords", "languages"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Group(List<String> entities, List<String> keywords, Map<String, List<String>> languages) {
        public Group {
            entities = entities == null ? List.of() : List.copyOf(entities);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            languages = copy(languages);
        }

        /** A group with English keywords only. */
        public Group(List<String> entities, List<String> keywords) {
            this(entities, keywords, null);
        }
    }

    /** Keywords per language, in the file's order; empty when none. */
    static Map<String, List<String>> copy(Map<String, List<String>> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v == null ? List.of() : List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
