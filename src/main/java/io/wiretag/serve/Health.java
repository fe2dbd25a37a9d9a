package io.wiretag.serve;

import io.wiretag.serve.WebServer.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (the instance reaches the
 * cluster and Kafka Streams processes records, see {@link Readiness}): what a load balancer or an
 * orchestrator probes. A 503 names the reason.
 */
public final class Health {
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private Health() {
    }

    /** Readiness from the Streams state alone (no cluster probe): for tests and callers without a cluster. */
    public static void addTo(WebServer server, Supplier<KafkaStreams.State> state) {
        addTo(server, new Readiness(state, Optional::empty, Duration.ZERO, Clock.systemUTC()));
    }

    /** Adds both routes; {@code readiness} is checked on every probe. */
    public static void addTo(WebServer server, Readiness readiness) {
        server.route("GET", LIVE, request -> Response.json(200, Map.of("status", "live")));
        server.route("GET", READY, request -> {
            Readiness.Verdict v = readiness.check();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", v.ready() ? "ready" : "not ready");
            body.put("streams", v.streams());
            if (v.reason() != null) {
                body.put("reason", v.reason());
            }
            return Response.json(v.ready() ? 200 : 503, body);
        });
    }
}
