package io.wiretag.pipeline.normalise;

import io.wiretag.story.Story;

/** What normalising one raw record gives: a story, or a refusal that goes to the dead-letter topic. */
public sealed interface Normalised {
    record Parsed(Story story) implements Normalised {
    }

    /** The original bytes, untouched, and a reason a person can act on. */
    record Refused(byte[] originalKey, byte[] originalValue, String reason, String exceptionClass) implements Normalised {
    }
}
