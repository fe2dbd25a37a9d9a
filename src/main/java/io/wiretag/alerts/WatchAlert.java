package io.wiretag.alerts;

import io.wiretag.story.Story;
import java.time.Instant;
import java.util.List;

/**
 * The alert on {@code news.alerts} for a story version that meets a saved watch, keyed by {@link #id}
 * ({@code watch:<watch>:<storyId>:<version>}): one per watch and story version, the same id on a replay.
 *
 * @param matched the watch's terms the story carries, e.g. {@code entity:vladimir-putin}
 */
public record WatchAlert(String id, String kind, Instant at, String watch, String storyId, String version, String headline,
                         List<String> matched) {
    public WatchAlert {
        matched = List.copyOf(matched);
    }

    static WatchAlert of(String watch, Story story, List<String> matched, Instant at) {
        String version = story.version() != null ? story.version()
                : story.versionCreated() != null ? story.versionCreated().toString() : "";
        return new WatchAlert("watch:" + watch + ":" + story.id() + ":" + version, "watch", at, watch, story.id(), version,
                story.headline(), matched);
    }
}
