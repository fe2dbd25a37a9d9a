package io.wiretag.cli;

import io.wiretag.kafka.Topics;
import io.wiretag.story.EntityTag;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.story.TopicTag;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Prints one line per story that leaves the pipeline (where it was routed, what it is about) and one per
 * record refused to the dead-letter topic (why), from the moment it is started.
 */
final class LiveLines implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final Topics topics;
    private final PrintWriter out;

    LiveLines(Map<String, Object> clientSettings, Topics topics, PrintWriter out) {
        this.topics = topics;
        this.out = out;
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String t : List.of(topics.tagged().name(), topics.dlq().name())) {
            consumer.partitionsFor(t, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(t, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before anything is sent
        thread = new Thread(this::loop, "wiretag-live-lines");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(r.topic().equals(topics.dlq().name()) ? dlqLine(r) : storyLine(r));
                    out.flush();
                }
            }
        } catch (WakeupException stop) {
            // closing
        } finally {
            consumer.close();
        }
    }

    String storyLine(ConsumerRecord<byte[], byte[]> r) {
        Story s;
        try {
            s = Json.read(r.value(), Story.class);
        } catch (RuntimeException e) {
            return "?  " + r.topic() + ": a record that is not a story";
        }
        List<String> routed = s.tags() == null ? List.of() : s.tags().topics().stream().map(TopicTag::id).map(topics::forTopic).toList();
        String entities = s.tags() == null ? "" : s.tags().entities().stream().map(EntityTag::id).collect(Collectors.joining(", "));
        return String.format("%s  %-60.60s  -> %s%n     entities: %s", s.isKill() ? "KILL" : "ok  ",
                s.headline() == null ? s.id() : s.headline(),
                routed.isEmpty() ? topics.tagged().name() + " only" : topics.tagged().name() + ", " + String.join(", ", routed),
                entities.isEmpty() ? "(none)" : entities);
    }

    static String dlqLine(ConsumerRecord<byte[], byte[]> r) {
        return "DLQ   " + header(r, Topics.H_SOURCE, "(no source)") + ": " + header(r, Topics.H_DLQ_REASON,
                header(r, "__streams.errors.exception.message", "(no reason)"));
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name, String fallback) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? fallback : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
