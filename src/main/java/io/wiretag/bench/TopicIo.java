package io.wiretag.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What was written to a set of topics: per topic, the offsets taken (records, and under exactly-once the
 * transaction markers too), the bytes appended as the broker counted them on receipt (its
 * {@code BytesInPerSec} meter, read over JMX from the broker in this JVM), and the bytes on disk now
 * ({@code describeLogDirs}; less than appended once Streams has purged a repartition topic).
 */
public final class TopicIo {
    /** One topic's figures. */
    public record Counts(long offsets, long bytesIn, long bytesOnDisk) {
        Counts minus(Counts o) {
            return new Counts(offsets - o.offsets, bytesIn - o.bytesIn, bytesOnDisk - o.bytesOnDisk);
        }

        Counts plus(Counts o) {
            return new Counts(offsets + o.offsets, bytesIn + o.bytesIn, bytesOnDisk + o.bytesOnDisk);
        }
    }

    /** Figures per topic at one moment. */
    public record Snapshot(Map<String, Counts> perTopic) {
        /** What was written between {@code before} and this snapshot, per topic (topics new since then count from zero). */
        public Snapshot since(Snapshot before) {
            Map<String, Counts> out = new TreeMap<>();
            perTopic.forEach((t, c) -> {
                Counts d = c.minus(before.perTopic.getOrDefault(t, new Counts(0, 0, 0)));
                if (d.offsets() > 0 || d.bytesIn() > 0) {
                    out.put(t, d);
                }
            });
            return new Snapshot(out);
        }

        public Counts total() {
            return perTopic.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
        }
    }

    private TopicIo() {
    }

    /** The figures of every topic whose name {@code owned} accepts. */
    public static Snapshot snapshot(Admin admin, Predicate<String> owned) {
        try {
            List<String> names = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
                    .names().get().stream().filter(owned).sorted().toList();
            if (names.isEmpty()) {
                return new Snapshot(Map.of());
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().forEach((n, d) ->
                    d.partitions().forEach(p -> latest.put(new TopicPartition(n, p.partition()), OffsetSpec.latest())));
            Map<String, Long> offsets = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get()
                    .entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(), Collectors.summingLong(e -> e.getValue().offset())));
            Map<String, Long> disk = new HashMap<>();
            Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(
                    admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList()).allDescriptions().get();
            for (Map<String, LogDirDescription> perDir : dirs.values()) {
                for (LogDirDescription d : perDir.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
                        if (offsets.containsKey(r.getKey().topic())) {
                            disk.merge(r.getKey().topic(), r.getValue().size(), Long::sum);
                        }
                    }
                }
            }
            Map<String, Counts> out = new TreeMap<>();
            for (String n : names) {
                out.put(n, new Counts(offsets.getOrDefault(n, 0L), Math.max(0, bytesIn(n)), disk.getOrDefault(n, 0L)));
            }
            return new Snapshot(out);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the topics' offsets and sizes: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether the broker's per-topic byte meters are visible in this JVM (they are for the embedded broker). */
    public static boolean brokerMetersVisible(String anyTopic) {
        return bytesIn(anyTopic) >= 0;
    }

    /** The broker's count of bytes appended to {@code topic} since it started, or -1 where it has no meter. */
    static long bytesIn(String topic) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=" + ObjectName.quote(topic));
            if (!server.isRegistered(name)) {
                name = new ObjectName("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec,topic=" + topic);
            }
            if (!server.isRegistered(name)) {
                return -1;
            }
            return ((Number) server.getAttribute(name, "Count")).longValue();
        } catch (JMException e) {
            return -1;
        }
    }
}
