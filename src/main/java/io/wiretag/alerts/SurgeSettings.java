package io.wiretag.alerts;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of {@link SurgeRule} (see {@code config/wiretag.properties}, {@code wiretag.alerts.surge.*}).
 *
 * @param windowsMinutes  the sliding windows a key's count is read over, e.g. 5, 15 and 60 minutes; at most 60
 * @param minScore        how unlikely the count must be at the key's own rate: -log10 of the Poisson tail probability
 * @param minCount        ... and at least this many stories in the window
 * @param cooldown        after a surge alert for a key, no other one for it until this much event time has passed
 * @param warmup          a key's first stretch of event time, learnt from and never alerted on
 * @param halfLife        how fast the baseline rate forgets: a minute this long ago weighs half as much as the newest
 * @param floorPerDay     the least baseline rate a key is given, in stories per day, so a key seen once is not a certainty of zero
 * @param grace           how late (behind the newest minute seen for the key) a story still counts
 */
public record SurgeSettings(List<Integer> windowsMinutes, double minScore, int minCount, Duration cooldown, Duration warmup,
                            Duration halfLife, double floorPerDay, Duration grace) {
    public SurgeSettings {
        windowsMinutes = List.copyOf(windowsMinutes);
        if (windowsMinutes.isEmpty() || windowsMinutes.stream().anyMatch(w -> w < 1 || w > SurgeState.RING_MINUTES)) {
            throw new IllegalArgumentException("surge windows must be 1 to " + SurgeState.RING_MINUTES + " minutes, not " + windowsMinutes);
        }
        if (!(minScore > 0) || minCount < 1 || !(floorPerDay > 0)) {
            throw new IllegalArgumentException("surge min-score, min-count and floor-per-day must be positive");
        }
        if (grace.toMinutes() >= SurgeState.RING_MINUTES) {
            throw new IllegalArgumentException("the surge grace must be under " + SurgeState.RING_MINUTES + " minutes, not " + grace);
        }
    }

    public static SurgeSettings defaults() {
        return from(WiretagConfig.defaultsOnly());
    }

    public static SurgeSettings from(WiretagConfig c) {
        List<Integer> windows = Arrays.stream(c.get(WiretagConfig.SURGE_WINDOWS).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> (int) c.with(WiretagConfig.SURGE_WINDOWS, s).getDuration(WiretagConfig.SURGE_WINDOWS).toMinutes()).toList();
        return new SurgeSettings(windows, c.getDouble(WiretagConfig.SURGE_MIN_SCORE), c.getInt(WiretagConfig.SURGE_MIN_COUNT),
                c.getDuration(WiretagConfig.SURGE_COOLDOWN), c.getDuration(WiretagConfig.SURGE_WARMUP), c.getDuration(WiretagConfig.SURGE_HALF_LIFE),
                c.getDouble(WiretagConfig.SURGE_FLOOR_PER_DAY), c.getDuration(WiretagConfig.TREND_GRACE));
    }

    /** The baseline's decay per minute: a minute {@link #halfLife} old weighs half. */
    double decayPerMinute() {
        return Math.pow(0.5, 1.0 / Math.max(1, halfLife.toMinutes()));
    }
}
