package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.RawTopic;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.serve.AppServer;
import io.wiretag.story.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/ready} and the input lag on {@code /metrics} over real HTTP against a real broker, with no
 * pipeline consuming: a backlog must show as lag, a rebalance that does not end and a broker that is gone
 * must make the instance not ready, saying why. The broker is stopped in the last test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessAndLagTest {
    static final String GROUP = "wiretag-lag-it";
    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static AppServer http;
    static final AtomicReference<KafkaStreams.State> STATE = new AtomicReference<>(KafkaStreams.State.RUNNING);
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static Map<Integer, Integer> perPartition = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        RawTopic.create(broker, "news.raw", 4);
        WiretagConfig config = WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(WiretagConfig.APPLICATION_ID, GROUP)
                .with(WiretagConfig.HEALTH_REBALANCE_GRACE, "2s")
                .with(WiretagConfig.HTTP_PORT, "0");
        http = AppServer.start(config, Map.of("bootstrap.servers", broker.bootstrapServers()), STATE::get);
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://" + http.address() + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code wiretag_input_lag_records} per partition of {@code topic} in one scrape. */
    static Map<Integer, Long> lag(String metrics, String topic) {
        Map<Integer, Long> out = new HashMap<>();
        Matcher m = Pattern.compile("^wiretag_input_lag_records\\{partition=\"(\\d+)\",topic=\"" + Pattern.quote(topic) + "\"} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), (long) Double.parseDouble(m.group(2)));
        }
        return out;
    }

    @Test
    @Order(1)
    void readyWhileTheClusterAnswersAndStreamsRuns() throws Exception {
        HttpResponse<String> r = get("/health/ready");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ready", Json.read(r.body(), JsonNode.class).get("status").asText());
    }

    @Test
    @Order(2)
    void aBacklogNobodyConsumedIsLagPerPartitionAndShrinksWithTheGroupsCommits() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 500; i++) {
                int p = i % 10 == 0 ? 3 : i % 3; // uneven: partitions 0-2 get most, 3 a tenth
                producer.send(new ProducerRecord<>("news.raw", p, "feed", "story " + i));
                perPartition.merge(p, 1, Integer::sum);
            }
            producer.flush();
        }
        Map<Integer, Long> expected = new HashMap<>();
        perPartition.forEach((p, n) -> expected.put(p, (long) n));
        RawTopic.await(Duration.ofSeconds(20), "the backlog shows as lag", () -> {
            try {
                return lag(get("/metrics").body(), "news.raw").equals(expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String m = get("/metrics").body();
        assertEquals(4, lag(m, "news.raw").size(), m);
        assertEquals(500L, lag(m, "news.raw").values().stream().mapToLong(Long::longValue).sum());
        assertTrue(m.contains("wiretag_input_lag_up{group=\"" + GROUP + "\"} 1"), m);

        // The group commits 100 records on partition 0, as a pipeline would after processing them.
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition("news.raw", 0), new OffsetAndMetadata(100))).all().get();
        }
        long waiting0 = expected.get(0) - 100;
        RawTopic.await(Duration.ofSeconds(20), "partition 0's lag drops by the committed 100", () -> {
            try {
                return lag(get("/metrics").body(), "news.raw").get(0) == waiting0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        m = get("/metrics").body();
        assertEquals(expected.get(1), lag(m, "news.raw").get(1), "the other partitions still wait");
        assertTrue(m.contains("wiretag_input_committed_offset{partition=\"0\",topic=\"news.raw\"} 100"), m);
    }

    @Test
    @Order(3)
    void aRebalanceThatDoesNotEndMakesTheInstanceNotReady() throws Exception {
        STATE.set(KafkaStreams.State.REBALANCING);
        try {
            assertEquals(200, get("/health/ready").statusCode(), "a routine rebalance of a running instance is ready");
            RawTopic.await(Duration.ofSeconds(15), "rebalancing past the 2 s grace is not ready", () -> {
                try {
                    return get("/health/ready").statusCode() == 503;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            JsonNode body = Json.read(get("/health/ready").body(), JsonNode.class);
            assertEquals("REBALANCING", body.get("streams").asText());
            assertTrue(body.get("reason").asText().startsWith("Kafka Streams has been rebalancing for "), body.toString());
        } finally {
            STATE.set(KafkaStreams.State.RUNNING);
        }
        assertEquals(200, get("/health/ready").statusCode());
    }

    @Test
    @Order(4)
    void withTheBrokerStoppedReadyIs503NamingTheClusterAndTheLagIsUnknownNotZero() throws Exception {
        broker.close();
        long t0 = System.nanoTime();
        RawTopic.await(Duration.ofSeconds(30), "ready turns 503 once the broker is gone", () -> {
            try {
                return get("/health/ready").statusCode() == 503;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        HttpResponse<String> r = get("/health/ready");
        assertEquals(503, r.statusCode());
        JsonNode body = Json.read(r.body(), JsonNode.class);
        assertEquals("not ready", body.get("status").asText());
        assertEquals("RUNNING", body.get("streams").asText(), "Streams itself still says RUNNING: that is why the cluster is asked");
        assertTrue(body.get("reason").asText().startsWith("cannot reach the Kafka cluster at " + broker.bootstrapServers()), body.toString());
        assertTrue(tookMs < 15_000, "noticed within seconds, took " + tookMs + " ms");

        String m = get("/metrics").body();
        RawTopic.await(Duration.ofSeconds(20), "the lag is marked unknown", () -> {
            try {
                return get("/metrics").body().contains("wiretag_input_lag_up{group=\"" + GROUP + "\"} 0");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        m = get("/metrics").body();
        assertFalse(m.contains("wiretag_input_lag_records{"), "no lag figure when it cannot be read, rather than a 0: " + m);
        assertEquals(List.of(), List.copyOf(lag(m, "news.raw").keySet()));
    }
}
