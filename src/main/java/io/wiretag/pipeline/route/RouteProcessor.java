package io.wiretag.pipeline.route;

import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.Fingerprints;
import io.wiretag.lifecycle.Kills;
import io.wiretag.pipeline.LifecycleMetrics;
import io.wiretag.pipeline.StateStores;
import io.wiretag.pipeline.WatchSettings;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.views.LatestCards;
import io.wiretag.views.StoryCard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The router, per story id, right after the tagger: encodes the tagged story once, and either routes it at
 * once (a kill; a new version of a story already routed as an original; a body with nothing to compare) or
 * parks it in {@value StateStores#PENDING} and asks the duplicate shards that own its keys, whose verdicts
 * {@link VerdictProcessor} collects (in this same task: they share the stores).
 */
public final class RouteProcessor implements Processor<String, Story, String, Routed> {
    private static final Duration TRIM_EVERY = Duration.ofSeconds(30);

    private final Topics topics;
    private final WatchSettings watch;
    private final int partitions;
    private final int shards;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, StoryCard> latest;
    private LifecycleMetrics metrics;
    private Router router;

    /**
     * @param partitions the number of partitions of the internal topics ({@code dup-claims}, {@code trend-hits})
     * @param shards how many of them hold a shard of the duplicate window
     */
    public RouteProcessor(Topics topics, WatchSettings watch, int partitions, int shards) {
        this.topics = topics;
        this.watch = watch;
        this.partitions = partitions;
        this.shards = shards;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        latest = context.getStateStore(StateStores.LATEST_STORIES);
        metrics = new LifecycleMetrics(context);
        router = new Router(topics, watch, partitions, shards, context, metrics);
        context.schedule(TRIM_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> trimLatest());
    }

    @Override
    public void process(Record<String, Story> record) {
        Story story = record.value();
        if (story == null) {
            return;
        }
        String id = record.key() != null ? record.key() : story.id();
        if (story.isKill()) {
            router.offer(id, new Pending.Kill(Json.bytes(story)), record.timestamp());
            return;
        }
        long at = Kills.issuedAt(story, Instant.ofEpochMilli(record.timestamp())).toEpochMilli();
        // Copies are ordered, and kept in the window, by when they reached wiretag: the first copy received wins.
        long received = story.source() != null && story.source().receivedAt() != null
                ? story.source().receivedAt().toEpochMilli() : record.timestamp();
        router.offer(id, new Pending.Version(RouteCard.of(story, at), Fingerprints.of(id, received, story.body()), Json.bytes(story),
                watch.watches().alertsFor(story, Instant.ofEpochMilli(record.timestamp()))), record.timestamp());
    }

    /** Keeps the configured number of newest stories per topic on the dashboard (this task's share of them). */
    private void trimLatest() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> drop = new ArrayList<>();
        try (KeyValueIterator<String, StoryCard> it = latest.all()) {
            while (it.hasNext()) {
                KeyValue<String, StoryCard> kv = it.next();
                if (seen.merge(LatestCards.topicOf(kv.key), 1, Integer::sum) > watch.storiesPerTopic()) {
                    drop.add(kv.key);
                }
            }
        }
        drop.forEach(latest::delete);
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
