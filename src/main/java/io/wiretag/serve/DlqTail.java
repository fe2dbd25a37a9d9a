package io.wiretag.serve;

import io.wiretag.kafka.DeadLetters;
import io.wiretag.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The newest refusals on {@code news.dlq}, for the dashboard's DLQ panel: the last {@code perPartition}
 * records of each partition (read_committed, no consumer group, within a timeout), newest first, each with
 * the stage, reason, exception, origin and source from its headers, and the counts by reason kind
 * ({@link DeadLetters#reasonKind}, as {@code dlq list} counts them) over what was read. Read at most once per {@code cacheFor}.
 */
public final class DlqTail {
    /** One refused record; text fields are as the headers say (null: absent), never interpreted. */
    public record Refusal(Instant at, int partition, long offset, String stage, String reason, String exception, String origin,
                          String source, String provider, int bytes) {
    }

    /** What was read: the newest refusals (at most {@code shown}), counts by reason, and how many records were read. */
    public record Tail(List<Refusal> newest, Map<String, Long> byReason, long read, int perPartition) {
    }

    private final Map<String, Object> consumerSettings;
    private final String topic;
    private final int perPartition;
    private final int shown;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private Instant readAt;
    private Tail last;

    public DlqTail(Map<String, Object> clientSettings, String topic, int perPartition, int shown, Duration timeout, Duration cacheFor, Clock clock) {
        Map<String, Object> c = new HashMap<>(clientSettings);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "wiretag-dlq-panel");
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout.toMillis())));
        this.consumerSettings = c;
        this.topic = topic;
        this.perPartition = Math.max(1, perPartition);
        this.shown = shown;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    public synchronized Tail read() {
        Instant now = clock.instant();
        if (last == null || Duration.between(readAt, now).compareTo(cacheFor) >= 0) {
            last = ask();
            readAt = clock.instant();
        }
        return last;
    }

    private Tail ask() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return new Tail(List.of(), Map.of(), 0, perPartition);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - perPartition));
            }
            List<Refusal> all = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the tail of " + topic + " within " + timeout.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        all.add(refusal(r));
                    }
                }
            }
            Map<String, Long> byReason = new HashMap<>();
            for (Refusal f : all) {
                byReason.merge(reasonKey(f.reason()), 1L, Long::sum);
            }
            Map<String, Long> sorted = new LinkedHashMap<>();
            byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            all.sort(Comparator.comparing(Refusal::at).reversed().thenComparing(Refusal::partition).thenComparing(Refusal::offset));
            return new Tail(List.copyOf(all.subList(0, Math.min(shown, all.size()))), sorted, all.size(), perPartition);
        }
    }

    static String reasonKey(String reason) {
        if (reason == null) {
            return "(no reason given)";
        }
        return DeadLetters.reasonKind(reason);
    }

    private static Refusal refusal(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers();
        return new Refusal(Instant.ofEpochMilli(r.timestamp()), r.partition(), r.offset(), text(h, Topics.H_DLQ_STAGE), text(h, Topics.H_DLQ_REASON),
                text(h, Topics.H_DLQ_EXCEPTION), text(h, Topics.H_DLQ_ORIGIN), text(h, Topics.H_SOURCE), text(h, Topics.H_PROVIDER),
                r.value() == null ? 0 : r.value().length);
    }

    private static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        String s = new String(h.value(), StandardCharsets.UTF_8);
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }
}
