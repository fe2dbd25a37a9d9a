package io.wiretag.alerts;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether one minute's count for an entity or topic is a surge: far above the mean of the minutes
 * before it, with enough stories to matter, and not within the cool-down of the last surge alert for it.
 */
public final class Surge {
    private Surge() {
    }

    /** The mean count per minute over the baseline, minutes without a story counting as zero. */
    public static double baseline(long storiesInBaseline, int baselineMinutes) {
        return (double) storiesInBaseline / baselineMinutes;
    }

    public static boolean isSurge(long count, double baseline, AlertSettings settings) {
        return count >= settings.surgeMinCount() && count > settings.surgeFactor() * baseline;
    }

    /** True while a surge alerted for the minute starting at {@code lastAlertMs} still silences this minute. */
    public static boolean coolingDown(Long lastAlertMs, long windowStartMs, AlertSettings settings) {
        return lastAlertMs != null && windowStartMs >= lastAlertMs && windowStartMs < lastAlertMs + settings.surgeCooldown().toMillis();
    }

    /**
     * The alert for {@code key}'s minute starting at {@code windowStartMs}, or empty: not a surge, or still
     * cooling down from the alert for the minute at {@code lastAlertMs} (null when there was none).
     */
    public static Optional<SurgeAlert> decide(String key, String name, long windowStartMs, long count, long storiesInBaseline,
                                              Long lastAlertMs, Instant at, AlertSettings settings) {
        double baseline = baseline(storiesInBaseline, settings.baselineMinutes());
        if (!isSurge(count, baseline, settings) || coolingDown(lastAlertMs, windowStartMs, settings)) {
            return Optional.empty();
        }
        return Optional.of(SurgeAlert.of(key, name, Instant.ofEpochMilli(windowStartMs), count, baseline, at));
    }
}
