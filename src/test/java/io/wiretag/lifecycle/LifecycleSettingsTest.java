package io.wiretag.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleSettingsTest {
    @Test
    void defaultsAreAWeekOfVersionsADayOfDuplicatesAndASecondForEmbargoes() {
        LifecycleSettings s = LifecycleSettings.defaults();
        assertEquals(Duration.ofDays(7), s.versionRetention());
        assertEquals(Duration.ofHours(24), s.duplicateWindow());
        assertEquals(0.8, s.nearDuplicateThreshold());
        assertEquals(Duration.ofSeconds(1), s.embargoInterval());
        assertEquals(Duration.ofHours(1), s.purgeInterval(), "7 days / 24 is 7 h, capped at one hour");
    }

    @Test
    void shippedConfigFileSaysWhatTheDefaultsSay() {
        WiretagConfig c = WiretagConfig.load(Path.of("config/wiretag.properties"), Map.of(), Map.of());
        assertEquals(LifecycleSettings.defaults(), LifecycleSettings.from(c));
    }

    @Test
    void durationsReadInEveryWrittenForm() {
        WiretagConfig c = WiretagConfig.defaultsOnly();
        assertEquals(Duration.ofMillis(500), c.with(WiretagConfig.EMBARGO_INTERVAL, "500ms").getDuration(WiretagConfig.EMBARGO_INTERVAL));
        assertEquals(Duration.ofMinutes(10), c.with(WiretagConfig.DUPLICATE_WINDOW, "10m").getDuration(WiretagConfig.DUPLICATE_WINDOW));
        assertEquals(Duration.ofHours(1), c.with(WiretagConfig.DUPLICATE_WINDOW, "PT1H").getDuration(WiretagConfig.DUPLICATE_WINDOW));
        assertEquals(Duration.ofSeconds(30), c.with(WiretagConfig.DUPLICATE_WINDOW, "30").getDuration(WiretagConfig.DUPLICATE_WINDOW));
    }

    @Test
    void badValuesAreRefusedWithTheKeyAndTheValue() {
        WiretagConfig c = WiretagConfig.defaultsOnly();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LifecycleSettings.from(c.with(WiretagConfig.DUPLICATE_WINDOW, "a while")));
        assertTrue(e.getMessage().contains("wiretag.lifecycle.duplicate-window") && e.getMessage().contains("'a while'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LifecycleSettings.from(c.with(WiretagConfig.EMBARGO_INTERVAL, "0s")));
        e = assertThrows(IllegalArgumentException.class,
                () -> LifecycleSettings.from(c.with(WiretagConfig.NEAR_DUPLICATE_THRESHOLD, "80")));
        assertTrue(e.getMessage().contains("wiretag.lifecycle.near-duplicate-threshold"), e.getMessage());
    }
}
