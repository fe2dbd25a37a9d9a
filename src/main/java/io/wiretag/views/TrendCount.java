package io.wiretag.views;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** One minute's count for one trend key, with the display name the tagger gave the entity or topic. */
public record TrendCount(String name, long count) {
    /** A compact binary form for the store (the count, then the name): it is read and written per story. */
    public static final Serde<TrendCount> SERDE = Serdes.serdeFrom(
            (topic, c) -> {
                if (c == null) {
                    return null;
                }
                byte[] name = c.name == null ? new byte[0] : c.name.getBytes(StandardCharsets.UTF_8);
                return ByteBuffer.allocate(8 + name.length).putLong(c.count).put(name).array();
            },
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                long count = b.getLong();
                String name = b.remaining() == 0 ? null : new String(bytes, 8, b.remaining(), StandardCharsets.UTF_8);
                return new TrendCount(name, count);
            });

    public static TrendCount empty() {
        return new TrendCount(null, 0);
    }

    public TrendCount plus(String newName, long n) {
        return new TrendCount(newName != null ? newName : name, count + n);
    }
}
