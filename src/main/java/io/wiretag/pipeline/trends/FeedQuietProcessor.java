package io.wiretag.pipeline.trends;

import io.wiretag.alerts.FeedAlert;
import io.wiretag.alerts.QuietRule;
import io.wiretag.alerts.QuietSettings;
import io.wiretag.alerts.QuietState;
import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.StateStores;
import io.wiretag.pipeline.normalise.NormaliseProcessor;
import io.wiretag.story.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches every feed on {@code news.raw} (its record key: provider + feed, else the provider) for going quiet:
 * each delivery updates the feed's usual gap ({@link QuietRule}), and a wall-clock check once a minute raises
 * one {@code quiet} alert for a feed silent far longer than usual, and one {@code resumed} when it delivers
 * again. A feed's records share a key, so one task holds each feed. A key that never delivered often enough
 * to be judged (a producer keying by file or story id) is dropped an hour after its last delivery
 * ({@link QuietRule#forgettable}), so the store does not grow with every story.
 */
public final class FeedQuietProcessor implements Processor<byte[], byte[], String, byte[]> {
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final QuietSettings settings;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, QuietState> feeds;

    public FeedQuietProcessor(QuietSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        feeds = context.getStateStore(StateStores.FEEDS);
        context.schedule(CHECK_EVERY, PunctuationType.WALL_CLOCK_TIME, this::check);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String feed = record.key() != null ? new String(record.key(), StandardCharsets.UTF_8)
                : NormaliseProcessor.header(record.headers(), Topics.H_PROVIDER);
        if (feed == null || feed.isBlank()) {
            return; // nothing says which feed this is: no usual gap to learn
        }
        QuietRule.Result r = QuietRule.arrived(feeds.get(feed), feed,
                NormaliseProcessor.receivedAt(record.headers(), record.timestamp()));
        feeds.put(feed, r.state());
        r.alert().ifPresent(a -> send(a, record.timestamp()));
    }

    private void check(long now) {
        List<KeyValue<String, QuietState>> all = new ArrayList<>();
        try (KeyValueIterator<String, QuietState> it = feeds.all()) {
            it.forEachRemaining(all::add);
        }
        Instant at = Instant.ofEpochMilli(now);
        for (KeyValue<String, QuietState> kv : all) {
            if (QuietRule.forgettable(kv.value, at, settings)) {
                feeds.delete(kv.key);
                continue;
            }
            QuietRule.Result r = QuietRule.check(kv.value, kv.key, at, settings);
            if (r.alert().isPresent()) {
                feeds.put(kv.key, r.state());
                send(r.alert().get(), now);
            }
        }
    }

    private void send(FeedAlert a, long timestamp) {
        context.forward(new Record<>(a.id(), Json.bytes(a), timestamp));
    }
}
