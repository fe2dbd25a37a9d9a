package io.wiretag.alerts;

import java.time.Instant;

/**
 * The alert on {@code news.alerts} when a provider or feed goes quiet ({@code kind: quiet}) or delivers
 * again ({@code kind: resumed}). The id names the feed and the last delivery before the silence, so the
 * quiet and resumed alerts of one silence pair up and a replay writes the same ids again.
 *
 * @param feed           the provider or feed, e.g. {@code reuters} or {@code reuters:/wire/in}
 * @param lastSeen       its last delivery before the silence
 * @param silentSeconds  how long it had been silent when the alert was raised
 * @param usualGapSeconds its usual gap between deliveries
 */
public record FeedAlert(String id, String kind, Instant at, String feed, Instant lastSeen, long silentSeconds, long usualGapSeconds) {
    static FeedAlert quiet(String feed, Instant lastSeen, Instant at, long usualGapSeconds) {
        return new FeedAlert("quiet:" + feed + ":" + lastSeen, "quiet", at, feed, lastSeen, at.getEpochSecond() - lastSeen.getEpochSecond(),
                usualGapSeconds);
    }

    static FeedAlert resumed(String feed, Instant lastSeen, Instant at, long usualGapSeconds) {
        return new FeedAlert("resumed:" + feed + ":" + lastSeen, "resumed", at, feed, lastSeen,
                at.getEpochSecond() - lastSeen.getEpochSecond(), usualGapSeconds);
    }
}
