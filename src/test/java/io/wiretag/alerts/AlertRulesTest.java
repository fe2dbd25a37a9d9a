package io.wiretag.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    static final Instant T = Instant.parse("2026-03-01T10:31:00Z");
    static final AlertSettings S = AlertSettings.defaults();

    @Test
    void defaultsWatchBothCoreTopicsAtUrgencyTwoAndKeepTrendsADay() {
        assertEquals(List.of("ukraine-war", "us-russia-relations"), S.watchedTopics());
        assertEquals(2, S.breakingUrgency());
        assertEquals(Duration.ofHours(24), S.trendRetention());
        assertEquals(Duration.ofMinutes(5), S.trendGrace());
    }

    @Test
    void aFlashOrUrgentStoryOnAWatchedTopicIsBreakingWithOnlyTheWatchedTopicsNamed() {
        BreakingAlert a = Breaking.decide("ap:1", "Explosions in Kyiv", 1, List.of("sport", "ukraine-war"), T, S).orElseThrow();
        assertEquals("breaking:ap:1", a.id());
        assertEquals("breaking", a.kind());
        assertEquals(List.of("ukraine-war"), a.topics());
        assertEquals(T, a.at());
        assertTrue(Breaking.decide("ap:2", "h", 2, List.of("us-russia-relations"), T, S).isPresent());
    }

    @Test
    void lessUrgentUnknownUrgencyOrUnwatchedTopicsAreNotBreaking() {
        assertEquals(Optional.empty(), Breaking.decide("ap:3", "h", 3, List.of("ukraine-war"), T, S));
        assertEquals(Optional.empty(), Breaking.decide("ap:4", "h", null, List.of("ukraine-war"), T, S));
        assertEquals(Optional.empty(), Breaking.decide("ap:5", "h", 1, List.of("sport"), T, S));
        assertEquals(Optional.empty(), Breaking.decide("ap:6", "h", 1, List.of(), T, S));
    }

    @Test
    void aRetentionTooShortForTheGraceIsRefusedWithItsReason() {
        WiretagConfig c = WiretagConfig.defaultsOnly().with(WiretagConfig.TREND_RETENTION, "5m");
        Exception e = assertThrows(IllegalArgumentException.class, () -> AlertSettings.from(c));
        assertTrue(e.getMessage().contains("trend retention"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlertSettings.from(WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BREAKING_URGENCY, "0")));
    }
}
