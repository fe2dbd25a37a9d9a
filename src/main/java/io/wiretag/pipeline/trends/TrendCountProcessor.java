package io.wiretag.pipeline.trends;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.alerts.Surge;
import io.wiretag.alerts.SurgeAlert;
import io.wiretag.pipeline.StateStores;
import io.wiretag.story.Json;
import io.wiretag.views.Trend;
import io.wiretag.views.TrendCount;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Counts trend hits per key and minute of versionCreated, on every partition of {@code trend-hits} (keys
 * are spread by the default partitioner). A story later than the grace behind the newest minute seen is not
 * counted. Updated counts go to {@code news.trends} and are checked for surges once per emit interval, not
 * once per story: a busy key costs one record per interval, however many stories name it.
 */
public final class TrendCountProcessor implements Processor<String, TrendBatch, String, TrendCountProcessor.Out> {
    /** A record for {@code news.trends} or, with {@code alert} set, for {@code news.alerts}. */
    public record Out(boolean alert, byte[] json) {
    }

    private record Dirty(String key, long minute) {
    }

    private final AlertSettings settings;
    private final Duration emitEvery;
    private ProcessorContext<String, Out> context;
    private WindowStore<String, TrendCount> counts;
    private KeyValueStore<String, Long> cooldown;
    private final Map<Dirty, Boolean> dirty = new LinkedHashMap<>();
    private long newestMinute = Long.MIN_VALUE;

    public TrendCountProcessor(AlertSettings settings, Duration emitEvery) {
        this.settings = settings;
        this.emitEvery = emitEvery;
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        this.context = context;
        counts = context.getStateStore(StateStores.TRENDS);
        cooldown = context.getStateStore(StateStores.SURGE_COOLDOWN);
        context.schedule(emitEvery, PunctuationType.WALL_CLOCK_TIME, this::emit);
    }

    @Override
    public void process(Record<String, TrendBatch> record) {
        TrendBatch b = record.value();
        if (b == null) {
            return;
        }
        newestMinute = Math.max(newestMinute, b.minuteMs());
        if (b.minuteMs() + StateStores.MINUTE_MS + settings.trendGrace().toMillis() < newestMinute) {
            return;
        }
        for (int i = 0; i < b.keys().size(); i++) {
            String key = b.keys().get(i);
            TrendCount c = counts.fetch(key, b.minuteMs());
            counts.put(key, (c == null ? TrendCount.empty() : c).plus(b.names().get(i), 1), b.minuteMs());
            dirty.put(new Dirty(key, b.minuteMs()), Boolean.TRUE);
        }
    }

    /** Sends the counts that changed since the last emit to news.trends, and any surge they make. */
    private void emit(long now) {
        if (dirty.isEmpty()) {
            return;
        }
        for (Dirty d : dirty.keySet()) {
            TrendCount c = counts.fetch(d.key(), d.minute());
            if (c == null) {
                continue;
            }
            Trend t = Trend.of(d.key(), d.minute(), d.minute() + StateStores.MINUTE_MS, c);
            context.forward(new Record<>(d.key(), new Out(false, Json.bytes(t)), now));
            surge(d.key(), d.minute(), c, now);
        }
        dirty.clear();
    }

    private void surge(String key, long start, TrendCount c, long now) {
        if (c.count() < settings.surgeMinCount()) {
            return;
        }
        long baselineFrom = start - Duration.ofMinutes(settings.baselineMinutes()).toMillis();
        long before = 0;
        try (WindowStoreIterator<TrendCount> it = counts.fetch(key, Instant.ofEpochMilli(baselineFrom), Instant.ofEpochMilli(start - 1))) {
            while (it.hasNext()) {
                TrendCount v = it.next().value;
                before += v == null ? 0 : v.count();
            }
        }
        Optional<SurgeAlert> alert = Surge.decide(key, c.name(), start, c.count(), before, cooldown.get(key), Instant.ofEpochMilli(now), settings);
        if (alert.isPresent()) {
            cooldown.put(key, start);
            context.forward(new Record<>(alert.get().id(), new Out(true, Json.bytes(alert.get())), now));
        }
    }
}
