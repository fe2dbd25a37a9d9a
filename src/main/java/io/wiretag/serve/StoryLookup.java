package io.wiretag.serve;

import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Finds every record of one story on {@code news.tagged} without a state store: the story's partition is
 * the default partitioner's for its key, and only the newest {@code maxRecords} records of that partition
 * are read (read_committed, no consumer group), within {@code timeout}. So a story is found while it is
 * recent; an older one is reported as not found within that bound.
 */
public final class StoryLookup {
    /** One record of the story: where it is on the topic, when it was written, and the story (null: a tombstone). */
    public record Version(int partition, long offset, Instant timestamp, Story story) {
    }

    /**
     * What a lookup found: the story's records, oldest first; how many records of the partition were read
     * out of how many the bound allowed; and whether the whole partition was within the bound.
     */
    public record Found(String id, String topic, int partition, List<Version> versions, long scanned, int bound, boolean wholePartition) {
        public Optional<Story> latest() {
            for (int i = versions.size() - 1; i >= 0; i--) {
                if (versions.get(i).story() != null) {
                    return Optional.of(versions.get(i).story());
                }
            }
            return Optional.empty();
        }

        /** The newest version that is not a kill (a kill carries no text), else the newest record. */
        public Optional<Story> newestText() {
            for (int i = versions.size() - 1; i >= 0; i--) {
                Story s = versions.get(i).story();
                if (s != null && s.kill() == null && !s.isKill()) {
                    return Optional.of(s);
                }
            }
            return latest();
        }

        /** The newest kill among the story's records, if it was killed. */
        public Optional<Story> kill() {
            return latest().filter(s -> s.kill() != null || s.isKill());
        }
    }

    /** The most versions one lookup keeps (the newest). */
    static final int MAX_VERSIONS = 200;

    private final Map<String, Object> consumerSettings;
    private final String topic;
    private final int maxRecords;
    private final Duration timeout;

    public StoryLookup(Map<String, Object> clientSettings, String topic, int maxRecords, Duration timeout) {
        Map<String, Object> c = new HashMap<>(clientSettings);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout.toMillis())));
        c.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout.toMillis())));
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "wiretag-story-lookup");
        this.consumerSettings = c;
        this.topic = topic;
        this.maxRecords = Math.max(1, maxRecords);
        this.timeout = timeout;
    }

    public int bound() {
        return maxRecords;
    }

    /** The partition the default partitioner gives a key on a topic of {@code partitions} partitions. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Reads the story's records; throws with a one-line reason when the topic cannot be read within the timeout. */
    public Found find(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist (yet)");
            }
            TopicPartition tp = new TopicPartition(topic, partitionOf(id, infos.size()));
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp), timeout).get(tp);
            long end = consumer.endOffsets(List.of(tp), timeout).get(tp);
            long from = Math.max(begin, end - maxRecords);
            consumer.seek(tp, from);
            List<Version> versions = new ArrayList<>();
            long scanned = 0;
            while (consumer.position(tp, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the last " + (end - from) + " records of " + tp + " within "
                            + timeout.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() >= end) {
                        continue;
                    }
                    scanned++;
                    if (r.key() != null && java.util.Arrays.equals(key, r.key())) {
                        Story s = r.value() == null ? null : Json.read(r.value(), Story.class);
                        versions.add(new Version(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), s));
                        if (versions.size() > MAX_VERSIONS) {
                            versions.remove(0);
                        }
                    }
                }
            }
            return new Found(id, topic, tp.partition(), List.copyOf(versions), scanned, maxRecords, from == begin);
        }
    }
}
