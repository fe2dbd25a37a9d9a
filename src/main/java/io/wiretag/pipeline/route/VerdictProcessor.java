package io.wiretag.pipeline.route;

import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.LifecycleMetrics;
import io.wiretag.pipeline.WatchSettings;
import io.wiretag.pipeline.dedup.ShardVerdict;
import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
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
    private final int shards;
    private LifecycleMetrics metrics;
    private Router router;
    private Cancellable askAgain;

    public VerdictProcessor(Topics topics, WatchSettings watch, int partitions, int shards) {
        this.topics = topics;
        this.watch = watch;
        this.partitions = partitions;
        this.shards = shards;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        metrics = new LifecycleMetrics(context);
        router = new Router(topics, watch, partitions, shards, context, metrics);
        // The verdicts counted in memory before this task started here are gone: once, as soon as the task
        // runs (a punctuation, as nothing may be sent from init), the stories still waiting ask again.
        askAgain = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, now -> {
            askAgain.cancel();
            router.askAgain(now);
        });
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
