package io.wiretag.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretag.config.WiretagConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this reads it as Compose would (anchors and
 * merge keys resolved) and checks what would break a cluster: image tags, KRaft quorum, listeners,
 * health checks, the apps' settings against wiretag's own configuration keys, and the monitoring beside
 * them: Prometheus scraping both apps, Grafana with its data source and dashboard provisioned.
 */
class DockerComposeTest {
    private static JsonNode services;
    private static List<String> brokers;
    private static List<String> apps;

    @BeforeAll
    static void read() throws IOException {
        // SnakeYAML resolves anchors and merge keys (<<: *x) as Compose does; Jackson's YAML reader does not.
        Object tree = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        JsonNode compose = new ObjectMapper().valueToTree(tree);
        services = compose.get("services");
        brokers = new ArrayList<>();
        apps = new ArrayList<>();
        services.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("kafka")) {
                brokers.add(n);
            } else if (n.startsWith("wiretag")) {
                apps.add(n);
            }
        });
    }

    @Test
    void threeBrokersRunThePinnedOfficialKafkaImageOfOurKafkaVersion() throws IOException {
        assertEquals(List.of("kafka-1", "kafka-2", "kafka-3"), brokers);
        String pomKafka = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(Files.readString(Path.of("pom.xml")))
                .results().findFirst().orElseThrow().group(1);
        for (String b : brokers) {
            assertEquals("apache/kafka:" + pomKafka, services.get(b).get("image").asText(), b);
        }
    }

    @Test
    void everyBrokerIsBrokerAndControllerOfOneThreeNodeQuorum() {
        Set<String> nodeIds = new HashSet<>();
        String clusterId = null;
        for (String b : brokers) {
            JsonNode env = services.get(b).get("environment");
            assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES").asText());
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText());
            nodeIds.add(env.get("KAFKA_NODE_ID").asText());
            assertTrue(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText().contains(env.get("KAFKA_NODE_ID").asText() + "@" + b + ":9093"), b);
            String id = env.get("CLUSTER_ID").asText();
            assertEquals(id, Uuid.fromString(id).toString(), "CLUSTER_ID must be a Kafka base64 UUID");
            if (clusterId != null) {
                assertEquals(clusterId, id, "one cluster id for all");
            }
            clusterId = id;
            assertEquals(3, env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt());
            assertEquals(2, env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt());
        }
        assertEquals(Set.of("1", "2", "3"), nodeIds);
    }

    @Test
    void everyServiceHasAHealthCheckAndTheAppsWaitForHealthyBrokers() {
        services.fieldNames().forEachRemaining(s -> assertNotNull(services.get(s).get("healthcheck"), s + " has no healthcheck"));
        for (String a : apps) {
            JsonNode dependsOn = services.get(a).get("depends_on");
            for (String b : brokers) {
                assertEquals("service_healthy", dependsOn.get(b).get("condition").asText(), a + " -> " + b);
            }
        }
    }

    @Test
    void hostPortsAreDistinctAndEachAppPublishesItsHttpPort() {
        Set<String> hostPorts = new HashSet<>();
        services.fieldNames().forEachRemaining(s -> services.get(s).get("ports").forEach(p -> {
            String hostPort = p.asText().split(":")[0];
            assertTrue(hostPorts.add(hostPort), "host port " + hostPort + " used twice");
        }));
        for (String a : apps) {
            String http = services.get(a).get("environment").get("WIRETAG_HTTP_PORT").asText();
            assertTrue(services.get(a).get("ports").get(0).asText().endsWith(":" + http), a);
            assertEquals("0.0.0.0", services.get(a).get("environment").get("WIRETAG_HTTP_BIND").asText(),
                    "inside a container the app must listen beyond loopback for the published port to reach it");
        }
    }

    @Test
    void twoAppsShareOneApplicationAndReachEveryBrokerOnItsInternalListener() throws IOException {
        assertEquals(2, apps.size());
        Set<String> internal = new HashSet<>();
        for (String b : brokers) {
            Matcher m = Pattern.compile("PLAINTEXT://([^,]+)").matcher(services.get(b).get("environment").get("KAFKA_ADVERTISED_LISTENERS").asText());
            assertTrue(m.find(), b);
            internal.add(m.group(1));
        }
        Set<Map<String, String>> settings = new HashSet<>();
        for (String a : apps) {
            JsonNode app = services.get(a);
            List<String> command = new ArrayList<>();
            app.get("command").forEach(c -> command.add(c.asText()));
            assertEquals(List.of("java", "-jar", "/app/wiretag.jar", "run", "--config", "/app/config/prod.properties"), command);
            Map<String, String> env = new TreeMap<>();
            app.get("environment").properties().forEach(e -> env.put(WiretagConfig.keyForEnv(e.getKey()), e.getValue().asText()));
            for (String key : env.keySet()) {
                assertTrue(WiretagConfig.defaultsOnly().asMap().containsKey(key), a + " sets " + key + ", which wiretag does not know");
            }
            assertEquals(internal, Set.of(env.get(WiretagConfig.BOOTSTRAP_SERVERS).split(",")), a);
            assertEquals("3", env.get(WiretagConfig.REPLICATION));
            Map<String, String> shared = new TreeMap<>(env);
            shared.remove(WiretagConfig.DATA_DIR);
            settings.add(shared);
        }
        assertEquals(1, settings.size(), "both apps must run with the same settings, so they form one Streams application");
        WiretagConfig prod = WiretagConfig.load(Path.of("config/prod.properties"), Map.of(), Map.of());
        assertEquals(internal, Set.of(prod.get(WiretagConfig.BOOTSTRAP_SERVERS).split(",")));
        assertEquals("exactly_once_v2", prod.get(WiretagConfig.PROCESSING_GUARANTEE));
        assertFalse(prod.embedded());
    }

    /** A service's bind mounts as host path -> container path (read-only flags dropped). */
    private static Map<String, String> mounts(String service) {
        Map<String, String> out = new TreeMap<>();
        services.get(service).get("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            if (parts[0].startsWith("./")) {
                out.put(parts[0].substring(2), parts[1]);
            }
        });
        return out;
    }

    private static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper().valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(file)));
    }

    @Test
    void prometheusScrapesMetricsOfBothAppsOnTheirHttpPort() throws IOException {
        JsonNode prometheus = services.get("prometheus");
        assertTrue(prometheus.get("image").asText().matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+"), "a pinned release");
        String configFile = null;
        for (JsonNode arg : prometheus.get("command")) {
            if (arg.asText().startsWith("--config.file=")) {
                configFile = arg.asText().substring("--config.file=".length());
            }
        }
        assertEquals(configFile, mounts("prometheus").get("config/monitoring/prometheus.yml"), "the file Prometheus reads is ours");
        JsonNode scrape = yaml(Path.of("config/monitoring/prometheus.yml")).get("scrape_configs");
        assertEquals(1, scrape.size());
        assertEquals(io.wiretag.serve.MetricsRoute.PATH, scrape.get(0).get("metrics_path").asText());
        Set<String> targets = new TreeSet<>();
        scrape.get(0).get("static_configs").forEach(sc -> sc.get("targets").forEach(t -> targets.add(t.asText())));
        Set<String> apps = new TreeSet<>();
        for (String a : DockerComposeTest.apps) {
            apps.add(services.get(a).get("hostname").asText() + ":" + services.get(a).get("environment").get("WIRETAG_HTTP_PORT").asText());
        }
        assertEquals(apps, targets, "every app instance is scraped, on the port it listens on inside the network");
    }

    @Test
    void grafanaHasTheDataSourceAndTheDashboardProvisioned() throws IOException {
        JsonNode grafana = services.get("grafana");
        assertTrue(grafana.get("image").asText().matches("grafana/grafana:\\d+\\.\\d+\\.\\d+"), "a pinned release");
        Map<String, String> mounts = mounts("grafana");
        assertEquals("/etc/grafana/provisioning", mounts.get("config/monitoring/grafana/provisioning"));
        assertEquals("service_healthy", grafana.get("depends_on").get("prometheus").get("condition").asText());

        JsonNode sources = yaml(Path.of("config/monitoring/grafana/provisioning/datasources/prometheus.yml")).get("datasources");
        assertEquals(1, sources.size());
        JsonNode source = sources.get(0);
        assertEquals("prometheus", source.get("type").asText());
        java.net.URI url = java.net.URI.create(source.get("url").asText());
        assertEquals(services.get("prometheus").get("hostname").asText(), url.getHost(), "Grafana reaches Prometheus by its service name");
        assertTrue(services.get("prometheus").get("ports").get(0).asText().endsWith(":" + url.getPort()));

        JsonNode providers = yaml(Path.of("config/monitoring/grafana/provisioning/dashboards/wiretag.yml")).get("providers");
        String dashboards = providers.get(0).get("options").get("path").asText();
        assertEquals(dashboards, mounts.get("config/monitoring/grafana/dashboards"), "the provider reads the folder the dashboard is mounted at");
        assertTrue(Files.isRegularFile(Monitoring.DASHBOARD));

        JsonNode dashboard = Monitoring.dashboard();
        String uid = source.get("uid").asText();
        assertTrue(dashboard.get("panels").size() > 0);
        for (JsonNode panel : dashboard.get("panels")) {
            String title = panel.get("title").asText();
            assertEquals(uid, panel.get("datasource").get("uid").asText(), title);
            assertTrue(panel.get("targets").size() > 0, title + " queries nothing");
            for (JsonNode target : panel.get("targets")) {
                String expr = target.get("expr").asText();
                assertEquals(uid, target.get("datasource").get("uid").asText(), title);
                assertTrue(Monitoring.balanced(expr), title + ": " + expr);
                assertFalse(Monitoring.metrics(expr).isEmpty(), title + " reads no metric: " + expr);
            }
        }
    }

    @Test
    void theDashboardCoversThroughputLagTheDlqTopicsAndAlerts() throws IOException {
        Set<String> metrics = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        boolean perTopic = false;
        for (String expr : Monitoring.expressions(Monitoring.dashboard())) {
            metrics.addAll(Monitoring.metrics(expr).keySet());
            topics.addAll(Monitoring.exactLabelValues(expr).getOrDefault("topic", Set.of()));
            perTopic |= expr.contains("by (topic)") && expr.contains("topic=~\"news\\\\.topic\\\\.");
        }
        assertTrue(metrics.contains("wiretag_input_lag_records"), "lag from committed and end offsets: " + metrics);
        WiretagConfig d = WiretagConfig.defaultsOnly();
        assertTrue(topics.containsAll(Set.of(d.get(WiretagConfig.TOPIC_RAW), d.get(WiretagConfig.TOPIC_TAGGED), d.get(WiretagConfig.TOPIC_DLQ),
                d.get(WiretagConfig.TOPIC_ALERTS))), "throughput in and out, the DLQ and the alerts: " + topics);
        assertTrue(perTopic, "stories per news.topic.* topic");
    }

    @Test
    void thePromQlReaderFindsMetricsAndTheirLabelsButNotFunctionsOrGroupings() {
        assertEquals(Map.of("a_total", Set.of("topic"), "b", Set.of()),
                Monitoring.metrics("sum by (topic, instance) (rate(a_total{topic=~\"x\\\\.y\"}[5m])) / on (instance) group_left b * 60"));
        assertEquals(Map.of("topic", Set.of("news.dlq")), Monitoring.exactLabelValues("sum(rate(c{topic=\"news.dlq\",k!=\"v\"}[1m]))"));
        assertFalse(Monitoring.balanced("sum(rate(x[5m])"));
    }
}
