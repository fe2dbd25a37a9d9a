package io.wiretag.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * One POST of one record to a webhook, and what to do about the answer: a 2xx is delivered, a 5xx, 408,
 * 429, a timeout or a refused connection is worth another try after a capped exponential backoff, any
 * other answer (a 4xx, a redirect) will not get better by trying again.
 */
final class Webhook {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** What one attempt came to. {@code retryAfter} is the server's Retry-After, when it sent one. */
    sealed interface Outcome {
        record Delivered(int status) implements Outcome {
        }

        record Retry(String why, Optional<Duration> retryAfter) implements Outcome {
        }

        record Refused(int status) implements Outcome {
        }
    }

    /** Backoff: {@code initial}, doubling each failed attempt, never more than {@code max}. */
    record Backoff(Duration initial, Duration max) {
        Backoff {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("the retry backoff must be positive and its maximum at least its start");
            }
        }

        /** The wait before attempt {@code failures + 1}, after {@code failures} failed ones (1, 2, ...). */
        Duration after(int failures) {
            int doublings = Math.min(Math.max(failures - 1, 0), 30);
            long ms = initial.toMillis() << doublings;
            return ms <= 0 || ms > max.toMillis() ? max : Duration.ofMillis(ms);
        }
    }

    private final HttpClient http;
    private final URI url;
    private final Duration timeout;

    Webhook(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    URI url() {
        return url;
    }

    Outcome post(byte[] body, String idempotencyKey) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) {
            request.header(IDEMPOTENCY_HEADER, idempotencyKey);
        }
        try {
            HttpResponse<Void> res = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int s = res.statusCode();
            if (s >= 200 && s < 300) {
                return new Outcome.Delivered(s);
            }
            if (s >= 500 || s == 408 || s == 429) {
                return new Outcome.Retry("answered " + s, res.headers().firstValue("Retry-After").flatMap(Webhook::seconds));
            }
            return new Outcome.Refused(s);
        } catch (HttpTimeoutException e) {
            return new Outcome.Retry("no answer within " + timeout.toMillis() + " ms", Optional.empty());
        } catch (IOException e) {
            // Refused, reset, unreachable: the endpoint is down or restarting.
            String m = e.getMessage();
            return new Outcome.Retry("failed: " + (m == null || m.isBlank() ? e.getClass().getSimpleName() : m), Optional.empty());
        }
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            long s = Long.parseLong(retryAfter.strip());
            return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }
}
