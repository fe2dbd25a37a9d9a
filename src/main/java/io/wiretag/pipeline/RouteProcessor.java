package io.wiretag.pipeline;

import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.DuplicateIndex;
import io.wiretag.lifecycle.Fingerprint;
import io.wiretag.lifecycle.Fingerprints;
import io.wiretag.lifecycle.KillAlert;
import io.wiretag.lifecycle.Kills;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.lifecycle.Routing;
import io.wiretag.story.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The router: marks duplicates, publishes each accepted version on {@code news.tagged} and on the
 * {@code news.topic.*} topics it is tagged with, retracts it (kill records) from the topics a new version
 * left, and routes a kill to {@code news.tagged}, every topic the story is live on and {@code news.alerts}.
 * <p>
 * It runs behind a one-partition repartition topic, so one task sees every story: two feeds' copies of one
 * story have different ids and land on different partitions of {@code news.stories}, and only a single
 * duplicate window can decide soundly which copy came first. The window is in memory (an LSH index over
 * MinHash signatures) and in {@value WiretagTopology#WINDOW_STORE}, from which it is rebuilt after a
 * restore. The work here is light (a signature and a few comparisons per story); parsing and tagging,
 * the heavy stages, stay spread over all partitions.
 */
final class RouteProcessor implements Processor<String, Story, String, Outbound> {
    private final Topics topics;
    private final LifecycleSettings settings;
    private ProcessorContext<String, Outbound> context;
    private KeyValueStore<String, byte[]> window;
    private KeyValueStore<String, RouteState> routes;
    private DuplicateIndex index;
    private long newestTime = Long.MIN_VALUE;
    private LifecycleMetrics metrics;
    private Sensor duplicates;
    private Sensor kills;
    private Sensor retractions;
    private Sensor windowSize;
    private Sensor routesSize;

    RouteProcessor(Topics topics, LifecycleSettings settings) {
        this.topics = topics;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        this.context = context;
        window = context.getStateStore(WiretagTopology.WINDOW_STORE);
        routes = context.getStateStore(WiretagTopology.ROUTES_STORE);
        index = new DuplicateIndex(settings.nearDuplicateThreshold(), settings.duplicateWindow().toMillis());
        try (KeyValueIterator<String, byte[]> it = window.all()) {
            while (it.hasNext()) {
                FingerprintCodec.Entry e = FingerprintCodec.decode(it.next().value);
                index.restore(e.fingerprint(), e.order());
                newestTime = Math.max(newestTime, e.fingerprint().time());
            }
        }
        metrics = new LifecycleMetrics(context);
        duplicates = metrics.counter("duplicates-marked", "stories marked duplicateOf another and not routed to news.topic.*");
        kills = metrics.counter("kills-routed", "kills routed to news.tagged and the topics the story was live on");
        retractions = metrics.counter("topic-retractions", "kill records sent to news.topic.* topics");
        windowSize = metrics.gauge("store-size-" + WiretagTopology.WINDOW_STORE, "stories in the duplicate window");
        routesSize = metrics.gauge("store-size-" + WiretagTopology.ROUTES_STORE, "approximate number of story ids in the route store");
        reportSizes();
        context.schedule(settings.purgeInterval(), PunctuationType.WALL_CLOCK_TIME, this::forgetOld);
    }

    @Override
    public void process(Record<String, Story> record) {
        Story story = record.value();
        if (story == null) {
            return;
        }
        String id = record.key() != null ? record.key() : story.id();
        long now = context.currentSystemTimeMs();
        RouteState before = routes.get(id);
        Instant at = Kills.issuedAt(story, Instant.ofEpochMilli(record.timestamp()));
        if (story.isKill()) {
            kill(record, id, story, before, at);
        } else {
            version(record, id, story, before, at, now);
        }
        reportSizes();
    }

    private void kill(Record<String, Story> record, String id, Story story, RouteState before, Instant at) {
        String reason = story.kill() != null && story.kill().reason() != null ? story.kill().reason() : Kills.reason(story);
        String headline = before != null && before.headline() != null ? before.headline() : story.headline();
        Routing.Plan plan = Routing.forKill(before == null ? List.of() : before.live());
        Story k = Kills.record(story, headline, at, reason);
        context.forward(record.withKey(id).withValue(new Outbound.Tagged(k)));
        for (String t : plan.retract()) {
            context.forward(record.withKey(id).withValue(new Outbound.ToTopic(topics.forTopic(t), k)));
            retractions.record();
        }
        if (before != null && before.published()) {
            KillAlert alert = KillAlert.of(id, headline, at, reason, plan.retract().stream().map(topics::forTopic).toList());
            context.forward(record.withKey(alert.id()).withValue(new Outbound.Alert(alert)));
        }
        kills.record();
        // The gate keeps the kill; here the story is gone from the window and from the routes.
        if (index.remove(id) != null) {
            window.delete(id);
        }
        routes.delete(id);
    }

    private void version(Record<String, Story> record, String id, Story story, RouteState before, Instant at, long now) {
        Fingerprint f = Fingerprints.of(id, at.toEpochMilli(), story.body());
        // A story once routed as an original stays one: the first copy wins, later versions included.
        boolean routedOriginal = before != null && before.published() && before.duplicateOf() == null;
        Optional<String> original = routedOriginal ? Optional.empty() : index.duplicateOf(f);
        if (original.isPresent()) {
            // Only a story never routed as an original gets here, so it is live on no topic: nothing to retract.
            context.forward(record.withKey(id).withValue(new Outbound.Tagged(story.withDuplicateOf(original.get()))));
            routes.put(id, new RouteState(List.of(), true, story.headline(), original.get(), now));
            duplicates.record();
            return;
        }
        window.put(id, FingerprintCodec.encode(index.add(f), f));
        newestTime = Math.max(newestTime, f.time());
        for (String gone : index.expire(newestTime)) {
            window.delete(gone);
        }
        List<String> tagged = story.tags() == null ? List.of() : story.tags().topicIds();
        Routing.Plan plan = Routing.forVersion(before == null ? List.of() : before.live(), tagged);
        context.forward(record.withKey(id).withValue(new Outbound.Tagged(story)));
        for (String t : plan.retract()) {
            String reason = "no longer about " + t + " as of version " + (story.version() != null ? story.version() : at.toString());
            context.forward(record.withKey(id).withValue(new Outbound.ToTopic(topics.forTopic(t),
                    Kills.record(story, before.headline(), at, reason))));
            retractions.record();
        }
        for (String t : plan.publish()) {
            context.forward(record.withKey(id).withValue(new Outbound.ToTopic(topics.forTopic(t), story)));
        }
        routes.put(id, new RouteState(plan.publish(), true, story.headline(), null, now));
    }

    /** Forgets the routes of stories not touched within the version retention. */
    private void forgetOld(long now) {
        long before = now - settings.versionRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, RouteState> it = routes.all()) {
            while (it.hasNext()) {
                KeyValue<String, RouteState> kv = it.next();
                if (kv.value.touchedMs() < before) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(routes::delete);
        reportSizes();
    }

    private void reportSizes() {
        windowSize.record(index.size());
        routesSize.record(routes.approximateNumEntries());
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
