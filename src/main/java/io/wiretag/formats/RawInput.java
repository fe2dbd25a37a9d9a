package io.wiretag.formats;

import java.time.Instant;
import java.util.Objects;

/**
 * Bytes as a wire delivered them, with what the producer knew: an optional format hint, the provider,
 * the source (a file's path as given, a feed URL, a source id) and when wiretag received them.
 */
public record RawInput(byte[] bytes, String formatHint, String provider, String source, Instant receivedAt) {
    public RawInput {
        Objects.requireNonNull(bytes, "bytes");
        receivedAt = receivedAt == null ? Instant.EPOCH : receivedAt;
    }

    public static RawInput of(byte[] bytes, String source) {
        return new RawInput(bytes, null, null, source, Instant.now());
    }
}
