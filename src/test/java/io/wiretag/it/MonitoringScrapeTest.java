package io.wiretag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.config.WiretagConfig;
import io.wiretag.deploy.Monitoring;
import io.wiretag.ingest.RawSender;
import io.wiretag.kafka.Drain;
import io.wiretag.kafka.EmbeddedBroker;
import io.wiretag.pipeline.Pipeline;
import io.wiretag.serve.AppServer;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.testing.Seed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the provisioned Grafana dashboard queries is one a real {@code /metrics} exports, with the
 * labels and label values the panel selects on: the whole pipeline on a real broker, fed a tagged story, a
 * flash (an alert) and an unreadable file (the DLQ), then scraped over HTTP.
 */
class MonitoringScrapeTest {
    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static Pipeline pipeline;
    static AppServer http;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
        WiretagConfig config = WiretagConfig.defaultsOnly()
                .with(WiretagConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                .with(WiretagConfig.DATA_DIR, dir.resolve("app").toString())
                .with(WiretagConfig.APPLICATION_ID, "wiretag-monitoring-it")
                .with(WiretagConfig.HTTP_PORT, "0");
        Map<String, Object> clients = new HashMap<>(config.kafkaClientSettings());
        pipeline = Pipeline.start(config, broker.bootstrapServers(), Taxonomy.load(Path.of("config/taxonomy")));
        http = AppServer.start(config, clients, pipeline.streams());
        try (RawSender sender = new RawSender(clients, pipeline.topics().raw().name())) {
            sender.send(Seed.bytes(), "desk", "seed.txt", "desk-folder", null, Instant.now()).get();
            sender.send(DashboardOnBrokerTest.FLASH.getBytes(StandardCharsets.UTF_8), "wire", "flash.json", "wire-feed", "ninjs", Instant.now()).get();
            sender.send(new byte[] {0, 1, 2, 'G', 'A', 'R', 'B', 'A', 'G', 'E'}, "desk", "broken.bin", "desk-folder", null, Instant.now()).get();
        }
        Drain.awaitIdle(pipeline.admin(), clients, pipeline.applicationId(), pipeline.inputTopics(), Duration.ofSeconds(60), lag -> { });
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    /** The sample lines of one family in a scrape: {@code name{labels} value} or {@code name value}. */
    static List<String> samples(String scrape, String name) {
        List<String> out = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void everyMetricTheDashboardQueriesIsExportedWithTheLabelsItSelects() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + http.address() + "/metrics"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String scrape = r.body();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String expr : Monitoring.expressions(Monitoring.dashboard())) {
            for (Map.Entry<String, Set<String>> m : Monitoring.metrics(expr).entrySet()) {
                checked++;
                List<String> lines = samples(scrape, m.getKey());
                if (lines.isEmpty()) {
                    missing.add(m.getKey() + " (from " + expr + ")");
                    continue;
                }
                for (String label : m.getValue()) {
                    if (lines.stream().noneMatch(l -> l.contains("{" + label + "=\"") || l.contains("," + label + "=\""))) {
                        missing.add(m.getKey() + " has no label " + label + " (from " + expr + ")");
                    }
                }
            }
            // A panel that selects topic="news.dlq" must find that series once something went there.
            for (Map.Entry<String, Set<String>> exact : Monitoring.exactLabelValues(expr).entrySet()) {
                for (String value : exact.getValue()) {
                    if (!scrape.contains(exact.getKey() + "=\"" + value + "\"")) {
                        missing.add("no series with " + exact.getKey() + "=\"" + value + "\" (from " + expr + ")");
                    }
                }
            }
        }
        assertTrue(checked >= 10, "the dashboard queries " + checked + " metrics");
        assertEquals(List.of(), missing, "queried by the dashboard but not exported");
        assertTrue(samples(scrape, "kafka_streams_topic_records_produced_total").stream().anyMatch(l -> l.contains("topic=\"news.topic.")),
                "stories per topic: a news.topic.* series");
        // Drained: the lag from offsets is there for every input partition, and 0 (no transaction marker counted as work).
        List<String> rawLag = samples(scrape, "wiretag_input_lag_records").stream().filter(l -> l.contains("topic=\"news.raw\"")).toList();
        assertEquals(4, rawLag.size(), scrape);
        for (String l : samples(scrape, "wiretag_input_lag_records")) {
            assertTrue(l.endsWith(" 0.0") || l.endsWith(" 0"), "nothing waits after the drain: " + l);
        }
    }
}
