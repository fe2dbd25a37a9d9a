package io.wiretag.bench;

import io.wiretag.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Offers stories at a fixed rate and measures, per story, the time from its send to its first record
 * visible to a read_committed subscriber of the output. A warm-up at the same rate comes first and is not
 * counted; after the measured window the probe says how many stories were still not visible (the backlog)
 * and waits a bounded time for the rest.
 */
public final class LatencyProbe {
    /** One load's result; latencies in milliseconds. */
    public record Result(int offeredPerSecond, double achievedPerSecond, int measured, int visible, double p50, double p99, double max,
                         int backlogAtEnd, boolean keptUp) {
    }

    private LatencyProbe() {
    }

    /** A producer as ingest uses one (idempotent, acks=all), without linger: the probe paces each send itself. */
    public static KafkaProducer<byte[], byte[]> producer(Map<String, Object> clientSettings, int lingerMs) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The record ingest would put on news.raw for this story: the bytes untouched, the wiretag headers. */
    public static ProducerRecord<byte[], byte[]> raw(String topic, StoryStream.Item item) {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.H_PROVIDER, item.provider().getBytes(StandardCharsets.UTF_8));
        h.add(Topics.H_SOURCE, (item.storyId() + ".json").getBytes(StandardCharsets.UTF_8));
        h.add(Topics.H_RECEIVED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, item.storyId().getBytes(StandardCharsets.UTF_8), item.bytes(), h);
    }

    /**
     * Sends {@code items} (fresh stories, one output each, keyed by the story id) at {@code rate} per second:
     * {@code warmSeconds} not counted, then {@code seconds} measured; then waits up to {@code drainSeconds}.
     * Returns the result and the number of items used.
     */
    public static Result run(KafkaProducer<byte[], byte[]> producer, String topic, OutputWatch watch, List<StoryStream.Item> items,
                             int rate, double warmSeconds, double seconds, double drainSeconds) throws InterruptedException {
        int warm = (int) Math.round(rate * warmSeconds);
        int measured = (int) Math.round(rate * seconds);
        if (warm + measured > items.size()) {
            throw new IllegalArgumentException("the latency probe needs " + (warm + measured) + " fresh stories, has " + items.size());
        }
        long[] sentAt = new long[measured];
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime();
        long measureStart = 0;
        for (int i = 0; i < warm + measured; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            StoryStream.Item item = items.get(i);
            if (i >= warm) {
                if (i == warm) {
                    measureStart = System.nanoTime();
                }
                watch.await(item.storyId());
                sentAt[i - warm] = System.nanoTime();
            }
            producer.send(raw(topic, item));
            watch.check();
        }
        producer.flush();
        long measureEnd = System.nanoTime();
        int backlog = 0;
        for (int i = 0; i < measured; i++) {
            if (watch.seenAt(items.get(warm + i).storyId()) == null) {
                backlog++;
            }
        }
        long drainDeadline = measureEnd + (long) (drainSeconds * 1e9);
        while (watch.outstanding() > 0 && System.nanoTime() < drainDeadline) {
            watch.check();
            Thread.sleep(20); // polling the watcher's count, not waiting for a result
        }
        double[] latencies = new double[measured];
        int visible = 0;
        for (int i = 0; i < measured; i++) {
            Long seen = watch.seenAt(items.get(warm + i).storyId());
            latencies[i] = seen == null ? Double.POSITIVE_INFINITY : (seen - sentAt[i]) / 1e6;
            visible += seen == null ? 0 : 1;
        }
        Arrays.sort(latencies);
        double achieved = measured / Math.max(1e-9, (measureEnd - measureStart) / 1e9);
        // Keeping up: at the end of the window less than one second of input is still not visible, and all of
        // it becomes visible within the drain time.
        boolean keptUp = backlog <= Math.max(rate, 10) && visible == measured;
        return new Result(rate, achieved, measured, visible, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1], backlog, keptUp);
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
