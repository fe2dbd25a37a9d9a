package io.wiretag.views;

import java.time.Instant;

/**
 * A per-minute count on {@code news.trends}, keyed {@code <kind>:<id>} ({@code entity:russia},
 * {@code topic:ukraine-war}); the same shape the HTTP API answers with.
 */
public record Trend(String kind, String id, String name, Instant windowStart, Instant windowEnd, long count) {
    public static final String ENTITY = "entity";
    public static final String TOPIC = "topic";

    /** The trend key of an entity or topic id. */
    public static String key(String kind, String id) {
        return kind + ":" + id;
    }

    public static Trend of(String key, long windowStartMs, long windowEndMs, TrendCount c) {
        int colon = key.indexOf(':');
        return new Trend(key.substring(0, colon), key.substring(colon + 1), c.name(), Instant.ofEpochMilli(windowStartMs),
                Instant.ofEpochMilli(windowEndMs), c.count());
    }
}
