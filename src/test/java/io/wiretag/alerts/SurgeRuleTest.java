package io.wiretag.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The surge rule as a newsroom would try it: bursts on quiet keys, steady busy keys, a replayed backlog. */
class SurgeRuleTest {
    static final SurgeSettings S = SurgeSettings.defaults();
    /** 2025-02-01T00:00Z in epoch minutes: the day the stories below are filed. */
    static final long DAY = Instant.parse("2025-02-01T00:00:00Z").getEpochSecond() / 60;

    /** One story: its key and its versionCreated minute. */
    record Story(String key, long minute) {
    }

    /** Feeds the stories in the given order, each arriving at {@code arrival(story)}; returns every alert. */
    static List<SurgeAlert> run(List<Story> stories, java.util.function.Function<Story, Instant> arrival) {
        Map<String, SurgeState> states = new HashMap<>();
        List<SurgeAlert> alerts = new ArrayList<>();
        for (Story s : stories) {
            SurgeRule.Result r = SurgeRule.update(states.get(s.key()), s.key(), s.key(), s.minute(), 1, arrival.apply(s), S);
            states.put(s.key(), r.state());
            r.alert().ifPresent(alerts::add);
        }
        return alerts;
    }

    /** Live: each story arrives in the minute it was filed. */
    static List<SurgeAlert> live(List<Story> stories) {
        return run(stories, s -> Instant.ofEpochSecond(s.minute() * 60 + 30));
    }

    static List<Story> zaporizhzhia() {
        List<Story> out = new ArrayList<>();
        for (int h = 0; h < 12; h++) {
            out.add(new Story("entity:zaporizhzhia-nuclear-power-plant", DAY + h * 60L));
        }
        for (int i = 0; i < 30; i++) {
            out.add(new Story("entity:zaporizhzhia-nuclear-power-plant", DAY + 12 * 60 + i / 3)); // 30 in 10 minutes
        }
        return out;
    }

    /** 50 stories an hour for a day, evenly spread (one every 72 seconds). */
    static List<Story> steadyTrump(int hours) {
        List<Story> out = new ArrayList<>();
        for (int i = 0; i < 50 * hours; i++) {
            out.add(new Story("entity:donald-trump", DAY + (i * 72L) / 60));
        }
        return out;
    }

    @Test
    void aBurstOnAQuietKeyIsExactlyOneSurgeThatSaysWhy() {
        List<SurgeAlert> alerts = live(zaporizhzhia());
        assertEquals(1, alerts.size(), alerts.toString());
        SurgeAlert a = alerts.get(0);
        assertEquals("surge", a.kind());
        assertEquals("entity:zaporizhzhia-nuclear-power-plant", a.key());
        assertTrue(a.count() >= S.minCount(), a.toString());
        // At one story an hour, the window expected well under one story.
        assertTrue(a.expected() < 0.5, a.toString());
        assertTrue(a.baseline() * 60 > 0.5 && a.baseline() * 60 < 2, "about one an hour: " + a.baseline() * 60);
        assertTrue(a.score() >= S.minScore(), a.toString());
        assertTrue(S.windowsMinutes().contains(a.windowMinutes()));
        assertEquals(Instant.ofEpochSecond((DAY + 12 * 60 + 1 - a.windowMinutes() + 1) * 60), a.windowStart(),
                "raised in the burst's second minute, the first with enough stories");
        assertEquals("surge:" + a.key() + ":" + a.windowStart(), a.id());
        assertTrue(a.explanation().startsWith(a.count() + " stories in the " + a.windowMinutes() + " minutes to "), a.explanation());
    }

    @Test
    void aSteadyBusyKeyAllDayIsNeverASurge() {
        assertEquals(List.of(), live(steadyTrump(24)));
    }

    @Test
    void aBusyKeyWithRandomArrivalsAllDayIsNeverASurge() {
        // Poisson arrivals at 50 an hour, seeded: bunching happens, a surge does not.
        Random random = new Random(20250201);
        List<Story> stories = new ArrayList<>();
        double t = 0;
        while (t < 24 * 60) {
            t += -Math.log(1 - random.nextDouble()) * 60 / 50.0;
            stories.add(new Story("entity:donald-trump", DAY + (long) t));
        }
        assertTrue(stories.size() > 1100 && stories.size() < 1300, "about 1,200: " + stories.size());
        assertEquals(List.of(), live(stories));
    }

    @Test
    void aBacklogReplayedInOneMinuteRaisesNoSpuriousSurgeButKeepsTheRealOne() {
        // 18 hours of steady news on three keys, sent at once at 18:00 and counted by versionCreated.
        List<Story> backlog = new ArrayList<>();
        for (int i = 0; i < 50 * 18; i++) {
            backlog.add(new Story("entity:donald-trump", DAY + (i * 72L) / 60));
        }
        for (int i = 0; i < 20 * 18; i++) {
            backlog.add(new Story("entity:united-states", DAY + i * 3L));
        }
        for (int i = 0; i < 6 * 18; i++) {
            backlog.add(new Story("entity:white-house", DAY + i * 10L));
        }
        backlog.sort(java.util.Comparator.comparingLong(Story::minute));
        Instant replayedAt = Instant.ofEpochSecond((DAY + 18 * 60) * 60 + 20);
        assertEquals(List.of(), run(backlog, s -> replayedAt));

        // Feeds interleave: each in order, up to a few minutes apart from the others (within the grace).
        List<Story> interleaved = new ArrayList<>(backlog);
        interleaved.sort(java.util.Comparator.comparingLong(s -> s.minute() + (s.key().hashCode() & 3)));
        assertEquals(List.of(), run(interleaved, s -> replayedAt));

        // The Zaporizhzhia burst inside the same backlog is still found, once.
        List<Story> withBurst = new ArrayList<>(backlog);
        withBurst.addAll(zaporizhzhia());
        withBurst.sort(java.util.Comparator.comparingLong(Story::minute));
        List<SurgeAlert> alerts = run(withBurst, s -> replayedAt);
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals("entity:zaporizhzhia-nuclear-power-plant", alerts.get(0).key());
        assertEquals(replayedAt, alerts.get(0).at(), "raised when replayed, about the minutes it was filed in");
    }

