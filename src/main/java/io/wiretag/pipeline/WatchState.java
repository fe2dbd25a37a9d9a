package io.wiretag.pipeline;

import java.util.List;

/**
 * What the watch stage remembers of one routed story: when it was first counted (wall-clock ms, for
 * forgetting), whether its breaking alert went out, and the topic ids its newest version is listed under.
 */
record WatchState(long firstSeenMs, boolean breakingSent, List<String> topics) {
    WatchState {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
