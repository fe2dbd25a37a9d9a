package io.wiretag.pipeline.trends;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.pipeline.StateStores;
import io.wiretag.story.Json;
import io.wiretag.views.LatestAlerts;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the newest alerts of its partition of {@code news.alerts} (every kind, from every stage) for the
 * dashboard and {@code GET /api/alerts}, which merges the partitions.
 */
public final class LatestAlertsProcessor implements Processor<String, byte[], Void, Void> {
    /** The one key of the store: each partition's task keeps one list. */
    public static final String KEY = "latest";

    private final int keep;
    private KeyValueStore<String, LatestAlerts> store;

    public LatestAlertsProcessor(int keep) {
        this.keep = keep;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StateStores.LATEST_ALERTS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        JsonNode alert = Json.read(record.value(), JsonNode.class);
        LatestAlerts l = store.get(KEY);
        store.put(KEY, (l == null ? new LatestAlerts(java.util.List.of()) : l).with(alert, keep));
    }
}
