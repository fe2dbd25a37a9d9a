package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.EmbeddedBroker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster a command talks to: the configured one, or a broker started in this JVM when none is. */
final class Cluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final EmbeddedBroker broker;
    private final String bootstrapServers;
    private final Map<String, Object> clientSettings;

    private Cluster(EmbeddedBroker broker, String bootstrapServers, Map<String, Object> clientSettings) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = clientSettings;
    }

    /** Connects to the configured cluster, or starts the embedded broker when {@code bootstrap.servers} is empty. */
    static Cluster connect(WiretagConfig config, boolean mayStartBroker) {
        Map<String, Object> clients = new HashMap<>(config.kafkaClientSettings());
        if (!config.embedded()) {
            if (!mayStartBroker) {
                probe(clients, config.get(WiretagConfig.BOOTSTRAP_SERVERS), "");
            }
            return new Cluster(null, config.get(WiretagConfig.BOOTSTRAP_SERVERS), clients);
        }
        if (!mayStartBroker) {
            // A client command with no cluster configured talks to the embedded broker of a running demo.
            String local = "127.0.0.1:" + config.get(WiretagConfig.EMBEDDED_PORT);
            clients.put(WiretagConfig.BOOTSTRAP_SERVERS, local);
            probe(clients, local, " (no bootstrap.servers is configured, so this is where a running `demo` or `run` would be)");
            return new Cluster(null, local, clients);
        }
        Path dir = Path.of(config.get(WiretagConfig.DATA_DIR), "broker");
        long start = System.nanoTime();
        EmbeddedBroker broker = EmbeddedBroker.start(dir, config.getInt(WiretagConfig.EMBEDDED_PORT));
        LOG.info("embedded Kafka broker on {} in {} ms, data in {}", broker.bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000, dir.toAbsolutePath());
        clients.put(WiretagConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        return new Cluster(broker, broker.bootstrapServers(), clients);
    }

    /** Fails in one clear line, within seconds, when no broker answers: clients would otherwise block for a minute. */
    private static void probe(Map<String, Object> clients, String where, String hint) {
        Map<String, Object> props = new HashMap<>(clients);
        props.put("request.timeout.ms", "3000");
        props.put("default.api.timeout.ms", "5000");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            admin.describeCluster().clusterId().get(6, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + where + hint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + where, e);
        }
    }

    /**
     * Serves until the pipeline stops, and returns the failure that stopped it (null after Ctrl-C). On Ctrl-C
     * or SIGTERM the HTTP server closes first, so no request reaches a pipeline that is stopping.
     */
    static Throwable serveUntilStopped(AutoCloseable http, io.wiretag.pipeline.Pipeline pipeline, Cluster cluster) throws InterruptedException {
        closeOnShutdown(() -> {
            http.close();
            pipeline.close();
        }, cluster);
        return pipeline.awaitStop();
    }

    /** On Ctrl-C or SIGTERM, stops the pipeline (committing its work), then the broker, before the JVM goes. */
    private static void closeOnShutdown(AutoCloseable pipeline, Cluster cluster) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pipeline.close();
            } catch (Exception e) {
                LOG.warn("pipeline did not stop cleanly: {}", e.toString());
            }
            cluster.close();
        }, "wiretag-shutdown"));
    }

    /** Creates these topics when missing, as the app would at start, so a client may run before the app ever has. */
    void ensureTopics(WiretagConfig config, java.util.List<String> names) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(clientSettings)) {
            io.wiretag.kafka.TopicAdmin.ensure(admin, names, io.wiretag.kafka.Topics.from(config).compacted(),
                    config.getInt(WiretagConfig.PARTITIONS), (short) config.getInt(WiretagConfig.REPLICATION));
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Map<String, Object> clientSettings() {
        return clientSettings;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
