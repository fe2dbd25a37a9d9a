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
 * Puts raw stories on {@code news.raw}: the bytes untouched, with the {@code wiretag.*} headers, keyed by
 * provider and feed (the folder a file was delivered into, a feed's URL). One feed's deliveries thus share
 * a partition and keep their order: an update, a correction and a kill of one story are normalised in the
 * order the wire sent them. The {@code wiretag.source} header names the file or entry itself. The
 * producer is idempotent with acks=all, so a retry never duplicates.
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

    /**
     * Sends one raw story; {@code provider}, {@code feed} and {@code formatHint} may be null. Records with the
     * same provider and feed keep their order; without a feed, the source is the key.
     */
    public Future<RecordMetadata> send(byte[] bytes, String provider, String source, String feed, String formatHint, Instant receivedAt) {
        return send(bytes, provider, source, feed, formatHint, receivedAt, null);
    }

    /** As {@link #send(byte[], String, String, String, String, Instant)}, for the NITF rendition of AP item {@code renditionOf} when that is not null. */
    public Future<RecordMetadata> send(byte[] bytes, String provider, String source, String feed, String formatHint, Instant receivedAt,
                                       String renditionOf) {
        RecordHeaders headers = new RecordHeaders();
        if (renditionOf != null) {
            headers.add(Topics.H_RENDITION_OF, renditionOf.getBytes(StandardCharsets.UTF_8));
        }
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
        String keyPart = feed != null ? feed : source;
        String key = (provider == null ? "" : provider + ":") + (keyPart == null ? "" : keyPart);
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
