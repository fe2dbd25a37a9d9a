package io.wiretag.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the router remembers of one story id: the {@code news.topic.*} topic ids it is live on, whether a
 * version was published on {@code news.tagged}, the last headline (for kill alerts), the story it
 * duplicates when its last version was a duplicate, and when it last changed (wall-clock ms).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RouteState(List<String> live, boolean published, String headline, String duplicateOf, long touchedMs) {
    RouteState {
        live = live == null ? List.of() : List.copyOf(live);
    }
}
