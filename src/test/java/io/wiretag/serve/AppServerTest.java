package io.wiretag.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.config.WiretagConfig;
import io.wiretag.ingest.RawTopic;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.kafka.Topics;
import io.wiretag.story.Json;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's HTTP port over real loopback HTTP, with a real broker behind {@code POST /ingest}. */
class AppServerTest {
    private static final String TOPIC = "http.raw";
    private static final int MAX_BYTES = 2048;

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static AppServer server;
    static final AtomicReference<KafkaStreams.State> STATE = new AtomicReference<>(KafkaStreams.State.REBALANCING);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        RawTopic.create(broker, TOPIC, 2);
        WiretagConfig config = WiretagConfig.defaultsOnly()
                .with(WiretagConfig.TOPIC_RAW, TOPIC)
                .with(WiretagConfig.HTTP_PORT, "0")
                .with(WiretagConfig.MAX_INPUT_BYTES, String.valueOf(MAX_BYTES));
        server = AppServer.start(config, Map.of("bootstrap.servers", broker.bootstrapServers()), STATE::get);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://" + server.address() + path);
    }

    @Test
    void postedStoryIsAcknowledgedWithItsOffsetAndLandsOnRawWithTheHeaders() throws Exception {
        String story = "date 2025-02-01 Trump and Putin spoke by phone about Ukraine.";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest"))
                .header("X-Wiretag-Provider", "ap")
                .header("X-Wiretag-Format", "plain")
                .header("X-Wiretag-Source", "ap-push/12345")
                .POST(HttpRequest.BodyPublishers.ofString(story)));

        assertEquals(202, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode ack = Json.MAPPER.readTree(response.body());
        assertEquals(TOPIC, ack.get("topic").asText());
        ConsumerRecord<byte[], byte[]> record = RawTopic.readAll(broker, TOPIC).stream()
                .filter(r -> r.partition() == ack.get("partition").asInt() && r.offset() == ack.get("offset").asLong())
                .findFirst().orElseThrow(() -> new AssertionError("no record at the acknowledged offset: " + response.body()));
        assertEquals(story, RawTopic.value(record));
        assertEquals("ap", RawTopic.header(record, Topics.H_PROVIDER));
        assertEquals("plain", RawTopic.header(record, Topics.H_FORMAT));
        assertEquals("ap-push/12345", RawTopic.header(record, Topics.H_SOURCE));
        assertEquals("ap:ap-push/12345", new String(record.key(), StandardCharsets.UTF_8));
        assertTrue(RawTopic.header(record, Topics.H_RECEIVED_AT).startsWith("20"), "received-at is an ISO instant");
    }

    @Test
    void anApRenditionPostedWithItsItemsIdCarriesTheMarkAndABadIdIsRefused() throws Exception {
        String nitf = "<nitf><body><body.content><p>Text.</p></body.content></body></nitf>";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest"))
                .header("X-Wiretag-Rendition-Of", "f3a1c0de5ee9b4b40ea5fe9c9ca60f89")
                .POST(HttpRequest.BodyPublishers.ofString(nitf)));
        assertEquals(202, response.statusCode(), response.body());
        JsonNode ack = Json.MAPPER.readTree(response.body());
        ConsumerRecord<byte[], byte[]> record = RawTopic.readAll(broker, TOPIC).stream()
                .filter(r -> r.partition() == ack.get("partition").asInt() && r.offset() == ack.get("offset").asLong())
                .findFirst().orElseThrow();
        assertEquals("f3a1c0de5ee9b4b40ea5fe9c9ca60f89", RawTopic.header(record, Topics.H_RENDITION_OF));

        HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/ingest"))
                .header("X-Wiretag-Rendition-Of", "not an id")
                .POST(HttpRequest.BodyPublishers.ofString(nitf)));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("X-Wiretag-Rendition-Of"), bad.body());
    }

    @Test
    void storyOverTheLimitIsRefusedWith413AndNotSent() throws Exception {
        int before = RawTopic.readAll(broker, TOPIC).size();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(MAX_BYTES + 1))));

        assertEquals(413, response.statusCode());
        assertEquals("story is 2049 bytes, over the limit of 2048 bytes (wiretag.max.input.bytes)",
                Json.MAPPER.readTree(response.body()).get("error").asText());
        assertEquals(before, RawTopic.readAll(broker, TOPIC).size());
    }

    @Test
    void chunkedStoryOverTheLimitIs413Too() throws Exception {
        // no Content-Length: the limit holds on the bytes read, not on what the client declared
        byte[] big = "z".repeat(MAX_BYTES + 100).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));

        assertEquals(413, response.statusCode());
        assertEquals("story is more than 2048 bytes, over the limit of 2048 bytes (wiretag.max.input.bytes)",
                Json.MAPPER.readTree(response.body()).get("error").asText());
    }

    @Test
    void storyOfExactlyTheLimitIsAccepted() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest"))
                .POST(HttpRequest.BodyPublishers.ofString("y".repeat(MAX_BYTES))));
        assertEquals(202, response.statusCode(), response.body());
    }

    @Test
    void getOnIngestIs405NamingPost() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ingest")).GET());

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
        assertEquals("GET is not allowed on /ingest; use POST", Json.MAPPER.readTree(response.body()).get("error").asText());
    }

    @Test
    void emptyBodyAndBadHeaderAre400() throws Exception {
        HttpResponse<String> empty = send(HttpRequest.newBuilder(uri("/ingest")).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(400, empty.statusCode());
        HttpResponse<String> badProvider = send(HttpRequest.newBuilder(uri("/ingest"))
                .header("X-Wiretag-Provider", "a p/../")
                .POST(HttpRequest.BodyPublishers.ofString("story")));
        assertEquals(400, badProvider.statusCode());
        assertTrue(Json.MAPPER.readTree(badProvider.body()).get("error").asText().startsWith("X-Wiretag-Provider must be"));
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, send(HttpRequest.newBuilder(uri("/nowhere")).GET()).statusCode());
    }

    @Test
    void readyOnlyWhileStreamsIsRunningLiveAlways() throws Exception {
        STATE.set(KafkaStreams.State.REBALANCING);
        HttpResponse<String> notReady = send(HttpRequest.newBuilder(uri("/health/ready")).GET());
        assertEquals(503, notReady.statusCode());
        assertEquals("REBALANCING", Json.MAPPER.readTree(notReady.body()).get("streams").asText());
        assertEquals(200, send(HttpRequest.newBuilder(uri("/health/live")).GET()).statusCode());

        STATE.set(KafkaStreams.State.RUNNING);
        assertEquals(200, send(HttpRequest.newBuilder(uri("/health/ready")).GET()).statusCode());
    }

    @Test
    void boundToLoopbackByDefault() {
        assertEquals("127.0.0.1", WiretagConfig.defaultsOnly().get(WiretagConfig.HTTP_BIND));
        InetAddress bound = server.server().socketAddress().getAddress();
        assertTrue(bound.isLoopbackAddress(), "bound to " + bound);
        assertEquals("127.0.0.1", bound.getHostAddress());
    }

    @Test
    void secondServerOnATakenPortFailsWithOneLineNamingTheSetting() {
        WiretagConfig taken = WiretagConfig.defaultsOnly().with(WiretagConfig.HTTP_PORT, String.valueOf(server.server().port()));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AppServer.start(taken, Map.of("bootstrap.servers", broker.bootstrapServers()), STATE::get));
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + server.server().port()), e.getMessage());
        assertTrue(e.getMessage().contains("wiretag.http.port"), e.getMessage());
    }
}
