package io.wiretag.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a taxonomy to the compacted {@code news.taxonomy}: one record per entity or topic, and a tombstone
 * for every key the topic holds that the new taxonomy no longer has, so deletions apply too.
 */
public final class TaxonomyPublisher {
    private TaxonomyPublisher() {
    }

    /** What one publication did. */
    public record Published(int written, int deleted) {
    }

    /** The live keys the topic holds now (tombstoned keys excluded). */
    public static Map<String, byte[]> read(Map<String, Object> clientSettings, String topic) {
        Map<String, byte[]> live = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(clientSettings, topic, Duration.ofSeconds(60))) {
            if (r.key() == null) {
                continue;
            }
            String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
            if (r.value() == null) {
                live.remove(key);
            } else {
                live.put(key, r.value());
            }
        }
        return live;
    }

    public static Published publish(Map<String, Object> clientSettings, String topic, Map<String, byte[]> records) {
        Set<String> stale = new HashSet<>(read(clientSettings, topic).keySet());
        stale.removeAll(records.keySet());
        Map<String, Object> props = new java.util.HashMap<>(clientSettings);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach((k, v) -> sent.add(producer.send(new ProducerRecord<>(topic, k, v))));
            stale.forEach(k -> sent.add(producer.send(new ProducerRecord<>(topic, k, null))));
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish the taxonomy to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the taxonomy", e);
        }
        return new Published(records.size(), stale.size());
    }
}
