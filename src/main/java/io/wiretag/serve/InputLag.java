package io.wiretag.serve;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * How far the app's consumer group is behind its inputs, from the broker's offsets rather than from what a
 * consumer happened to fetch: per partition, the end (last stable offset, read_committed) minus the group's
 * committed offset, or minus the start where the group has committed nothing. So the lag is not 0 while
 * work waits, also before any instance has read a partition. Read at most once per {@code cacheFor}.
 * Exported on {@code /metrics} as {@code wiretag_input_lag_records{topic,partition}} and its neighbours.
 */
public final class InputLag implements MultiCollector {
    /** One input partition: the group's committed offset (null: none), the start and end offsets, the lag. */
    public record Partition(String topic, int partition, Long committed, long start, long end) {
        public long lag() {
            return Math.max(0, end - (committed == null ? start : Math.max(committed, start)));
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final String groupId;
    private final List<String> inputTopics;
    private final Duration cacheFor;
    private final Clock clock;
    private Instant readAt;
    private Optional<List<Partition>> last = Optional.empty();

    /**
     * {@code inputTopics} are read even before the group commits on them; every other topic the group has
     * committed offsets on (internal repartition topics) is reported too.
     */
    public InputLag(Admin admin, String groupId, List<String> inputTopics, Duration cacheFor, Clock clock) {
        this.admin = admin;
        this.groupId = groupId;
        this.inputTopics = List.copyOf(inputTopics);
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** The partitions and their lag, or empty when the cluster did not answer (the lag is unknown, not 0). */
    public synchronized Optional<List<Partition>> read() {
        Instant now = clock.instant();
        if (readAt == null || Duration.between(readAt, now).compareTo(cacheFor) >= 0) {
            last = ask();
            readAt = clock.instant();
        }
        return last;
    }

    private Optional<List<Partition>> ask() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
            Set<String> topics = new LinkedHashSet<>(inputTopics);
            committed.keySet().forEach(tp -> topics.add(tp.topic()));
            List<TopicPartition> partitions = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> e : admin.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    get(e.getValue()).partitions().forEach(p -> partitions.add(new TopicPartition(e.getKey(), p.partition())));
                } catch (ExecutionException missing) {
                    if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw missing;
                    }
                    // Not created yet: nothing waits there.
                }
            }
            Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
            List<Partition> out = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                out.add(new Partition(tp.topic(), tp.partition(), c == null ? null : c.offset(), start.get(tp), end.get(tp)));
            }
            out.sort(Comparator.comparing(Partition::topic).thenComparingInt(Partition::partition));
            return Optional.of(List.copyOf(out));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> out = new HashMap<>();
        get(admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()).forEach((tp, i) -> out.put(tp, i.offset()));
        return out;
    }

    private static <T> T get(KafkaFuture<T> f) throws ExecutionException, InterruptedException, TimeoutException {
        return f.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public MetricSnapshots collect() {
        Optional<List<Partition>> partitions = read();
        List<io.prometheus.metrics.model.snapshots.MetricSnapshot> out = new ArrayList<>();
        out.add(GaugeSnapshot.builder().name("wiretag_input_lag_up")
                .help("1 when the lag below was read from the cluster at the last try, 0 when the cluster did not answer")
                .dataPoint(point(Labels.of("group", groupId), partitions.isPresent() ? 1 : 0)).build());
        if (partitions.isPresent()) {
            GaugeSnapshot.Builder lag = GaugeSnapshot.builder().name("wiretag_input_lag_records")
                    .help("records on an input partition the app's consumer group has not committed yet (end minus committed offset)");
            GaugeSnapshot.Builder end = GaugeSnapshot.builder().name("wiretag_input_end_offset")
                    .help("the last stable offset of an input partition (read_committed)");
            GaugeSnapshot.Builder committed = GaugeSnapshot.builder().name("wiretag_input_committed_offset")
                    .help("the offset the app's consumer group has committed on an input partition (absent: none yet)");
            for (Partition p : partitions.get()) {
                Labels labels = Labels.of("partition", String.valueOf(p.partition()), "topic", p.topic());
                lag.dataPoint(point(labels, p.lag()));
                end.dataPoint(point(labels, p.end()));
                if (p.committed() != null) {
                    committed.dataPoint(point(labels, p.committed()));
                }
            }
            out.add(lag.build());
            out.add(end.build());
            out.add(committed.build());
        }
        return new MetricSnapshots(out);
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(Labels labels, double v) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(v).build();
    }
}
