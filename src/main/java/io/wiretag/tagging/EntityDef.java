package io.wiretag.tagging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One gazetteer entry as the taxonomy files write it: a person, country, organisation, place or event,
 * the names that refer to it, what it belongs to, and the names it shares with other entries.
 *
 * @param aliases names that always mean this entity (the canonical name is one implicitly)
 * @param demonyms words for its people or the adjective of it ("Polish", "Poles"): they count for the entity
 *                 as its aliases do (topic rules, relevance), but a TaggedStory lists where they stand apart
 *                 from where the entity is named, since "Polish farmers" names no place
 * @param affiliations ids of entities this one belongs to (Putin to russia); topic rules may count them
 * @param ambiguous names shared with other entries, chosen by context cues in the same story
 */
@JsonPropertyOrder({"id", "name", "type", "wikidata", "aliases", "demonyms", "affiliations", "ambiguous", "note"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record EntityDef(String id, String name, String type, String wikidata, List<String> aliases,
                        List<String> demonyms, List<String> affiliations, List<Ambiguous> ambiguous, String note) {
    public EntityDef {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        demonyms = demonyms == null ? List.of() : List.copyOf(demonyms);
        affiliations = affiliations == null ? List.of() : List.copyOf(affiliations);
        ambiguous = ambiguous == null ? List.of() : List.copyOf(ambiguous);
    }

    /**
     * A name that may mean this entry or another: the entry with the most {@code cues} found in the story
     * wins; on a tie (no cue at all, say) the entry marked {@code preferred}; with no preferred entry, none.
     * Cues count only near the mention (its sentence and the two either side); {@code cuesBeside} count only
     * right beside it, in its sentence with at most {@value EntityResolver#BESIDE} words between: common
     * words such as "governor", which a story about something else may well hold a sentence away ("Georgia
     * Governor Brian Kemp" is the state; "regional governor Oleh Syniehubov said ... from Georgia and Moldova"
     * is not). {@code from} and {@code to}
     * (a year or an ISO date, inclusive; either may be absent) are when the name meant this entry: in a story
     * dated outside them this entry is not a candidate ("President Bush" in 1991 and in 2004).
     */
    @JsonPropertyOrder({"alias", "cues", "cuesBeside", "preferred", "from", "to"})
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public record Ambiguous(String alias, List<String> cues, List<String> cuesBeside, boolean preferred, String from, String to) {
        public Ambiguous {
            cues = cues == null ? List.of() : List.copyOf(cues);
            cuesBeside = cuesBeside == null ? List.of() : List.copyOf(cuesBeside);
        }
    }
}
