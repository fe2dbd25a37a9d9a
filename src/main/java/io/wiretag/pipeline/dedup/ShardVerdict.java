package io.wiretag.pipeline.dedup;

import io.wiretag.lifecycle.BandIndex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** One shard's answer to a {@code CHECK} claim (keyed by story id on {@code dup-verdicts}): of which round, and its verdict. */
public record ShardVerdict(int round, int shard, BandIndex.Verdict verdict) {
    public static final Serde<ShardVerdict> SERDE = Serdes.serdeFrom(
            (topic, v) -> {
                if (v == null) {
                    return null;
                }
                byte[] of = v.verdict.isDuplicate() ? v.verdict.duplicateOf().getBytes(StandardCharsets.UTF_8) : new byte[0];
                return ByteBuffer.allocate(4 + 4 + 8 + of.length).putInt(v.round).putInt(v.shard)
                        .putLong(v.verdict.duplicateTime()).put(of).array();
            },
            (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                int round = b.getInt();
                int shard = b.getInt();
                long time = b.getLong();
                BandIndex.Verdict v = b.remaining() == 0 ? BandIndex.Verdict.ORIGINAL
                        : new BandIndex.Verdict(new String(bytes, b.position(), b.remaining(), StandardCharsets.UTF_8), time);
                return new ShardVerdict(round, shard, v);
            });
}
