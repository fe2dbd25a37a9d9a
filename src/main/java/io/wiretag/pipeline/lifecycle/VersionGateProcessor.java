package io.wiretag.pipeline.lifecycle;

import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.lifecycle.VersionOrder;
import io.wiretag.lifecycle.VersionStamp;
import io.wiretag.pipeline.LifecycleMetrics;
import io.wiretag.pipeline.StateStores;
import io.wiretag.story.Story;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The version gate, per story id (the partition of {@code news.stories}): lets a version through only when
 * it is newer than the newest accepted one, lets every first kill through and then nothing more of that
 * story (a kill that arrives before its story is remembered and applied to it), and holds a version whose
 * {@code embargoedUntil} is in the future until a wall-clock punctuation releases it, in time order.
 * <p>
 * Exactly once across restarts: a held story lives only in {@value StateStores#EMBARGO} (changelogged);
 * its release, the store delete and the input offsets commit in one transaction under exactly_once_v2.
 */
public final class VersionGateProcessor implements Processor<String, Story, String, Story> {
    private final LifecycleSettings settings;
    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, StoryState> versions;
    private KeyValueStore<String, Story> embargo;
    private LifecycleMetrics metrics;
    private Sensor staleDropped;
    private Sensor killedDropped;
    private Sensor held;
    private Sensor versionsSize;
    private long heldCount;

    public VersionGateProcessor(LifecycleSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
        this.context = context;
        versions = context.getStateStore(StateStores.STORIES);
        embargo = context.getStateStore(StateStores.EMBARGO);
        metrics = new LifecycleMetrics(context);
        staleDropped = metrics.counter("stale-versions-dropped", "versions older than or identical to the newest accepted one, not routed");
        killedDropped = metrics.counter("killed-versions-dropped", "versions of a story already killed, not routed");
        held = metrics.gauge("embargoes-held", "embargoed stories held until their release time");
        versionsSize = metrics.gauge("store-size-" + StateStores.STORIES, "approximate number of story ids in the version store");
        try (KeyValueIterator<String, Story> it = embargo.all()) {
            while (it.hasNext()) {
                it.next();
                heldCount++;
            }
        }
        reportSizes();
        context.schedule(settings.embargoInterval(), PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
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
        StoryState state = versions.get(id);
        VersionStamp stamp = VersionStamp.of(story);
        if (story.isKill()) {
            if (state != null && state.killed()) {
                staleDropped.record();
                return;
            }
            dropHeld(state);
            versions.put(id, StoryState.orNone(state).killedBy(stamp, now));
            context.forward(record.withKey(id));
            return;
        }
        if (state != null && state.killed()) {
            killedDropped.record();
            return;
        }
        if (state != null && VersionOrder.compare(stamp, state.stamp()) != VersionOrder.Verdict.NEWER) {
            staleDropped.record();
            return;
        }
        // A newer version replaces a held one, embargoed or not.
        dropHeld(state);
        if (story.embargoedUntil() != null && story.embargoedUntil().toEpochMilli() > now) {
            String key = heldKey(story.embargoedUntil().toEpochMilli(), id);
            embargo.put(key, story);
            heldCount++;
            held.record(heldCount);
            versions.put(id, StoryState.orNone(state).accepted(stamp, key, now));
            return;
        }
        versions.put(id, StoryState.orNone(state).accepted(stamp, null, now));
        context.forward(record.withKey(id));
    }

    private void dropHeld(StoryState state) {
        if (state != null && state.heldKey() != null && embargo.delete(state.heldKey()) != null) {
            heldCount--;
            held.record(heldCount);
        }
    }

    /** Releases every held story whose embargo has passed, earliest first. */
    private void releaseDue(long now) {
        List<KeyValue<String, Story>> due = new ArrayList<>();
        try (KeyValueIterator<String, Story> it = embargo.all()) {
            while (it.hasNext()) {
                KeyValue<String, Story> kv = it.next();
                if (releaseAt(kv.key) > now) {
                    break;
                }
                due.add(kv);
            }
        }
        for (KeyValue<String, Story> kv : due) {
            embargo.delete(kv.key);
            heldCount--;
            String id = kv.key.substring(kv.key.indexOf('|') + 1);
            StoryState state = versions.get(id);
            if (state != null && kv.key.equals(state.heldKey())) {
                versions.put(id, state.released(now));
            }
            context.forward(new Record<>(id, kv.value, now));
        }
        reportSizes();
    }

    /** Forgets the stories not touched within the retention, except those still in flight. */
    private void forgetOld(long now) {
        long before = now - settings.versionRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, StoryState> it = versions.all()) {
            while (it.hasNext()) {
                KeyValue<String, StoryState> kv = it.next();
                // A story held or waiting for its duplicate verdicts is still in flight.
                if (kv.value.touchedMs() < before && kv.value.heldKey() == null && kv.value.awaiting() == 0) {
                    old.add(kv.key);
                }
            }
        }
        old.forEach(versions::delete);
        reportSizes();
    }

    private void reportSizes() {
        held.record(heldCount);
        versionsSize.record(versions.approximateNumEntries());
    }

    /** Held keys sort by release time, then story id: the store's own order is the release order. */
    static String heldKey(long releaseAtMs, String id) {
        return String.format("%019d|%s", releaseAtMs, id);
    }

    static long releaseAt(String heldKey) {
        return Long.parseLong(heldKey.substring(0, heldKey.indexOf('|')));
    }

    @Override
    public void close() {
        if (metrics != null) {
            metrics.close();
        }
    }
}
