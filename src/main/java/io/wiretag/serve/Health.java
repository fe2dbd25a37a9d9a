package io.wiretag.serve;

import io.wiretag.serve.WebServer.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health/live} (the process answers) and {@code GET /health/ready} (the Kafka Streams
 * instance is RUNNING, so it processes records): what a load balancer or an orchestrator probes.
 */
public final class Health {
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private Health() {
    }

    /** Adds both routes; {@code state} is read on every probe. */
    public static void addTo(WebServer server, Supplier<KafkaStreams.State> state) {
        server.route("GET", LIVE, request -> Response.json(200, Map.of("status", "live")));
        server.route("GET", READY, request -> {
            KafkaStreams.State s = state.get();
            boolean ready = s == KafkaStreams.State.RUNNING;
            return Response.json(ready ? 200 : 503, Map.of("status", ready ? "ready" : "not ready", "streams", String.valueOf(s)));
        });
    }
}
