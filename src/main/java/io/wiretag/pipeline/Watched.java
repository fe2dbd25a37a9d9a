package io.wiretag.pipeline;

import io.wiretag.story.Story;

/** What the watch stage sends on: a story to count in the trends (once per story), or an alert. */
sealed interface Watched {
    record Count(Story story) implements Watched {
    }

    record Alert(Object alert) implements Watched {
    }
}
