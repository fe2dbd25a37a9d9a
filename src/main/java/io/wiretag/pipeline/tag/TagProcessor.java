package io.wiretag.pipeline.tag;

import io.wiretag.pipeline.LiveTaxonomy;
import io.wiretag.pipeline.StateStores;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Tags each story: with the live taxonomy's tagger, or with the tagger the topology was built with (see
 * {@link io.wiretag.pipeline.TopologySpec#tagger}). A kill has no text to tag and gets empty tags.
 */
public final class TagProcessor implements Processor<String, Story, String, Story> {
    private final LiveTaxonomy live;
    private final Function<Story, Tags> tagger;
    private ProcessorContext<String, Story> context;
    private ReadOnlyKeyValueStore<String, byte[]> taxonomy;

    /** @param tagger the tagger to use instead of the live taxonomy's, or null */
    public TagProcessor(LiveTaxonomy live, Function<Story, Tags> tagger) {
        this.live = live;
        this.tagger = tagger;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
        this.context = context;
        taxonomy = context.getStateStore(StateStores.TAXONOMY);
    }

    @Override
    public void process(Record<String, Story> record) {
        Story story = record.value();
        if (story == null) {
            return;
        }
        Function<Story, Tags> tag = tagger != null ? tagger : live.tagger(taxonomy)::tag;
        Tags tags = story.isKill() ? new Tags(List.of(), List.of(), tagger != null ? tagger.apply(story).taxonomyVersion()
                : live.tagger(taxonomy).taxonomy().version()) : tag.apply(story);
        context.forward(record.withValue(story.withTags(tags)));
    }
}
