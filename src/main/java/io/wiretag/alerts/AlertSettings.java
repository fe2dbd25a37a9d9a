package io.wiretag.alerts;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * When wiretag raises breaking alerts, and how long it keeps trend counts: read once from the configuration
 * (see {@code config/wiretag.properties}; surges are {@link SurgeSettings}).
 *
 * @param watchedTopics    topic ids a breaking story must be tagged with (any one of them)
 * @param breakingUrgency  the least urgent level that still counts as breaking (1 is flash)
 * @param trendRetention   how long per-minute counts are kept (and queryable)
 * @param trendGrace       how late (in stream time) a story may still count in its minute
 * @param trendTime        which minute a story counts in: {@link TrendTime}
 */
public record AlertSettings(List<String> watchedTopics, int breakingUrgency, Duration trendRetention, Duration trendGrace,
                            TrendTime trendTime) {
    /** Which minute a story counts in, in the trends and the surge rule ({@code wiretag.trends.time}). */
    public enum TrendTime {
        /**
         * When it was filed (versionCreated), but when it arrived where that is missing, in the future, or older
         * than the trends keep: a live newsroom, where an old story sent again is news to the dashboard now.
         */
        LIVE,
        /**
         * When it was filed, however old (when it arrived only where that is missing or in the future): a
         * replay of a day's or an archive's stories, whose trends and surges come out as they were.
         */
        FILED;

        public static TrendTime parse(String s) {
            return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "live" -> LIVE;
                case "filed" -> FILED;
                default -> throw new IllegalArgumentException(WiretagConfig.TREND_TIME + " is live or filed, not '" + s + "'");
            };
        }
    }

    public AlertSettings {
        watchedTopics = List.copyOf(watchedTopics);
        if (breakingUrgency < 1 || breakingUrgency > 9) {
            throw new IllegalArgumentException("breaking urgency must be 1 (flash) to 9, not " + breakingUrgency);
        }
        // A story may count in its minute until the grace has passed: the store must still hold that minute.
        Duration needed = Duration.ofMinutes(1).plus(trendGrace);
        if (trendRetention.compareTo(needed) < 0) {
            throw new IllegalArgumentException("trend retention " + trendRetention + " must be at least a minute plus the grace (" + needed + ")");
        }
    }

    public static AlertSettings defaults() {
        return from(WiretagConfig.defaultsOnly());
    }

    public static AlertSettings from(WiretagConfig c) {
        List<String> topics = Arrays.stream(c.get(WiretagConfig.BREAKING_TOPICS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new AlertSettings(topics, c.getInt(WiretagConfig.BREAKING_URGENCY), c.getDuration(WiretagConfig.TREND_RETENTION),
                c.getDuration(WiretagConfig.TREND_GRACE), TrendTime.parse(c.get(WiretagConfig.TREND_TIME)));
    }
}
