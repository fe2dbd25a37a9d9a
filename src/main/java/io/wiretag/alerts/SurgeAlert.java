package io.wiretag.alerts;

import java.time.Instant;

/**
 * The alert on {@code news.alerts} for a surge, keyed by {@link #id}: the trend key ({@code entity:russia}),
 * its display name, the minute, the count in it and the baseline mean it rose above. The id names the key
 * and the minute, so one surge is one alert however often the count is re-emitted.
 */
public record SurgeAlert(String id, String kind, Instant at, String key, String name, Instant windowStart, long count,
                         double baseline) {
    public static SurgeAlert of(String key, String name, Instant windowStart, long count, double baseline, Instant at) {
        return new SurgeAlert("surge:" + key + ":" + windowStart, "surge", at, key, name, windowStart, count,
                Math.round(baseline * 100) / 100.0);
    }
}
