package io.wiretag.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * The alert on {@code news.alerts} for a kill of a story that had been published, keyed by {@link #id}:
 * which story, its last headline, when and why, and the topics the kill retracted it from.
 */
public record KillAlert(String id, String kind, String storyId, String headline, Instant at, String reason,
                        List<String> topics) {
    public KillAlert {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public static KillAlert of(String storyId, String headline, Instant at, String reason, List<String> topics) {
        return new KillAlert("kill:" + storyId, "kill", storyId, headline, at, reason, topics);
    }
}
