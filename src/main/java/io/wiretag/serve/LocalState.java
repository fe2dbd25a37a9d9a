package io.wiretag.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.views.StoryCard;
import io.wiretag.views.Trend;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The dashboard's state as this instance holds it: its share of the trend counts, stories and alerts. */
public interface LocalState {
    /** Every per-minute count of one kind whose minute starts within [from, to]. */
    List<Trend> trends(String kind, Instant from, Instant to);

    /** The per-minute counts of one trend key ({@code entity:russia}) whose minute starts within [from, to]. */
    List<Trend> series(String key, Instant from, Instant to);

    /** The newest stories per topic id ({@code *} for all topics), newest first. */
    Map<String, List<StoryCard>> stories();

    /** The newest alerts this instance holds, in no particular order. */
    List<JsonNode> alerts();
}
