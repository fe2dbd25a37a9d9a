package io.wiretag.serve;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.RawSender;
import io.wiretag.pipeline.StreamsSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
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

    /** How long readiness trusts its last answer from the cluster, and how long one question may take. */
    static final Duration PROBE_CACHE = Duration.ofSeconds(2);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** How long {@code /metrics} serves the same input lag before asking the cluster again. */
    static final Duration LAG_CACHE = Duration.ofSeconds(5);

    /** How long the story view and the DLQ panel may take to read news.tagged or news.dlq. */
    static final Duration PANEL_TIMEOUT = Duration.ofSeconds(5);
    /** How many of the newest refusals the DLQ panel lists. */
    static final int DLQ_SHOWN = 20;

    /** The routes a variant of the server adds beside ingest and health. */
    @FunctionalInterface
    private interface MoreRoutes {
        void add(WebServer server, InputLag lag, Readiness readiness);
    }

    private final WebServer server;
    private final RawSender sender;
    private final Admin admin;

    private AppServer(WebServer server, RawSender sender, Admin admin) {
        this.server = server;
        this.sender = sender;
        this.admin = admin;
    }

    /**
     * Starts the server with every route over a running pipeline: ingest, health, the dashboard ({@code /}),
     * the JSON API over its state stores ({@code /api/...}) and {@code /metrics}.
     */
    public static AppServer start(WiretagConfig config, Map<String, Object> clientSettings, KafkaStreams streams) {
        StreamsState state = new StreamsState(streams, StreamsSettings.advertised(config));
        Api api = new Api(state, state, AlertSettings.from(config).trendRetention(), Clock.systemUTC());
        return start(config, clientSettings, streams::state, (server, lag, readiness) -> {
            api.addTo(server);
            new Dashboard(api).addTo(server);
            MetricsRoute.of(streams).with(lag).addTo(server);
            StoryLookup lookup = new StoryLookup(clientSettings, config.get(WiretagConfig.TOPIC_TAGGED),
                    config.getInt(WiretagConfig.DASHBOARD_STORY_SCAN), PANEL_TIMEOUT);
            new StoryPage(lookup).addTo(server);
            new PanelsApi(new DlqTail(clientSettings, config.get(WiretagConfig.TOPIC_DLQ), config.getInt(WiretagConfig.DASHBOARD_DLQ_SCAN),
                    DLQ_SHOWN, PANEL_TIMEOUT, LAG_CACHE, Clock.systemUTC()),
                    new PipelineHealth(streams::metrics, readiness, lag, config.get(WiretagConfig.APPLICATION_ID), Clock.systemUTC()), lookup).addTo(server);
        });
    }

    /**
     * Starts the server with ingest, health and {@code /metrics} without Streams metrics (the input lag, the
     * state, the heap); {@code clientSettings} reach the cluster, {@code streamsState} tells readiness.
     */
    public static AppServer start(WiretagConfig config, Map<String, Object> clientSettings, Supplier<KafkaStreams.State> streamsState) {
        return start(config, clientSettings, streamsState, (server, lag, readiness) ->
                new MetricsRoute(() -> Map.<MetricName, Metric>of(), streamsState).with(lag).addTo(server));
    }

    private static AppServer start(WiretagConfig config, Map<String, Object> clientSettings, Supplier<KafkaStreams.State> streamsState,
                                   MoreRoutes moreRoutes) {
        Map<String, Object> producer = new HashMap<>(clientSettings);
        // A pushing client is waiting on the answer: fail within the ack timeout, not after two minutes.
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(ACK_TIMEOUT.toMillis()));
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(ACK_TIMEOUT.toMillis()));
        RawSender sender = new RawSender(producer, config.get(WiretagConfig.TOPIC_RAW));
        Map<String, Object> adminSettings = new HashMap<>(clientSettings);
        // Probes must answer within seconds when the brokers are gone, not after the default minute.
        adminSettings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        Admin admin = Admin.create(adminSettings);
        try {
            WebServer server = new WebServer(config.get(WiretagConfig.HTTP_BIND), config.getInt(WiretagConfig.HTTP_PORT));
            new IngestRoute(sender, config.getInt(WiretagConfig.MAX_INPUT_BYTES), ACK_TIMEOUT).addTo(server);
            Clock clock = Clock.systemUTC();
            Readiness readiness = new Readiness(streamsState,
                    Readiness.clusterProbe(admin, String.valueOf(clientSettings.get("bootstrap.servers")), PROBE_TIMEOUT, PROBE_CACHE, clock),
                    config.getDuration(WiretagConfig.HEALTH_REBALANCE_GRACE), clock);
            Health.addTo(server, readiness);
            InputLag lag = new InputLag(admin, config.get(WiretagConfig.APPLICATION_ID),
                    List.of(config.get(WiretagConfig.TOPIC_RAW), config.get(WiretagConfig.TOPIC_STORIES)), LAG_CACHE, clock);
            moreRoutes.add(server, lag, readiness);
            return new AppServer(server.start(), sender, admin);
        } catch (RuntimeException e) {
            sender.close();
            admin.close(Duration.ofSeconds(1));
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
            try {
                sender.close();
            } finally {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
