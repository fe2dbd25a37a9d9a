package io.wiretag.pipeline.lifecycle;

import io.wiretag.formats.apmedia.ApRendition;
import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.StateStores;
import io.wiretag.pipeline.normalise.NormaliseProcessor;
import io.wiretag.story.Story;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Joins an AP Media API item with its NITF rendition into one story ({@link ApRendition#merge}), per story id.
 * <p>
 * It runs on {@code news.stories}, in front of the version gate: that topic is keyed by story id and the
 * rendition (marked {@value Topics#H_RENDITION_OF} by its producer) already carries its item's id, so both meet
 * on one partition whatever {@code news.raw} partition they came from, and the gate then judges the merged
 * story as one version. Inside normalise's output path they would not meet: normalise runs per raw partition.
 * <p>
 * Only an item that names a NITF rendition ({@link ApRendition#awaitsRendition}) and a marked rendition
 * wait, whichever comes first, in {@value StateStores#RENDITIONS} (changelogged, so under
 * exactly_once_v2 a held story is neither lost nor sent twice); everything else passes at once, untouched.
 * A wall-clock punctuation releases what waited longer than {@code wiretag.lifecycle.rendition-wait}: an item
 * as it is (empty body, its warning), a rendition as its own story with a warning. The store thus holds at
 * most what arrived within one wait. A second item (or rendition) of an id that already waits releases the
 * first alone.
 */
public final class RenditionJoinProcessor implements Processor<String, Story, String, Story> {
    private final Duration wait;
    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, RenditionWait> waiting;

    public RenditionJoinProcessor(Duration wait) {
        this.wait = wait;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
        this.context = context;
        waiting = context.getStateStore(StateStores.RENDITIONS);
        Duration check = wait.compareTo(Duration.ofSeconds(1)) < 0 ? wait : Duration.ofSeconds(1);
        context.schedule(check, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
    }

    @Override
    public void process(Record<String, Story> record) {
        Story story = record.value();
        boolean rendition = story != null && NormaliseProcessor.header(record.headers(), Topics.H_RENDITION_OF) != null;
        if (story == null || !rendition && !ApRendition.awaitsRendition(story)) {
            context.forward(record);
            return;
        }
        String id = record.key() != null ? record.key() : story.id();
        long now = context.currentSystemTimeMs();
        RenditionWait held = waiting.get(id);
        if (!rendition) {
            if (held != null && held.rendition() != null) {
                waiting.delete(id);
                forwardMerged(record, id, ApRendition.merge(story, held.rendition()));
                return;
            }
            if (held != null) {
                context.forward(new Record<>(id, held.item(), record.timestamp()));
            }
            waiting.put(id, new RenditionWait(story, null, now));
            return;
        }
        if (held != null && held.item() != null) {
            waiting.delete(id);
            forwardMerged(record, id, ApRendition.merge(held.item(), story));
            return;
        }
        if (held != null) {
            context.forward(new Record<>(id, ApRendition.withoutItem(held.rendition(), wait), record.timestamp()));
        }
        waiting.put(id, new RenditionWait(null, story, now));
    }

    private void forwardMerged(Record<String, Story> record, String id, Story merged) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.remove(Topics.H_RENDITION_OF);
        context.forward(new Record<>(id, merged, record.timestamp(), headers));
    }

    /** Releases, each alone, the items and renditions that waited longer than the wait. */
    private void releaseDue(long now) {
        List<KeyValue<String, RenditionWait>> due = new ArrayList<>();
        try (KeyValueIterator<String, RenditionWait> it = waiting.all()) {
            while (it.hasNext()) {
                KeyValue<String, RenditionWait> kv = it.next();
                if (now - kv.value.sinceMs() >= wait.toMillis()) {
                    due.add(kv);
                }
            }
        }
        for (KeyValue<String, RenditionWait> kv : due) {
            waiting.delete(kv.key);
            Story alone = kv.value.item() != null ? kv.value.item() : ApRendition.withoutItem(kv.value.rendition(), wait);
            context.forward(new Record<>(kv.key, alone, now));
        }
    }
}
