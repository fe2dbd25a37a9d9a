package io.wiretag.alerts;

import java.util.Arrays;

/**
 * What {@link SurgeRule} remembers of one key (an entity or a topic), small enough for a state store: the
 * stories per minute of the last {@value #RING_MINUTES} minutes of event time in a ring, the baseline as an
 * exponentially weighted sum and weight of the per-minute counts before them, and the minutes that matter.
 *
 * @param firstMinute     the event minute (epoch minutes) of the key's first story
 * @param headMinute      the newest event minute seen; the ring holds headMinute-59 .. headMinute
 * @param ring            stories per minute, minute m at index m mod 60
 * @param baselineSum     decayed sum of the per-minute counts folded into the baseline
 * @param baselineWeight  decayed number of minutes folded (so the rate is sum / weight, without a start-up bias)
 * @param foldedUpTo      the last minute folded into the baseline (each minute is folded once)
 * @param lastAlertMinute the head minute of the last surge alert, or {@link Long#MIN_VALUE}
 */
public record SurgeState(long firstMinute, long headMinute, int[] ring, double baselineSum, double baselineWeight, long foldedUpTo,
                         long lastAlertMinute) {
    public static final int RING_MINUTES = 60;

    public SurgeState {
        if (ring.length != RING_MINUTES) {
            throw new IllegalArgumentException("a surge ring holds " + RING_MINUTES + " minutes, not " + ring.length);
        }
        ring = ring.clone();
    }

    static SurgeState first(long minute) {
        return new SurgeState(minute, minute, new int[RING_MINUTES], 0, 0, minute - 1, Long.MIN_VALUE);
    }

    /** The stories counted in the minute, 0 outside the ring. */
    public int count(long minute) {
        return minute > headMinute || minute <= headMinute - RING_MINUTES ? 0 : ring[slot(minute)];
    }

    /** Stories in the {@code minutes} minutes ending with the head minute. */
    public long window(int minutes) {
        long n = 0;
        for (long m = headMinute - minutes + 1; m <= headMinute; m++) {
            n += count(m);
        }
        return n;
    }

    /** The baseline in stories per minute, or 0 while nothing has been folded. */
    public double baselinePerMinute() {
        return baselineWeight == 0 ? 0 : baselineSum / baselineWeight;
    }

    static int slot(long minute) {
        return Math.floorMod(minute, RING_MINUTES);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurgeState s && firstMinute == s.firstMinute && headMinute == s.headMinute && Arrays.equals(ring, s.ring)
                && baselineSum == s.baselineSum && baselineWeight == s.baselineWeight && foldedUpTo == s.foldedUpTo
                && lastAlertMinute == s.lastAlertMinute;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(headMinute) * 31 + Arrays.hashCode(ring);
    }

    @Override
    public String toString() {
        return "SurgeState[head=" + headMinute + ", baseline/min=" + baselinePerMinute() + ", last60=" + window(RING_MINUTES) + "]";
    }
}
