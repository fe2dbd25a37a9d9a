package io.wiretag.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wiretag.lifecycle.VersionStamp;
import java.time.Instant;

/**
 * What the version gate remembers of one story id: the newest accepted version, whether the story was
 * killed (then nothing after it passes), the key of its held embargoed version, and when it last changed
 * (wall-clock ms, for retention).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VersionState(String version, Instant versionCreated, String contentHash, boolean killed, String heldKey,
                    long touchedMs) {
    VersionStamp stamp() {
        return new VersionStamp(version, versionCreated, contentHash);
    }

    static VersionState accepted(VersionStamp s, String heldKey, long nowMs) {
        return new VersionState(s.version(), s.versionCreated(), s.contentHash(), false, heldKey, nowMs);
    }

    static VersionState killed(VersionStamp s, long nowMs) {
        return new VersionState(s.version(), s.versionCreated(), s.contentHash(), true, null, nowMs);
    }

    VersionState released() {
        return new VersionState(version, versionCreated, contentHash, killed, null, touchedMs);
    }
}
