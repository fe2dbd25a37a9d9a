package io.wiretag.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decides whether a published story is breaking news: urgent enough and on a watched topic. */
public final class Breaking {
    private Breaking() {
    }

    /**
     * The alert for a story, or empty when it is not breaking: its urgency (1 flash .. 9) is at or above
     * the configured level, i.e. a number no larger, and it is tagged with at least one watched topic.
     */
    public static Optional<BreakingAlert> decide(String storyId, String headline, Integer urgency, List<String> topicIds,
                                                 Instant at, AlertSettings settings) {
        if (urgency == null || urgency < 1 || urgency > settings.breakingUrgency()) {
            return Optional.empty();
        }
        List<String> watched = topicIds.stream().filter(settings.watchedTopics()::contains).toList();
        if (watched.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BreakingAlert.of(storyId, headline, urgency, watched, at));
    }
}
