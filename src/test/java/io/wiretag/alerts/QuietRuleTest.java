package io.wiretag.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gone quiet, as an intake desk would notice it: a steady feed stops, then comes back. */
class QuietRuleTest {
    static final QuietSettings S = QuietSettings.defaults();
    static final Instant T0 = Instant.parse("2025-02-01T06:00:00Z");

    /** A feed delivering every {@code every} for {@code n} deliveries from T0, checked every minute; returns the state and alerts. */
    static QuietState steady(String feed, Duration every, int n, List<FeedAlert> alerts) {
        QuietState st = null;
        Instant t = T0;
        for (int i = 0; i < n; i++) {
            QuietRule.Result r = QuietRule.arrived(st, feed, t);
            r.alert().ifPresent(alerts::add);
            st = r.state();
            Instant next = t.plus(every);
            for (Instant c = t.plusSeconds(60); c.isBefore(next); c = c.plusSeconds(60)) {
                QuietRule.Result q = QuietRule.check(st, feed, c, S);
                q.alert().ifPresent(alerts::add);
                st = q.state();
            }
            t = next;
        }
        return st;
    }

    @Test
    void aSteadyFeedThatStopsIsQuietOnceAndResumedOnce() {
        List<FeedAlert> alerts = new ArrayList<>();
        QuietState st = steady("reuters", Duration.ofMinutes(3), 40, alerts);
        assertEquals(List.of(), alerts, "every three minutes, checked every minute: never quiet");
        Instant last = st.lastSeen();
        // Silent for two hours, checked every minute.
        for (int m = 1; m <= 120; m++) {
            QuietRule.Result q = QuietRule.check(st, "reuters", last.plusSeconds(60L * m), S);
            q.alert().ifPresent(alerts::add);
            st = q.state();
        }
        assertEquals(1, alerts.size(), alerts.toString());
        FeedAlert quiet = alerts.get(0);
        assertEquals("quiet", quiet.kind());
        assertEquals("quiet:reuters:" + last, quiet.id());
        assertEquals(180, quiet.usualGapSeconds());
        // 6 x 3 minutes = 18 minutes; the first check past that is the 19th minute.
        assertEquals(last.plusSeconds(19 * 60), quiet.at());
        assertEquals(19 * 60, quiet.silentSeconds());

        QuietRule.Result back = QuietRule.arrived(st, "reuters", last.plusSeconds(7200 + 30));
        FeedAlert resumed = back.alert().orElseThrow();
        assertEquals("resumed", resumed.kind());
        assertEquals("resumed:reuters:" + last, resumed.id(), "pairs with its quiet alert");
        assertEquals(7230, resumed.silentSeconds());
        assertEquals(180, back.state().usualGapSeconds(), 1e-9, "the silence is not learnt as a usual gap");
        assertTrue(QuietRule.arrived(back.state(), "reuters", last.plusSeconds(7400)).alert().isEmpty(), "resumed once");
        assertTrue(QuietRule.check(back.state(), "reuters", last.plusSeconds(7230 + 600), S).alert().isEmpty(), "not quiet again at once");
    }

    @Test
    void aFastFeedIsNotQuietBeforeTheMinimumSilence() {
        List<FeedAlert> alerts = new ArrayList<>();
        QuietState st = steady("ap", Duration.ofSeconds(20), 100, alerts);
        // 6 x 20 s is two minutes; the minimum silence is ten.
        assertTrue(QuietRule.check(st, "ap", st.lastSeen().plusSeconds(9 * 60), S).alert().isEmpty());
        assertTrue(QuietRule.check(st, "ap", st.lastSeen().plusSeconds(11 * 60), S).alert().isPresent());
    }

    @Test
    void aFeedWithTooFewDeliveriesHasNoUsualGapAndIsNeverQuiet() {
        List<FeedAlert> alerts = new ArrayList<>();
        QuietState st = steady("kyodo", Duration.ofMinutes(5), S.minArrivals() - 1, alerts);
        assertTrue(QuietRule.check(st, "kyodo", st.lastSeen().plus(Duration.ofDays(1)), S).alert().isEmpty());
    }

    @Test
    void theUsualGapFollowsAFeedThatSlowsDown() {
        List<FeedAlert> alerts = new ArrayList<>();
        QuietState st = steady("dpa", Duration.ofMinutes(2), 20, alerts);
        Instant t = st.lastSeen();
        for (int i = 0; i < 30; i++) {
            t = t.plus(Duration.ofMinutes(10));
            st = QuietRule.arrived(st, "dpa", t).state();
        }
        assertEquals(600, st.usualGapSeconds(), 1, "now every ten minutes");
        assertTrue(QuietRule.check(st, "dpa", t.plus(Duration.ofMinutes(30)), S).alert().isEmpty(), "30 min is 3 usual gaps");
        assertEquals(List.of(), alerts, "slowing down is not going quiet");
    }

    @Test
    void aKeyOfOneDeliveryIsForgottenAfterAnHourAndAFeedNever() {
        // A producer that keys news.raw by file or story id makes one "feed" per story: not kept for ever.
        QuietState once = QuietRule.arrived(null, "ap:story-1.xml", T0).state();
        assertEquals(false, QuietRule.forgettable(once, T0.plus(Duration.ofMinutes(59)), S), "an hour is 6 x the 10-minute minimum silence");
        assertEquals(true, QuietRule.forgettable(once, T0.plus(Duration.ofMinutes(61)), S));
        // A real feed, once it has a usual gap, is kept however long it is silent: it is the one to alert on.
        QuietState feed = steady("reuters", Duration.ofMinutes(3), S.minArrivals(), new ArrayList<>());
        assertEquals(false, QuietRule.forgettable(feed, feed.lastSeen().plus(Duration.ofDays(30)), S));
    }
}
