package io.wiretag.pipeline.trends;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.alerts.SurgeRule;
import io.wiretag.alerts.SurgeSettings;
import io.wiretag.alerts.SurgeState;
import io.wiretag.pipeline.StateStores;
import io.wiretag.story.Json;
import io.wiretag.views.Trend;
import io.wiretag.views.TrendCount;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Counts trend hits per key and minute of versionCreated, on every partition of {@code trend-hits} (keys
 * are spread by the default partitioner), and runs each key's surge rule ({@link SurgeRule}: sliding windows
 * against the key's own baseline) on the same hits. A story later than the grace behind its key's newest
 * minute is not counted for that key (other keys, busier or quieter, do not close its minutes). Updated counts go to {@code news.trends} once per emit interval, not once per story:
 * a busy key costs one record per interval, however many stories name it.
 */
public final class TrendCountProcessor implements Processor<String, TrendBatch, String, TrendCountProcessor.Out> {
    /** A record for {@code news.trends} or, with {@code alert} set, for {@code news.alerts}. */
    public record Out(boolean alert, byte[] json) {
    }

    private record Dirty(String key, long minute) {
    }

    private final AlertSettings settings;
    private final SurgeSettings surge;
    private final Duration emitEvery;
    private ProcessorContext<String, Out> context;
    private WindowStore<String, TrendCount> counts;
    private KeyValueStore<String, SurgeState> surges;
    private final Map<Dirty, Boolean> dirty = new LinkedHashMap<>();

    public TrendCountProcessor(AlertSettings settings, SurgeSettings surge, Duration emitEvery) {
        this.settings = settings;
        this.surge = surge;
        this.emitEvery = emitEvery;
    }

    @Override
    public void init(ProcessorContext<String, Out> context) {
        this.context = context;
        counts = context.getStateStore(StateStores.TRENDS);
        surges = context.getStateStore(StateStores.SURGE_STATES);
        context.schedule(emitEvery, PunctuationType.WALL_CLOCK_TIME, this::emit);
    }

    @Override
    public void process(Record<String, TrendBatch> record) {
        TrendBatch b = record.value();
        if (b == null) {
            return;
        }
        long minute = Math.floorDiv(b.minuteMs(), StateStores.MINUTE_MS);
        for (int i = 0; i < b.keys().size(); i++) {
            String key = b.keys().get(i);
            SurgeState before = surges.get(key);
            if (before != null && before.headMinute() - minute > settings.trendGrace().toMinutes()) {
                continue; // later than the grace behind this key's newest minute: its minute is closed
            }
            TrendCount c = counts.fetch(key, b.minuteMs());
            counts.put(key, (c == null ? TrendCount.empty() : c).plus(b.names().get(i), 1), b.minuteMs());
            dirty.put(new Dirty(key, b.minuteMs()), Boolean.TRUE);
            SurgeRule.Result r = SurgeRule.update(before, key, b.names().get(i), minute, 1,
                    Instant.ofEpochMilli(context.currentSystemTimeMs()), surge);
            if (r.state() != before) {
                surges.put(key, r.state());
            }
            r.alert().ifPresent(a -> context.forward(new Record<>(a.id(), new Out(true, Json.bytes(a)), record.timestamp())));
        }
    }

    /** Sends the counts that changed since the last emit to news.trends. */
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
        }
        dirty.clear();
    }
}
