package io.wiretag.alerts;

import java.time.Instant;

/**
 * What {@link QuietRule} remembers of one feed: its last delivery, how many it made, its usual gap (an
 * exponentially weighted mean of the gaps between deliveries, seconds) and whether it is quiet now.
 */
public record QuietState(Instant lastSeen, long arrivals, double usualGapSeconds, boolean quiet) {
}
