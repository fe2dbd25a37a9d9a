package io.wiretag.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Gone quiet: a feed that delivered steadily (at least {@code minArrivals} times) and then says nothing for
 * longer than {@code multiple} times its usual gap (and longer than {@code minSilence}) raises one
 * {@code quiet} alert, from {@link #check}, which a caller runs on a timer; its next delivery, through
 * {@link #arrived}, raises one {@code resumed}. The silence itself is not learnt as a usual gap. Pure: the
 * caller passes the time.
 */
public final class QuietRule {
    /** Weight of the newest gap in the usual gap. */
    static final double GAP_WEIGHT = 0.2;

    private QuietRule() {
    }

    /** The state after one event, and the alert it raised, if any. */
    public record Result(QuietState state, Optional<FeedAlert> alert) {
    }

    /** A delivery from {@code feed} at {@code at} ({@code before} is null for a feed not seen yet). */
    public static Result arrived(QuietState before, String feed, Instant at) {
        if (before == null) {
            return new Result(new QuietState(at, 1, 0, false), Optional.empty());
        }
        if (!at.isAfter(before.lastSeen())) {
            // Out of order or the same instant: nothing to learn about gaps.
            return new Result(new QuietState(before.lastSeen(), before.arrivals() + 1, before.usualGapSeconds(), false),
                    before.quiet() ? Optional.of(FeedAlert.resumed(feed, before.lastSeen(), at, Math.round(before.usualGapSeconds())))
                            : Optional.empty());
        }
        double gap = Duration.between(before.lastSeen(), at).toMillis() / 1000.0;
        if (before.quiet()) {
            FeedAlert resumed = FeedAlert.resumed(feed, before.lastSeen(), at, Math.round(before.usualGapSeconds()));
            return new Result(new QuietState(at, before.arrivals() + 1, before.usualGapSeconds(), false), Optional.of(resumed));
        }
        double usual = before.arrivals() == 1 ? gap : before.usualGapSeconds() * (1 - GAP_WEIGHT) + gap * GAP_WEIGHT;
        return new Result(new QuietState(at, before.arrivals() + 1, usual, false), Optional.empty());
    }

    /**
     * Whether a key can be dropped: it never delivered often enough to have a usual gap and has been silent
     * for {@code multiple} times the minimum silence (an hour by default). Producers may key {@code news.raw}
     * by file or story id, and each such key is a "feed" of one delivery: without this, the watch would keep
     * one state per story for ever. A real feed that is merely slow to start learns again on its next delivery.
     */
    public static boolean forgettable(QuietState state, Instant now, QuietSettings s) {
        return state != null && state.arrivals() < s.minArrivals()
                && Duration.between(state.lastSeen(), now).compareTo(s.minSilence().multipliedBy(Math.max(1, Math.round(s.multiple())))) > 0;
    }

    /** Whether {@code feed} has gone quiet by {@code now}; at most one alert per silence. */
    public static Result check(QuietState state, String feed, Instant now, QuietSettings s) {
        if (state == null || state.quiet() || state.arrivals() < s.minArrivals()) {
            return new Result(state, Optional.empty());
        }
        double silent = Duration.between(state.lastSeen(), now).toMillis() / 1000.0;
        if (silent <= s.multiple() * state.usualGapSeconds() || silent <= s.minSilence().toSeconds()) {
            return new Result(state, Optional.empty());
        }
        FeedAlert quiet = FeedAlert.quiet(feed, state.lastSeen(), now, Math.round(state.usualGapSeconds()));
        return new Result(new QuietState(state.lastSeen(), state.arrivals(), state.usualGapSeconds(), true), Optional.of(quiet));
    }
}
