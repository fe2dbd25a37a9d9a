package io.wiretag.kafka;

import io.wiretag.config.WiretagConfig;
import io.wiretag.story.Story;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic wiretag reads or writes, named from the configuration, each with its serdes. */
public record Topics(
        Topic<byte[], byte[]> raw,
        Topic<String, Story> stories,
        Topic<String, Story> tagged,
        String topicPrefix,
        Topic<String, byte[]> alerts,
        Topic<String, byte[]> trends,
        Topic<byte[], byte[]> dlq,
        Topic<String, byte[]> taxonomy,
        Topic<String, byte[]> dlqReplayed) {

    /** Header names on {@code news.raw}, set by producers. */
    public static final String H_FORMAT = "wiretag.format";
    public static final String H_PROVIDER = "wiretag.provider";
    public static final String H_SOURCE = "wiretag.source";
    public static final String H_RECEIVED_AT = "wiretag.received-at";
    /** On a NITF rendition of an AP Media API item: the item's id ({@code altids.itemid}); the two become one story. */
    public static final String H_RENDITION_OF = "wiretag.rendition-of";
    /** Header names on {@code news.dlq}: which stage refused the record, why, and the exception's class. */
    public static final String H_DLQ_STAGE = "wiretag.dlq.stage";
    public static final String H_DLQ_REASON = "wiretag.dlq.reason";
    public static final String H_DLQ_EXCEPTION = "wiretag.dlq.exception";
    public static final String H_DLQ_ORIGIN = "wiretag.dlq.origin";
    /** On a record {@code dlq replay} sent back to news.raw: the DLQ origin ({@code news.raw/0@123}) it replays. */
    public static final String H_REPLAY_OF = "wiretag.replay-of";

    public static Topics from(WiretagConfig c) {
        JsonSerde<Story> story = new JsonSerde<>(Story.class);
        return new Topics(
                new Topic<>(c.get(WiretagConfig.TOPIC_RAW), Serdes.ByteArray(), Serdes.ByteArray()),
                new Topic<>(c.get(WiretagConfig.TOPIC_STORIES), Serdes.String(), story),
                new Topic<>(c.get(WiretagConfig.TOPIC_TAGGED), Serdes.String(), story),
                c.get(WiretagConfig.TOPIC_PREFIX),
                new Topic<>(c.get(WiretagConfig.TOPIC_ALERTS), Serdes.String(), Serdes.ByteArray()),
                new Topic<>(c.get(WiretagConfig.TOPIC_TRENDS), Serdes.String(), Serdes.ByteArray()),
                new Topic<>(c.get(WiretagConfig.TOPIC_DLQ), Serdes.ByteArray(), Serdes.ByteArray()),
                new Topic<>(c.get(WiretagConfig.TOPIC_TAXONOMY), Serdes.String(), Serdes.ByteArray()),
                new Topic<>(c.get(WiretagConfig.TOPIC_DLQ_REPLAYED), Serdes.String(), Serdes.ByteArray()));
    }

    /** The topic that carries stories on one tag topic, e.g. {@code news.topic.ukraine-war}. */
    public String forTopic(String topicId) {
        return topicPrefix + topicId;
    }

    /** The fixed topics, in the order a story passes them. */
    public List<String> fixed() {
        return List.of(raw.name(), stories.name(), tagged.name(), alerts.name(), trends.name(), dlq.name(), taxonomy.name());
    }

    /** The compacted topics: the taxonomy and the record of DLQ replays. */
    public List<String> compacted() {
        return List.of(taxonomy.name(), dlqReplayed.name());
    }

    /** The fixed topics plus one per tag topic id. */
    public List<String> all(Collection<String> topicIds) {
        List<String> out = new ArrayList<>(fixed());
        topicIds.forEach(id -> out.add(forTopic(id)));
        return out;
    }
}
