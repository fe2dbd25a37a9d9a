package io.wiretag.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Waits until a Streams application has consumed everything: on every input topic the group's committed
 * offset leaves no committed record unread, and no transaction is open. Under exactly-once the offsets
 * and the outputs commit together, so when this holds nothing is in flight.
 */
public final class Drain {
    private Drain() {
    }

    /**
     * Where the application stands: records not yet consumed, per input topic (counted one by one where a
     * partition is up to {@value #EXACT_UP_TO} offsets behind; beyond, its offsets, transaction markers included).
     */
    public record Lag(Map<String, Long> perTopic, boolean openTransactions) {
        public long total() {
            return perTopic.values().stream().mapToLong(Long::longValue).sum();
        }

        public boolean idle() {
            return total() == 0 && !openTransactions;
        }
    }

    public static Lag lag(Admin admin, Map<String, Object> clientSettings, String groupId, List<String> inputTopics) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(inputTopics).allTopicNames().get().forEach((name, d) ->
                    d.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> stable =
                    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> high =
                    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            boolean open = false;
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long lso = stable.get(tp).offset();
                if (lso != high.get(tp).offset()) {
                    open = true;
                }
                OffsetAndMetadata c = committed.get(tp);
                long pos = c == null ? 0 : c.offset();
                if (pos < lso) {
                    from.put(tp, pos);
                }
            }
            Map<String, Long> perTopic = new HashMap<>();
            inputTopics.forEach(t -> perTopic.put(t, 0L));
            if (!from.isEmpty()) {
                countCommittedRecords(clientSettings, from, stable).forEach((tp, n) -> perTopic.merge(tp.topic(), n, Long::sum));
            }
            return new Lag(perTopic, open);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of " + groupId + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Counts the committed records between the group's offset and the last stable offset. Offsets alone
     * overcount: transaction markers take offsets too, and are not records to process. A partition further
     * behind than {@value #EXACT_UP_TO} offsets is read only up to its first committed record, which proves it
     * is not idle, and counted by its offsets: reading a whole backlog on every check (ten times a second in
     * {@link #awaitIdle}) took CPU from the application it waited for.
     */
    private static Map<TopicPartition, Long> countCommittedRecords(Map<String, Object> clientSettings, Map<TopicPartition, Long> from,
                                                                    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> stable) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<TopicPartition, Long> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Set<TopicPartition> reading = new HashSet<>(from.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reading.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    long lso = stable.get(tp).offset();
                    if (!reading.contains(tp) || r.offset() >= lso) {
                        continue;
                    }
                    long behind = lso - from.get(tp);
                    if (behind > EXACT_UP_TO) {
                        counts.put(tp, behind);
                        reading.remove(tp);
                        consumer.pause(List.of(tp));
                    } else {
                        counts.merge(tp, 1L, Long::sum);
                    }
                }
                reading.removeIf(tp -> consumer.position(tp) >= stable.get(tp).offset());
            }
        }
        return counts;
    }

    /** Offsets behind up to which a partition's committed records are counted one by one. */
    static final long EXACT_UP_TO = 1_000;

    /**
     * Blocks until the application is idle twice in a row, reporting the lag while it waits.
     * Throws when {@code timeout} passes first.
     */
    public static void awaitIdle(Admin admin, Map<String, Object> clientSettings, String groupId, List<String> inputTopics,
                                 Duration timeout, java.util.function.Consumer<Lag> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int idleChecks = 0;
        while (true) {
            Lag lag = lag(admin, clientSettings, groupId, inputTopics);
            idleChecks = lag.idle() ? idleChecks + 1 : 0;
            if (idleChecks >= 2) {
                return;
            }
            progress.accept(lag);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not finish within " + timeout.toSeconds() + " s: "
                        + lag.total() + " records still to process" + (lag.openTransactions() ? ", a transaction still open" : ""));
            }
            Thread.sleep(100); // polling interval between offset checks, not a wait for a result
        }
    }
}
