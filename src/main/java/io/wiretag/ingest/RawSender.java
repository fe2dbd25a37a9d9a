package io.wiretag.ingest;

import io.wiretag.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts raw stories on {@code news.raw}: the bytes untouched, keyed by provider and source, with the
 * {@code wiretag.*} headers. The producer is idempotent with acks=all, so a retry never duplicates.
 */
public final class RawSender implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public RawSender(Map<String, Object> clientSettings, String topic) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(20 * 1024 * 1024));
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Sends one raw story; {@code formatHint} and {@code provider} may be null. */
    public Future<RecordMetadata> send(byte[] bytes, String provider, String source, String formatHint, Instant receivedAt) {
        RecordHeaders headers = new RecordHeaders();
        if (formatHint != null) {
            headers.add(Topics.H_FORMAT, formatHint.getBytes(StandardCharsets.UTF_8));
        }
        if (provider != null) {
            headers.add(Topics.H_PROVIDER, provider.getBytes(StandardCharsets.UTF_8));
        }
        if (source != null) {
            headers.add(Topics.H_SOURCE, source.getBytes(StandardCharsets.UTF_8));
        }
        headers.add(Topics.H_RECEIVED_AT, receivedAt.toString().getBytes(StandardCharsets.UTF_8));
        String key = (provider == null ? "" : provider + ":") + (source == null ? "" : source);
        byte[] keyBytes = key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8);
        return producer.send(new ProducerRecord<>(topic, null, keyBytes, bytes, headers));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
