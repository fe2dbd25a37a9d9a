package io.wiretag.pipeline.dedup;

import io.wiretag.lifecycle.BandIndex;
import io.wiretag.lifecycle.Fingerprint;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.pipeline.LifecycleMetrics;
import io.wiretag.pipeline.StateStores;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One shard of the duplicate window, one per partition of {@code dup-claims} among the first
 * {@code wiretag.lifecycle.duplicate-shards} (all by default; the others get no claims): judges each {@code CHECK}
 * claim on the duplicate keys this partition owns and answers on {@code dup-verdicts}, keyed by story id, so
 * the answer goes back to the story's own task. The index is in memory ({@link BandIndex}) and in
 * {@value StateStores#DUPLICATE_SHARD} (changelogged, standby-replicated), from which it is rebuilt.
 */
public final class DuplicateShardProcessor implements Processor<String, Claim, String, ShardVerdict> {
    private final LifecycleSettings settings;
    private final int shards;
    private ProcessorContext<String, ShardVerdict> context;
    private KeyValueStore<String, byte[]> store;
    private BandIndex index;
    private int shard;
    private long newestTime = Long.MIN_VALUE;
    private LifecycleMetrics metrics;
    private Sensor size;

    /** @param shards the number of partitions of {@code dup-claims} that hold a shard */
    public DuplicateShardProcessor(LifecycleSettings settings, int shards) {
        this.settings = settings;
        this.shards = shards;
    }

    @Override
    public void init(ProcessorContext<String, ShardVerdict> context) {
        this.context = context;
        shard = context.taskId().partition();
        store = context.getStateStore(StateStores.DUPLICATE_SHARD);
        index = new BandIndex(settings.nearDuplicateThreshold(), settings.duplicateWindow().toMillis(),
                k -> BandIndex.shardOf(k, shards) == shard);
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            while (it.hasNext()) {
                FingerprintCodec.Entry e = FingerprintCodec.decode(it.next().value);
                index.restore(e.fingerprint(), e.earlier(), e.registeredMs(), e.orderTime());
                newestTime = Math.max(newestTime, e.fingerprint().time());
            }
        }
        metrics = new LifecycleMetrics(context);
        size = metrics.gauge("store-size-" + StateStores.DUPLICATE_SHARD, "stories in this shard of the duplicate window");
        size.record(index.size());
    }

    @Override
    public void process(Record<String, Claim> record) {
        Claim c = record.value();
        if (c == null) {
            return;
        }
        if (c.kind() == Claim.Kind.FORGET) {
            if (index.remove(c.storyId())) {
                store.delete(c.storyId());
            }
            size.record(index.size());
            return;
        }
        long now = context.currentSystemTimeMs();
        if (c.kind() == Claim.Kind.CHECK) {
            BandIndex.Verdict v = index.decide(c.fingerprint());
            context.forward(record.withKey(c.storyId()).withValue(new ShardVerdict(c.round(), shard, v)));
        }
        index.register(c.fingerprint(), now);
        List<Fingerprint> versions = index.versions(c.storyId());
        store.put(c.storyId(), FingerprintCodec.encode(index.registeredAt(c.storyId()).orElse(now),
                index.orderTime(c.storyId()).orElse(c.fingerprint().time()), c.fingerprint(),
                versions.subList(0, Math.max(0, versions.size() - 1))));
        newestTime = Math.max(newestTime, c.fingerprint().time());
        for (String gone : index.expire(newestTime)) {
            store.delete(gone);
        }
        size.record(index.size());
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
