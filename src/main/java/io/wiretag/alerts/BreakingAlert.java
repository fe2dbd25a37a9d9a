package io.wiretag.alerts;

import java.time.Instant;
import java.util.List;

/**
 * The alert on {@code news.alerts} for a breaking story, keyed by {@link #id}, which is the same for every
 * version of the story: a story is breaking once, so a replay or an update writes the same alert again.
 */
public record BreakingAlert(String id, String kind, Instant at, String storyId, String headline, int urgency,
                            List<String> topics) {
    public BreakingAlert {
        topics = List.copyOf(topics);
    }

    public static BreakingAlert of(String storyId, String headline, int urgency, List<String> topics, Instant at) {
        return new BreakingAlert("breaking:" + storyId, "breaking", at, storyId, headline, urgency, topics);
    }
}
