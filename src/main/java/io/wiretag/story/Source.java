package io.wiretag.story;

import java.time.Instant;

/**
 * Where a story came from: the provider (e.g. {@code ap}), the wire format it arrived in, the feed
 * (for a file, its path as it was given) and when wiretag received it.
 */
public record Source(String provider, String format, String feed, Instant receivedAt) {
}
