package io.wiretag.pipeline;

import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import io.wiretag.tagging.Tagger;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Tags each story with the live taxonomy's tagger; a kill has no text to tag and gets empty tags. */
final class TagProcessor implements Processor<String, Story, String, Story> {
    private final LiveTaxonomy live;
    private final Function<Story, Tags> fixedTagger;
    private ProcessorContext<String, Story> context;
    private ReadOnlyKeyValueStore<String, byte[]> taxonomy;

    TagProcessor(LiveTaxonomy live) {
        this(live, null);
    }

    /** With {@code fixedTagger} set, tags come from it instead of the live taxonomy (tests only). */
    TagProcessor(LiveTaxonomy live, Function<Story, Tags> fixedTagger) {
        this.live = live;
        this.fixedTagger = fixedTagger;
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
        Tags tags;
        if (fixedTagger != null) {
            tags = story.isKill() ? new Tags(List.of(), List.of(), fixedTagger.apply(story).taxonomyVersion()) : fixedTagger.apply(story);
        } else {
            Tagger tagger = live.tagger(taxonomy);
            tags = story.isKill() ? new Tags(List.of(), List.of(), tagger.taxonomy().version()) : tagger.tag(story);
        }
        context.forward(record.withValue(story.withTags(tags)));
    }
}
