package io.wiretag.pipeline;

import io.wiretag.story.Story;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Tags each story with the live taxonomy's tagger. */
final class TagProcessor implements Processor<String, Story, String, Story> {
    private final LiveTaxonomy live;
    private ProcessorContext<String, Story> context;
    private ReadOnlyKeyValueStore<String, byte[]> taxonomy;

    TagProcessor(LiveTaxonomy live) {
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(WiretagTopology.TAXONOMY_STORE);
        taxonomy = store;
    }

    @Override
    public void process(Record<String, Story> record) {
        Story story = record.value();
        if (story == null) {
            return;
        }
        context.forward(record.withValue(story.withTags(live.tagger(taxonomy).tag(story))));
    }
}
