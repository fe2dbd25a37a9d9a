package io.wiretag.pipeline.trends;

import io.wiretag.views.Trend;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;

/**
 * One story's trend hits for one partition of {@code trend-hits}: the trend keys ({@code entity:russia}) that
 * partition counts, with their display names, and the minute (of versionCreated) they count in. A story sends
 * one batch per partition its keys fall on, not one record per key; the batch's record key is one of its
 * trend keys, so the default partitioner puts it where every key in it is counted.
 */
public record TrendBatch(long minuteMs, List<String> keys, List<String> names) {
    /**
     * A story's hits grouped by the partition (of {@code partitions}) the default partitioner gives each key.
     */
    public static List<TrendBatch> of(long minuteMs, Map<String, String> namesByKey, int partitions) {
        Map<Integer, TrendBatch> by = new LinkedHashMap<>();
        namesByKey.forEach((key, name) -> {
            int p = partitionOf(key, partitions);
            TrendBatch b = by.computeIfAbsent(p, x -> new TrendBatch(minuteMs, new ArrayList<>(), new ArrayList<>()));
            b.keys.add(key);
            b.names.add(name);
        });
        return List.copyOf(by.values());
    }

    /** What Kafka's default partitioner does with a String key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
    }

    public static String entityKey(String id) {
        return Trend.key(Trend.ENTITY, id);
    }

    public static String topicKey(String id) {
        return Trend.key(Trend.TOPIC, id);
    }

    public static final Serde<TrendBatch> SERDE = Serdes.serdeFrom((topic, b) -> b == null ? null : encode(b),
            (topic, bytes) -> bytes == null ? null : decode(bytes));

    private static byte[] encode(TrendBatch b) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 32 * b.keys.size());
            DataOutputStream d = new DataOutputStream(out);
            d.writeLong(b.minuteMs);
            d.writeInt(b.keys.size());
            for (int i = 0; i < b.keys.size(); i++) {
                d.writeUTF(b.keys.get(i));
                d.writeUTF(b.names.get(i) == null ? "" : b.names.get(i));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrendBatch decode(byte[] bytes) {
        try {
            DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            long minute = d.readLong();
            int n = d.readInt();
            List<String> keys = new ArrayList<>(n);
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                keys.add(d.readUTF());
                String name = d.readUTF();
                names.add(name.isEmpty() ? null : name);
            }
            return new TrendBatch(minute, keys, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
