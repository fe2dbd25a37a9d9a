package io.wiretag.pipeline.dedup;

import io.wiretag.lifecycle.BandIndex;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends a claim to every shard (one of the first {@code shards} partitions of {@code dup-claims}) that owns one
 * of its duplicate keys, once per shard, whatever the number of keys it owns there: a story costs at most one
 * claim per shard.
 */
public final class ClaimPartitioner implements StreamPartitioner<String, Claim> {
    private final int shards;

    /** @param shards how many partitions of {@code dup-claims} hold a shard: at most all of them */
    public ClaimPartitioner(int shards) {
        this.shards = shards;
    }

    /** The shards that own a key of these: what a story must ask, and how many verdicts it waits for. */
    public static Set<Integer> shards(long[] keys, int shards) {
        Set<Integer> out = new HashSet<>();
        for (long k : keys) {
            out.add(BandIndex.shardOf(k, shards));
        }
        return out;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Claim claim, int numPartitions) {
        int n = Math.min(shards, numPartitions);
        if (claim.kind() == Claim.Kind.FORGET) {
            return Optional.of(IntStream.range(0, n).boxed().collect(Collectors.toSet()));
        }
        return Optional.of(shards(BandIndex.keys(claim.fingerprint()), n));
    }
}
