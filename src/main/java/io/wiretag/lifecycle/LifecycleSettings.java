package io.wiretag.lifecycle;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;

/**
 * The lifecycle's tunables: how long version state is kept, the duplicate window, the near-duplicate
 * threshold (estimated Jaccard similarity of word 3-shingles), how often embargoes are checked and how long
 * an AP item and its NITF rendition wait for each other.
 */
public record LifecycleSettings(Duration versionRetention, Duration duplicateWindow, double nearDuplicateThreshold,
                                Duration embargoInterval, Duration renditionWait) {
    /** The default of {@link WiretagConfig#RENDITION_WAIT}. */
    public static final Duration DEFAULT_RENDITION_WAIT = Duration.ofSeconds(30);

    public LifecycleSettings {
        if (nearDuplicateThreshold <= 0 || nearDuplicateThreshold > 1) {
            throw new IllegalArgumentException(WiretagConfig.NEAR_DUPLICATE_THRESHOLD + " must be above 0 and at most 1, not "
                    + nearDuplicateThreshold);
        }
    }

    /** With the default wait for AP renditions. */
    public LifecycleSettings(Duration versionRetention, Duration duplicateWindow, double nearDuplicateThreshold, Duration embargoInterval) {
        this(versionRetention, duplicateWindow, nearDuplicateThreshold, embargoInterval, DEFAULT_RENDITION_WAIT);
    }

    public static LifecycleSettings from(WiretagConfig c) {
        return new LifecycleSettings(c.getDuration(WiretagConfig.VERSION_RETENTION), c.getDuration(WiretagConfig.DUPLICATE_WINDOW),
                c.getDouble(WiretagConfig.NEAR_DUPLICATE_THRESHOLD), c.getDuration(WiretagConfig.EMBARGO_INTERVAL),
                c.getDuration(WiretagConfig.RENDITION_WAIT));
    }

    /** This with another wait for AP renditions. */
    public LifecycleSettings withRenditionWait(Duration wait) {
        return new LifecycleSettings(versionRetention, duplicateWindow, nearDuplicateThreshold, embargoInterval, wait);
    }

    /** How often state past its retention is looked for: a 24th of the retention, within 1 minute to 1 hour. */
    public Duration purgeInterval() {
        Duration d = versionRetention.dividedBy(24);
        Duration min = Duration.ofMinutes(1);
        Duration max = Duration.ofHours(1);
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    public static LifecycleSettings defaults() {
        return from(WiretagConfig.defaultsOnly());
    }
}
