package io.wiretag.alerts;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;

/**
 * The settings of {@link QuietRule} ({@code wiretag.alerts.quiet.*}).
 *
 * @param multiple    silence longer than this many usual gaps is quiet ...
 * @param minSilence  ... and longer than this, so a feed that delivers every few seconds is not quiet after a minute
 * @param minArrivals only a feed that delivered at least this many times has a usual gap
 */
public record QuietSettings(double multiple, Duration minSilence, int minArrivals) {
    public QuietSettings {
        if (!(multiple > 1) || minArrivals < 2 || minSilence.isNegative()) {
            throw new IllegalArgumentException("quiet multiple must be above 1 and min-arrivals at least 2");
        }
    }

    public static QuietSettings defaults() {
        return from(WiretagConfig.defaultsOnly());
    }

    public static QuietSettings from(WiretagConfig c) {
        return new QuietSettings(c.getDouble(WiretagConfig.QUIET_MULTIPLE), c.getDuration(WiretagConfig.QUIET_MIN_SILENCE),
                c.getInt(WiretagConfig.QUIET_MIN_ARRIVALS));
    }
}
