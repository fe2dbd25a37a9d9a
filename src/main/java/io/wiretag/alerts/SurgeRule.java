package io.wiretag.alerts;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Surge detection per key (an entity or a topic) in event time ({@code versionCreated}): the stories of the
 * last 5, 15 and 60 minutes (configurable) are held against the key's own baseline rate, and a window is a
 * surge when its count is at least the minimum and so unlikely at that rate (Poisson tail probability) that
 * -log10 of it reaches the minimum score. The baseline is an exponentially weighted rate of the minutes
 * before the ring of the last hour, so a burst does not raise its own baseline; a key is learnt for a while
 * before it may alert; after an alert the key cools down. Pure: no clock, no store, no Kafka.
 */
public final class SurgeRule {
    private static final double LN10 = Math.log(10);

    private SurgeRule() {
    }

    /** The state after one update, and the alert it raised, if any. */
    public record Result(SurgeState state, Optional<SurgeAlert> alert) {
    }

    /**
     * Counts {@code count} stories of {@code key} in the event minute {@code eventMinute} (epoch minutes of
     * versionCreated; a story dated after {@code now} counts in now's minute) and decides on a surge. A story
     * older than the grace behind the newest minute seen for the key is not counted (the state is returned
     * as it was). {@code before} is null for a key not seen yet.
     */
    public static Result update(SurgeState before, String key, String name, long eventMinute, int count, Instant now, SurgeSettings s) {
        long minute = Math.min(eventMinute, Math.floorDiv(now.getEpochSecond(), 60));
        SurgeState st = before == null ? SurgeState.first(minute) : before;
        if (minute > st.headMinute()) {
            st = advance(st, minute, s.decayPerMinute());
        }
        if (minute <= st.headMinute() - SurgeState.RING_MINUTES || st.headMinute() - minute > s.grace().toMinutes() || count <= 0) {
            return new Result(st, Optional.empty());
        }
        int[] ring = st.ring();
        ring[SurgeState.slot(minute)] += count;
        st = new SurgeState(st.firstMinute(), st.headMinute(), ring, st.baselineSum(), st.baselineWeight(), st.foldedUpTo(), st.lastAlertMinute());
        Optional<SurgeAlert> alert = decide(st, key, name, now, s);
        if (alert.isPresent()) {
            st = new SurgeState(st.firstMinute(), st.headMinute(), st.ring(), st.baselineSum(), st.baselineWeight(), st.foldedUpTo(),
                    st.headMinute());
        }
        return new Result(st, alert);
    }

    /** Moves the head to {@code minute}: minutes leaving the ring are folded into the baseline, their slots cleared. */
    static SurgeState advance(SurgeState st, long minute, double decay) {
        double sum = st.baselineSum();
        double weight = st.baselineWeight();
        long folded = st.foldedUpTo();
        // Every minute that leaves the ring is folded, once: the ones still counted there, then a run of empty ones.
        long target = minute - SurgeState.RING_MINUTES;
        while (folded < target && folded + 1 <= st.headMinute()) {
            folded++;
            sum = sum * decay + st.count(folded);
            weight = weight * decay + 1;
        }
        if (folded < target) {
            long zeros = target - folded;
            double dk = Math.pow(decay, zeros);
            sum *= dk;
            weight = weight * dk + (1 - dk) / (1 - decay);
            folded = target;
        }
        int[] ring = st.ring();
        for (long m = Math.max(st.headMinute() + 1, minute - SurgeState.RING_MINUTES + 1); m <= minute; m++) {
            ring[SurgeState.slot(m)] = 0;
        }
        return new SurgeState(st.firstMinute(), minute, ring, sum, weight, folded, st.lastAlertMinute());
    }

    private static Optional<SurgeAlert> decide(SurgeState st, String key, String name, Instant now, SurgeSettings s) {
        boolean learning = st.foldedUpTo() - st.firstMinute() + 1 < s.warmup().toMinutes();
        boolean cooling = st.lastAlertMinute() != Long.MIN_VALUE && st.headMinute() - st.lastAlertMinute() < s.cooldown().toMinutes();
        if (learning || cooling) {
            return Optional.empty();
        }
        double rate = Math.max(st.baselinePerMinute(), s.floorPerDay() / 1440.0);
        int bestWindow = 0;
        long bestCount = 0;
        double bestScore = 0;
        for (int w : s.windowsMinutes()) {
            long n = st.window(w);
            if (n < s.minCount()) {
                continue;
            }
            double score = -log10Tail(n, w * rate);
            if (score >= s.minScore() && score > bestScore) {
                bestWindow = w;
                bestCount = n;
                bestScore = score;
            }
        }
        if (bestWindow == 0) {
            return Optional.empty();
        }
        Instant start = Instant.ofEpochSecond((st.headMinute() - bestWindow + 1) * 60);
        Instant end = Instant.ofEpochSecond((st.headMinute() + 1) * 60);
        double expected = bestWindow * rate;
        String why = String.format(Locale.ROOT, "%d stories in the %d minutes to %s where %.2f were expected at the usual %.2f an hour;"
                + " Poisson probability of as many or more 10^-%.1f", bestCount, bestWindow, end, expected, rate * 60, bestScore);
        return Optional.of(SurgeAlert.windowed(key, name, start, bestWindow, bestCount, rate, expected, bestScore, why, now));
    }

    /**
     * log10 of P(X >= k) for X ~ Poisson(lambda): how unlikely k or more stories are at the rate. 0 where k
     * is at or below lambda (not unusual at all); computed in logs, so a tail of 1e-40 is not rounded to 0.
     */
    public static double log10Tail(long k, double lambda) {
        if (k <= 0 || k <= lambda) {
            return 0;
        }
        if (lambda <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double lnFirst = -lambda + k * Math.log(lambda) - lnFactorial(k);
        double series = 1;
        double term = 1;
        for (long i = k + 1; i < k + 100_000; i++) {
            term *= lambda / i;
            series += term;
            if (term < 1e-16 * series) {
                break;
            }
        }
        return Math.min(0, (lnFirst + Math.log(series)) / LN10);
    }

    static double lnFactorial(long k) {
        if (k < 1000) {
            double s = 0;
            for (long i = 2; i <= k; i++) {
                s += Math.log(i);
            }
            return s;
        }
        // Stirling's series; exact to far below what a score needs at these sizes.
        double x = k;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
