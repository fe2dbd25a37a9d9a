package io.wiretag.pipeline;

import io.wiretag.alerts.Breaking;
import io.wiretag.alerts.BreakingAlert;
import io.wiretag.story.Story;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches the router's output on {@code news.tagged}: sends each original story (not a duplicate, not a
 * kill) on to the trend counts once, raises its breaking alert once, and keeps the newest stories per
 * topic for the dashboard, from which a kill takes the story down. It runs in the router's one task.
 */
final class WatchProcessor implements Processor<String, Outbound, String, Watched> {
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final WatchSettings settings;
    private ProcessorContext<String, Watched> context;
    private KeyValueStore<String, WatchState> watch;
    private KeyValueStore<String, LatestStories> latest;

    WatchProcessor(WatchSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Watched> context) {
        this.context = context;
        watch = context.getStateStore(AlertsAndTrends.WATCH_STORE);
        latest = context.getStateStore(AlertsAndTrends.LATEST_STORIES_STORE);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<String, Outbound> record) {
        if (!(record.value() instanceof Outbound.Tagged tagged) || tagged.story().duplicateOf() != null) {
            return;
        }
        Story story = tagged.story();
        String id = record.key() != null ? record.key() : story.id();
        WatchState before = watch.get(id);
        List<String> listedBefore = before == null ? List.of() : before.topics();
        if (story.isKill()) {
            if (before != null) {
                unlist(id, listKeys(listedBefore));
                watch.put(id, new WatchState(before.firstSeenMs(), before.breakingSent(), List.of()));
            }
            return;
        }
        List<String> topics = story.tags() == null ? List.of() : story.tags().topicIds();
        boolean breakingSent = before != null && before.breakingSent();
        if (!breakingSent) {
            // A story upgraded to flash by a later version is breaking then; it is breaking only once.
            Optional<BreakingAlert> alert = Breaking.decide(id, story.headline(), story.urgency(), topics,
                    Instant.ofEpochMilli(record.timestamp()), settings.alerts());
            if (alert.isPresent()) {
                context.forward(record.withKey(alert.get().id()).withValue(new Watched.Alert(alert.get())));
                breakingSent = true;
            }
        }
        List<String> left = new ArrayList<>(listedBefore);
        left.removeAll(topics);
        unlist(id, left);
        StoryCard card = StoryCard.of(story, record.timestamp());
        for (String t : listKeys(topics)) {
            LatestStories l = latest.get(t);
            latest.put(t, (l == null ? new LatestStories(List.of()) : l).with(card, settings.storiesPerTopic()));
        }
        watch.put(id, new WatchState(before == null ? context.currentSystemTimeMs() : before.firstSeenMs(), breakingSent, topics));
        if (before == null) {
            // Trends count stories, not versions: a write-through of the same story is not a second story.
            context.forward(record.withKey(id).withValue(new Watched.Count(story)));
        }
    }

    /** Takes the story off the dashboard lists with these keys. */
    private void unlist(String id, List<String> keys) {
        for (String t : keys) {
            LatestStories l = latest.get(t);
            if (l != null) {
                latest.put(t, l.without(id));
            }
        }
    }

    private static List<String> listKeys(List<String> topics) {
        List<String> keys = new ArrayList<>(topics);
        keys.add(AlertsAndTrends.ALL_TOPICS);
        return keys;
    }

    /**
     * Forgets stories first seen longer ago than the trend retention, so the store stays bounded; a version
     * arriving after that counts again, in a minute no trend query reaches back to with the old one.
     */
    private void forgetOld(long now) {
        long before = now - settings.alerts().trendRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, WatchState> it = watch.all()) {
            while (it.hasNext()) {
                KeyValue<String, WatchState> kv = it.next();
                if (kv.value.firstSeenMs() < before) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(watch::delete);
    }
}
