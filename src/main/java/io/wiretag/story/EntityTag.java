package io.wiretag.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entity a story mentions, how relevant it is (0 to 1), and where in the story it is mentioned.
 * {@code linked} is false for a name the tagger found in the text but does not know: its id is then
 * {@code unlinked:<type>:<slug of the name>} and it has no wikidata id. Records written before the field
 * existed read as linked.
 *
 * <p>{@code mentions} are where the entity is named ("Poland", "Polish Republic"); {@code demonyms} where a
 * word for its people or its adjective stands ("Polish farmers", "the Poles"). Both count for the entity's
 * relevance and for topic rules; only mentions are names of it, so a demonym alone still tags the entity,
 * with no mention. Records written before the field existed have no demonyms: theirs are among the mentions.
 *
 * <p>{@code inside} are where the entity is named inside a longer name the story gives, the name of another
 * entity ("India" in "Rubber Board of India", "Palestine" in "Palestine Liberation Organisation"), or inside a word
 * joined by a hyphen ("UK-US talks"): they count for the entity as mentions do (relevance, topic rules), but the
 * longer name or word is what the story names there. Records written before the field existed have them among
 * the mentions.
 */
public record EntityTag(String id, String name, String type,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String wikidata,
                        double relevance, List<Mention> mentions, Boolean linked,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Mention> demonyms,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Mention> inside) {
    /** Prefix of the id of an entity found in the text but not in the gazetteer. */
    public static final String UNLINKED = "unlinked:";

    public EntityTag {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        linked = linked == null ? Boolean.TRUE : linked;
        demonyms = demonyms == null ? List.of() : List.copyOf(demonyms);
        inside = inside == null ? List.of() : List.copyOf(inside);
    }

    /** An entity named nowhere inside a longer name or word. */
    public EntityTag(String id, String name, String type, String wikidata, double relevance, List<Mention> mentions,
                     Boolean linked, List<Mention> demonyms) {
        this(id, name, type, wikidata, relevance, mentions, linked, demonyms, List.of());
    }

    /** An entity without demonyms. */
    public EntityTag(String id, String name, String type, String wikidata, double relevance, List<Mention> mentions,
                     Boolean linked) {
        this(id, name, type, wikidata, relevance, mentions, linked, List.of(), List.of());
    }

    /** A gazetteer entity without demonyms. */
    public EntityTag(String id, String name, String type, String wikidata, double relevance, List<Mention> mentions) {
        this(id, name, type, wikidata, relevance, mentions, Boolean.TRUE, List.of(), List.of());
    }
}
