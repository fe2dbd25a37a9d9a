package io.wiretag.serve;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.RawSender;
import io.wiretag.pipeline.StreamsSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP server {@code run} and {@code demo} start beside the pipeline, on {@code wiretag.http.bind}:
 * {@code wiretag.http.port} (127.0.0.1:8080 by default), with the routes wiretag has: ingest, health, the
 * dashboard, the JSON API and {@code /metrics}.
 * Closing it stops the server first, then the producer behind {@code POST /ingest}.
 */
public final class AppServer implements AutoCloseable {
    /** How long {@code POST /ingest} waits for the broker before answering 503. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final WebServer server;
    private final RawSender sender;

    private AppServer(WebServer server, RawSender sender) {
        this.server = server;
        this.sender = sender;
    }

    /**
     * Starts the server with every route over a running pipeline: ingest, health, the dashboard ({@code /}),
     * the JSON API over its state stores ({@code /api/...}) and {@code /metrics}.
     */
    public static AppServer start(WiretagConfig config, Map<String, Object> clientSettings, KafkaStreams streams) {
        StreamsState state = new StreamsState(streams, StreamsSettings.advertised(config));
        Api api = new Api(state, state, AlertSettings.from(config).trendRetention(), Clock.systemUTC());
        return start(config, clientSettings, streams::state, server -> {
            api.addTo(server);
            new Dashboard(api).addTo(server);
            MetricsRoute.of(streams).addTo(server);
        });
    }

    /** Starts the server with ingest and health only; {@code clientSettings} reach the cluster, {@code streamsState} tells readiness. */
    public static AppServer start(WiretagConfig config, Map<String, Object> clientSettings, Supplier<KafkaStreams.State> streamsState) {
        return start(config, clientSettings, streamsState, server -> { });
    }

    private static AppServer start(WiretagConfig config, Map<String, Object> clientSettings, Supplier<KafkaStreams.State> streamsState,
                                   Consumer<WebServer> moreRoutes) {
        Map<String, Object> producer = new HashMap<>(clientSettings);
        // A pushing client is waiting on the answer: fail within the ack timeout, not after two minutes.
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(ACK_TIMEOUT.toMillis()));
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(ACK_TIMEOUT.toMillis()));
        RawSender sender = new RawSender(producer, config.get(WiretagConfig.TOPIC_RAW));
        try {
            WebServer server = new WebServer(config.get(WiretagConfig.HTTP_BIND), config.getInt(WiretagConfig.HTTP_PORT));
            new IngestRoute(sender, config.getInt(WiretagConfig.MAX_INPUT_BYTES), ACK_TIMEOUT).addTo(server);
            Health.addTo(server, streamsState);
            moreRoutes.accept(server);
            return new AppServer(server.start(), sender);
        } catch (RuntimeException e) {
            sender.close();
            throw e;
        }
    }

    /** The address it listens on, e.g. {@code 127.0.0.1:8080}. */
    public String address() {
        return server.address();
    }

    public WebServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            sender.close();
        }
    }
}
