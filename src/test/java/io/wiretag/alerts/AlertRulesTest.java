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
    void defaultsWatchBothCoreTopicsAtUrgencyTwoAndSurgeAtThreeTimesThirtyMinutes() {
        assertEquals(List.of("ukraine-war", "us-russia-relations"), S.watchedTopics());
        assertEquals(2, S.breakingUrgency());
        assertEquals(3.0, S.surgeFactor());
        assertEquals(5, S.surgeMinCount());
        assertEquals(30, S.baselineMinutes());
        assertEquals(Duration.ofMinutes(30), S.surgeCooldown());
        assertEquals(Duration.ofHours(24), S.trendRetention());
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
    void aSurgeIsAboveThreeTimesTheBaselineMeanAndAtLeastTheMinimumCount() {
        // 30 stories in the 30 minutes before: a mean of 1 a minute.
        assertEquals(1.0, Surge.baseline(30, 30));
        assertTrue(Surge.isSurge(5, 1.0, S));
        assertFalse(Surge.isSurge(3, 1.0, S), "not above 3 x 1.0");
        assertFalse(Surge.isSurge(4, 0.0, S), "below the minimum of 5 stories, whatever the baseline");
        assertFalse(Surge.isSurge(12, 4.0, S), "12 is not above 3 x 4.0");
        assertTrue(Surge.isSurge(13, 4.0, S));
    }

    @Test
    void oneSurgeAlertsOnceThenCoolsDownForThirtyMinutes() {
        long minute = T.toEpochMilli();
        SurgeAlert a = Surge.decide("entity:russia", "Russia", minute, 6, 2, null, T, S).orElseThrow();
        assertEquals("surge:entity:russia:2026-03-01T10:31:00Z", a.id());
        assertEquals(6, a.count());
        assertEquals(0.07, a.baseline(), "2 stories over 30 minutes, rounded to two places");
        assertTrue(Surge.decide("entity:russia", "Russia", minute, 9, 2, minute, T, S).isEmpty(), "same minute");
        long tenLater = minute + Duration.ofMinutes(10).toMillis();
        assertTrue(Surge.decide("entity:russia", "Russia", tenLater, 20, 9, minute, T, S).isEmpty(), "within the cool-down");
        long thirtyLater = minute + Duration.ofMinutes(30).toMillis();
        assertTrue(Surge.decide("entity:russia", "Russia", thirtyLater, 20, 9, minute, T, S).isPresent(), "cool-down over");
    }

    @Test
    void aRetentionTooShortForTheBaselineIsRefusedWithItsReason() {
        WiretagConfig c = WiretagConfig.defaultsOnly().with(WiretagConfig.TREND_RETENTION, "20m");
        Exception e = assertThrows(IllegalArgumentException.class, () -> AlertSettings.from(c));
        assertTrue(e.getMessage().contains("trend retention"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlertSettings.from(WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BREAKING_URGENCY, "0")));
    }
}
