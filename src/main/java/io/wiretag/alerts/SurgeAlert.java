package io.wiretag.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The alert on {@code news.alerts} for a surge, keyed by {@link #id}: the trend key ({@code entity:russia}),
 * its display name, the window's start, the count in it and the baseline (stories per minute) it rose
 * above. The id names the key and the window's start, so one surge is one alert however often it is
 * re-emitted. Alerts of {@link SurgeRule} also say how long the window was, how many stories were expected
 * in it, the score (-log10 of the Poisson tail probability) and an explanation in words; fields added to
 * the contract, none renamed.
 */
public record SurgeAlert(String id, String kind, Instant at, String key, String name, Instant windowStart, long count,
                         double baseline,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer windowMinutes,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double expected,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double score,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String explanation) {
    /** A one-minute surge of the per-minute rule ({@link Surge}). */
    public static SurgeAlert of(String key, String name, Instant windowStart, long count, double baseline, Instant at) {
        return new SurgeAlert("surge:" + key + ":" + windowStart, "surge", at, key, name, windowStart, count, round(baseline),
                null, null, null, null);
    }

    /** A surge over a window of {@code windowMinutes} at the key's own rate ({@link SurgeRule}). */
    public static SurgeAlert windowed(String key, String name, Instant windowStart, int windowMinutes, long count, double baselinePerMinute,
                                      double expected, double score, String explanation, Instant at) {
        return new SurgeAlert("surge:" + key + ":" + windowStart, "surge", at, key, name, windowStart, count, Math.round(baselinePerMinute * 10_000) / 10_000.0,
                windowMinutes, round(expected), Math.round(score * 10) / 10.0, explanation);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
