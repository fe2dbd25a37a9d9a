package io.wiretag.pipeline;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global taxonomy store in step with {@code news.taxonomy} (tombstones delete) and flags the change. */
final class TaxonomyUpdater implements Processor<String, byte[], Void, Void> {
    private final LiveTaxonomy live;
    private KeyValueStore<String, byte[]> store;

    TaxonomyUpdater(LiveTaxonomy live) {
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StateStores.TAXONOMY);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
        live.changed();
    }
}