    @Test
    void aSecondBurstWithinTheCooldownIsSilentAfterItAlertsAgain() {
        List<Story> stories = zaporizhzhia();
        long end = DAY + 12 * 60 + 10;
        for (int i = 0; i < 30; i++) {
            stories.add(new Story("entity:zaporizhzhia-nuclear-power-plant", end + 5 + i / 3)); // within 30 min of the alert
        }
        assertEquals(1, live(stories).size());
        for (int i = 0; i < 60; i++) {
            stories.add(new Story("entity:zaporizhzhia-nuclear-power-plant", end + 240 + i / 3)); // hours later, bigger still
        }
        assertEquals(2, live(stories).size());
    }

    @Test
    void aNewKeyIsLearntBeforeItMayAlert() {
        List<Story> stories = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            stories.add(new Story("entity:new-name", DAY + i / 4));
        }
        assertEquals(List.of(), live(stories), "no history yet: nothing to be surprised against");
    }

    @Test
    void aStoryLaterThanTheGraceIsNotCountedAndAFutureDateCountsNow() {
        SurgeState st = SurgeRule.update(null, "k", "K", DAY + 100, 1, Instant.ofEpochSecond((DAY + 100) * 60), S).state();
        long grace = S.grace().toMinutes();
        SurgeState late = SurgeRule.update(st, "k", "K", DAY + 100 - grace - 1, 1, Instant.ofEpochSecond((DAY + 100) * 60), S).state();
        assertEquals(st, late, "too late: not counted");
        SurgeState inGrace = SurgeRule.update(st, "k", "K", DAY + 100 - grace, 1, Instant.ofEpochSecond((DAY + 100) * 60), S).state();
        assertEquals(1, inGrace.count(DAY + 100 - grace));
        SurgeState future = SurgeRule.update(st, "k", "K", DAY + 10_000, 1, Instant.ofEpochSecond((DAY + 101) * 60), S).state();
        assertEquals(DAY + 101, future.headMinute(), "a story dated in the future counts in the minute it came");
    }

    @Test
    void theBaselineFoldsEveryMinuteOnceAndExcludesTheLastHour() {
        SurgeState st = null;
        Instant now = Instant.ofEpochSecond((DAY + 10_000) * 60);
        for (long m = 0; m < 600; m++) {
            st = SurgeRule.update(st, "k", "K", DAY + m, 2, now, S).state();
        }
        assertEquals(DAY + 599 - 60, st.foldedUpTo());
        assertEquals(2.0, st.baselinePerMinute(), 1e-9, "two a minute, every minute");
        assertEquals(120, st.window(60));
        // A gap of a day folds as empty minutes: the rate falls.
        st = SurgeRule.update(st, "k", "K", DAY + 600 + 1440, 1, now, S).state();
        assertTrue(st.baselinePerMinute() < 0.2, "after a silent day: " + st.baselinePerMinute());
        assertEquals(1, st.window(60), "the ring holds only the new minute");
    }

    @Test
    void thePoissonTailIsRightAndDoesNotUnderflow() {
        // P(X >= 2 | 1) = 1 - 2 e^-1
        assertEquals(Math.log10(1 - 2 * Math.exp(-1)), SurgeRule.log10Tail(2, 1), 1e-9);
        // P(X >= 3 | 0.5) = 1 - e^-0.5 (1 + 0.5 + 0.125)
        assertEquals(Math.log10(1 - Math.exp(-0.5) * 1.625), SurgeRule.log10Tail(3, 0.5), 1e-9);
        double tiny = SurgeRule.log10Tail(30, 0.01);
        assertTrue(tiny < -80 && Double.isFinite(tiny), "30 at 0.01 is about 1e-" + (-tiny));
        assertEquals(0, SurgeRule.log10Tail(4, 5), "fewer than expected is no surprise");
        assertEquals(SurgeRule.lnFactorial(999) + Math.log(1000), SurgeRule.lnFactorial(1000), 1e-6);
    }

    @Test
    void theStateIsASmallRecordThatSurvivesJson() throws Exception {
        SurgeState st = null;
        for (Story s : zaporizhzhia()) {
            st = SurgeRule.update(st, s.key(), s.key(), s.minute(), 1, Instant.ofEpochSecond(s.minute() * 60), S).state();
        }
        byte[] json = Json.MAPPER.writeValueAsBytes(st);
        assertTrue(json.length < 600, json.length + " bytes");
        assertEquals(st, Json.MAPPER.readValue(json, SurgeState.class));
    }

    @Test
    void defaultsAreFiveFifteenAndSixtyMinutesAtOneInAMillion() {
        assertEquals(List.of(5, 15, 60), S.windowsMinutes());
        assertEquals(6.0, S.minScore());
        assertEquals(5, S.minCount());
        assertEquals(Duration.ofMinutes(30), S.cooldown());
        assertEquals(Duration.ofMinutes(5), S.grace());
    }
}
