package io.wiretag.alerts;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * When wiretag raises breaking and surge alerts, and how long it keeps trend counts: read once from the
 * configuration (see {@code config/wiretag.properties}).
 *
 * @param watchedTopics    topic ids a breaking story must be tagged with (any one of them)
 * @param breakingUrgency  the least urgent level that still counts as breaking (1 is flash)
 * @param surgeFactor      a minute's count must be above this many times the baseline mean
 * @param surgeMinCount    ... and at least this many stories
 * @param baselineMinutes  the minutes before the current one whose mean is the baseline
 * @param surgeCooldown    after a surge alert for a key, no other one for it until this has passed
 * @param trendRetention   how long per-minute counts are kept (and queryable)
 * @param trendGrace       how late (in stream time) a story may still count in its minute
 */
public record AlertSettings(List<String> watchedTopics, int breakingUrgency, double surgeFactor, long surgeMinCount,
                            int baselineMinutes, Duration surgeCooldown, Duration trendRetention, Duration trendGrace) {
    public AlertSettings {
        watchedTopics = List.copyOf(watchedTopics);
        if (breakingUrgency < 1 || breakingUrgency > 9) {
            throw new IllegalArgumentException("breaking urgency must be 1 (flash) to 9, not " + breakingUrgency);
        }
        if (!(surgeFactor > 0) || surgeMinCount < 1 || baselineMinutes < 1) {
            throw new IllegalArgumentException("surge factor, minimum count and baseline minutes must be positive");
        }
        // The baseline is read from the trend store, so it must still hold the minutes it is made of.
        Duration needed = Duration.ofMinutes(baselineMinutes + 1L).plus(trendGrace);
        if (trendRetention.compareTo(needed) < 0) {
            throw new IllegalArgumentException("trend retention " + trendRetention + " must be at least the surge baseline plus"
                    + " a minute plus the grace (" + needed + ")");
        }
    }

    public static AlertSettings defaults() {
        return from(WiretagConfig.defaultsOnly());
    }

    public static AlertSettings from(WiretagConfig c) {
        List<String> topics = Arrays.stream(c.get(WiretagConfig.BREAKING_TOPICS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new AlertSettings(topics, c.getInt(WiretagConfig.BREAKING_URGENCY), c.getDouble(WiretagConfig.SURGE_FACTOR),
                c.getInt(WiretagConfig.SURGE_MIN_COUNT), (int) c.getDuration(WiretagConfig.SURGE_BASELINE).toMinutes(),
                c.getDuration(WiretagConfig.SURGE_COOLDOWN), c.getDuration(WiretagConfig.TREND_RETENTION),
                c.getDuration(WiretagConfig.TREND_GRACE));
    }
}
