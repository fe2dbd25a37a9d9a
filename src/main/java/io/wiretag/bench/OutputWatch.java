package io.wiretag.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches output topics as a subscriber would (read_committed, so under exactly-once a record counts once
 * its transaction committed): counts the records, notes when the last one arrived, and the moment each
 * awaited key was first seen, for the latency probe.
 */
public final class OutputWatch implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicLong lastArrivalCpu = new AtomicLong();
    private final AtomicLong firstArrival = new AtomicLong();
    private final Map<String, Long> awaited = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /** Starts reading {@code topics} from their beginning ({@code fromEnd} false) or from their end now. */
    public OutputWatch(Map<String, Object> clientSettings, List<String> topics, boolean fromEnd) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String t : topics) {
            List<PartitionInfo> info = consumer.partitionsFor(t, Duration.ofSeconds(30));
            if (info == null || info.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("output topic " + t + " does not exist");
            }
            info.forEach(p -> parts.add(new TopicPartition(t, p.partition())));
        }
        consumer.assign(parts);
        if (fromEnd) {
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // resolve now: records produced after this call are counted
        } else {
            consumer.seekToBeginning(parts);
        }
        thread = new Thread(this::loop, "bench-output-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                var batch = consumer.poll(Duration.ofMillis(50));
                if (!batch.isEmpty()) {
                    lastArrivalCpu.set(ProcessMeter.processCpuNanos());
                }
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    long now = System.nanoTime();
                    count.incrementAndGet();
                    lastArrival.set(now);
                    firstArrival.compareAndSet(0, now);
                    if (!awaited.isEmpty() && r.key() != null) {
                        String key = new String(r.key(), StandardCharsets.UTF_8);
                        if (awaited.remove(key) != null) {
                            seen.put(key, now);
                        }
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure.set(e);
        }
    }

    /** Records the first arrival of {@code key} from now on. */
    public void await(String key) {
        awaited.put(key, System.nanoTime());
    }

    /** When {@code key} was first seen (System.nanoTime), or null. */
    public Long seenAt(String key) {
        return seen.get(key);
    }

    public int outstanding() {
        return awaited.size();
    }

    public long count() {
        return count.get();
    }

    /** When the first output arrived (0 before). */
    public long firstArrivalNanos() {
        return firstArrival.get();
    }

    public long lastArrivalNanos() {
        return lastArrival.get();
    }

    /** The process CPU time read when the last batch arrived. */
    public long lastArrivalCpuNanos() {
        return lastArrivalCpu.get();
    }

    public void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("reading the output failed: " + failure.get().getMessage(), failure.get());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
