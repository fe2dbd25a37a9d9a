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
            return new Cluster(null, config.get(WiretagConfig.BOOTSTRAP_SERVERS), clients);
        }
        if (!mayStartBroker) {
            // A client command with no cluster configured talks to the embedded broker of a running demo.
            String local = "127.0.0.1:" + config.get(WiretagConfig.EMBEDDED_PORT);
            clients.put(WiretagConfig.BOOTSTRAP_SERVERS, local);
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

    /** On Ctrl-C or SIGTERM, stops the pipeline (committing its work), then the broker, before the JVM goes. */
    static void closeOnShutdown(AutoCloseable pipeline, Cluster cluster) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pipeline.close();
            } catch (Exception e) {
                LOG.warn("pipeline did not stop cleanly: {}", e.toString());
            }
            cluster.close();
        }, "wiretag-shutdown"));
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
