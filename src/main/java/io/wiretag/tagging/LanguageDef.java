package io.wiretag.tagging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names entities go by in one language ({@code languages/de.json}): aliases, exonyms and demonyms by
 * entity id, written in their dictionary form; {@link Inflection} adds the inflected forms when the
 * taxonomy is compiled. They apply to stories in that language only, next to the entity's own aliases.
 *
 * @param id the ISO 639-1 code of the language ("de")
 * @param source where the names come from, and under which licence
 * @param names entity id to the names it has in this language
 * @param demonyms entity id to the words for its people and its adjective in this language ("polnisch",
 *                 "Polen" is a name): matched as names are, listed apart in a TaggedStory (see {@link EntityDef})
 * @param ambiguous entity id to names it shares with other entries in this language, chosen by cues
 */
@JsonPropertyOrder({"id", "name", "source", "note", "names", "demonyms", "ambiguous"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LanguageDef(String id, String name, String source, String note, Map<String, List<String>> names,
                          Map<String, List<String>> demonyms, Map<String, List<EntityDef.Ambiguous>> ambiguous) {
    public LanguageDef {
        names = names == null ? Map.of() : copy(names);
        demonyms = demonyms == null ? Map.of() : copy(demonyms);
        ambiguous = ambiguous == null ? Map.of() : copy(ambiguous);
    }

    /** Names and demonyms together, by entity id: the names first, each list in the order written. */
    Map<String, List<String>> namesAndDemonyms() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        names.forEach((k, v) -> out.put(k, new java.util.ArrayList<>(v)));
        demonyms.forEach((k, v) -> out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
        return out;
    }

    /** Whether {@code written} (as in the file, with its "=" if any) is one of the entity's demonyms here. */
    boolean isDemonym(String entity, String written) {
        return demonyms.getOrDefault(entity, List.of()).contains(written);
    }

    private static <T> Map<String, List<T>> copy(Map<String, List<T>> in) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v == null ? List.of() : List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
