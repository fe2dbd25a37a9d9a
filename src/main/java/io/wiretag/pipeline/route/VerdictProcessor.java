package io.wiretag.pipeline.route;

import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.LifecycleMetrics;
import io.wiretag.pipeline.WatchSettings;
import io.wiretag.pipeline.dedup.ShardVerdict;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The router's second half, per story id, in the same task as {@link RouteProcessor} (they share its
 * stores): hands each duplicate shard's verdict to the {@link Router}, which publishes the parked story
 * once every shard asked has answered, as an original or as a duplicate of the earliest original any named.
 */
public final class VerdictProcessor implements Processor<String, ShardVerdict, String, Routed> {
    private final Topics topics;
    private final WatchSettings watch;
    private final int partitions;
    private LifecycleMetrics metrics;
    private Router router;

    public VerdictProcessor(Topics topics, WatchSettings watch, int partitions) {
        this.topics = topics;
        this.watch = watch;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        metrics = new LifecycleMetrics(context);
        router = new Router(topics, watch, partitions, context, metrics);
    }

    @Override
    public void process(Record<String, ShardVerdict> record) {
        if (record.value() != null && record.key() != null) {
            router.verdict(record.key(), record.value(), record.timestamp());
        }
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
