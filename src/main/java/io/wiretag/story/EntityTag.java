package io.wiretag.story;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One entity a story mentions, how relevant it is (0 to 1), and where in the story it is mentioned. */
public record EntityTag(String id, String name, String type,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String wikidata,
                        double relevance, List<Mention> mentions) {
    public EntityTag {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
