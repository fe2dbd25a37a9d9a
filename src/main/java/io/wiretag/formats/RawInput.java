package io.wiretag.formats;

import io.wiretag.story.StoryDraft;
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

    /** How this input came, for every story read from it in {@code format} with the charsets its text had. */
    public StoryDraft.Delivery delivery(String format, String declaredCharset, String detectedCharset) {
        return new StoryDraft.Delivery(bytes, format, provider, source, receivedAt, declaredCharset, detectedCharset);
    }
}
