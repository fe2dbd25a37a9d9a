package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.Topics;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tail TOPIC}: follow a topic, human-readable or JSON; {@code --webhook URL} forwards each record. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follow a topic, e.g. news.topic.ukraine-war: one readable line per record, or --json.",
                "--webhook URL POSTs each record's value (e.g. alerts) to URL as JSON."})
public final class TailCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Option(names = "--json", description = "Print each record as one JSON line (key, value, headers).")
    boolean json;

    @Option(names = "--from-beginning", description = "Start at the first record, not at the end.")
    boolean fromBeginning;

    @Option(names = {"-n", "--max"}, paramLabel = "N", description = "Stop after N records.")
    Integer max;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each record's value to this http(s) URL.")
    URI webhook;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (webhook != null && !(List.of("http", "https").contains(webhook.getScheme()))) {
            err.println("wiretag tail: --webhook must be an http or https URL: " + webhook);
            return 2;
        }
        WiretagConfig c = config.load();
        HttpClient http = webhook == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Cluster cluster = Cluster.connect(c, false)) {
            Map<String, Object> props = new HashMap<>(cluster.clientSettings());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
                if (infos == null || infos.isEmpty()) {
                    err.println("wiretag tail: no topic " + topic + " on " + cluster.bootstrapServers());
                    return 1;
                }
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                consumer.assign(partitions);
                if (fromBeginning) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                }
                int seen = 0;
                while (max == null || seen < max) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        out.println(json ? io.wiretag.story.Json.write(io.wiretag.kafka.TopicDump.toJson(r)) : readable(r));
                        out.flush();
                        if (http != null && r.value() != null) {
                            forward(http, r.value(), err);
                        }
                        if (max != null && ++seen >= max) {
                            break;
                        }
                    }
                }
            }
        }
        return 0;
    }

    private String readable(ConsumerRecord<byte[], byte[]> r) {
        if (r.headers().lastHeader(Topics.H_DLQ_REASON) != null || r.headers().lastHeader("__streams.errors.exception") != null) {
            return LiveLines.dlqLine(r);
        }
        if (r.value() == null) {
            return "(tombstone) " + (r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8));
        }
        String v = new String(r.value(), StandardCharsets.UTF_8);
        if (v.startsWith("{\"id\"")) {
            try {
                var s = io.wiretag.story.Json.read(r.value(), io.wiretag.story.Story.class);
                return s.id() + "  " + s.pubStatus().json() + "  " + s.headline()
                        + (s.tags() == null ? "" : "  topics=" + s.tags().topicIds() + " entities=" + s.tags().entityIds());
            } catch (RuntimeException notAStory) {
                // shown as text below
            }
        }
        return v.length() > 300 ? v.substring(0, 300) + "..." : v;
    }

    private void forward(HttpClient http, byte[] body, PrintWriter err) {
        try {
            HttpResponse<Void> res = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (res.statusCode() >= 300) {
                err.println("wiretag tail: webhook answered " + res.statusCode());
            }
        } catch (java.io.IOException e) {
            err.println("wiretag tail: webhook " + webhook + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
