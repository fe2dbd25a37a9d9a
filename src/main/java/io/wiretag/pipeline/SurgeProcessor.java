package io.wiretag.pipeline;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.alerts.Surge;
import io.wiretag.alerts.SurgeAlert;
import io.wiretag.story.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads each updated minute count and raises a surge alert when it is far above the mean of the minutes
 * before it, read from the same window store; a per-key cool-down makes one surge one alert.
 */
final class SurgeProcessor implements Processor<Windowed<String>, TrendCount, String, byte[]> {
    private final AlertSettings settings;
    private ProcessorContext<String, byte[]> context;
    private TimestampedWindowStore<String, TrendCount> counts;
    private KeyValueStore<String, Long> cooldown;

    SurgeProcessor(AlertSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        counts = context.getStateStore(AlertsAndTrends.TRENDS_STORE);
        cooldown = context.getStateStore(AlertsAndTrends.SURGE_COOLDOWN_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, TrendCount> record) {
        TrendCount c = record.value();
        if (c == null || c.count() < settings.surgeMinCount()) {
            return;
        }
        String key = record.key().key();
        long start = record.key().window().start();
        long baselineFrom = start - Duration.ofMinutes(settings.baselineMinutes()).toMillis();
        long before = 0;
        try (WindowStoreIterator<ValueAndTimestamp<TrendCount>> it = counts.fetch(key, baselineFrom, start - 1)) {
            while (it.hasNext()) {
                ValueAndTimestamp<TrendCount> v = it.next().value;
                before += v == null || v.value() == null ? 0 : v.value().count();
            }
        }
        Optional<SurgeAlert> alert = Surge.decide(key, c.name(), start, c.count(), before, cooldown.get(key),
                Instant.ofEpochMilli(record.timestamp()), settings);
        if (alert.isPresent()) {
            cooldown.put(key, start);
            context.forward(new Record<>(alert.get().id(), Json.bytes(alert.get()), record.timestamp()));
        }
    }
}
