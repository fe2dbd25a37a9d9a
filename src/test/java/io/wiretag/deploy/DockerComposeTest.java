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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this reads it as Compose would (anchors and
 * merge keys resolved) and checks what would break a cluster: image tags, KRaft quorum, listeners,
 * health checks, and the apps' settings against wiretag's own configuration keys.
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
        services.fieldNames().forEachRemaining(n -> (n.startsWith("kafka") ? brokers : apps).add(n));
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
}
