package io.wiretag.lifecycle;

import io.wiretag.story.Story;
import java.time.Instant;

/**
 * What orders the versions of one story: the source's version string and its {@code versionCreated};
 * the hash of the raw bytes tells two versions apart when a source gives neither.
 */
public record VersionStamp(String version, Instant versionCreated, String contentHash) {
    public static VersionStamp of(Story story) {
        return new VersionStamp(story.version(), story.versionCreated(), story.raw() == null ? null : story.raw().sha256());
    }
}
