package io.wiretag.pipeline;

import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.Topics;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The one place the topology is built; {@code run}, {@code demo} and every test call {@link #build}.
 * <pre>
 * news.raw --normalise--> news.stories --tag--> news.tagged
 *      \--> news.dlq                       \--> news.topic.&lt;topic-id&gt; (one per topic the story carries)
 * news.taxonomy --> global store --> the live tagger
 * </pre>
 * Stories are re-read from {@code news.stories}, which is keyed by story id, so every later stage sees all
 * versions of one story on one partition.
 */
public final class WiretagTopology {
    public static final String TAXONOMY_STORE = "taxonomy-store";

    private WiretagTopology() {
    }

    /** A story bound for one tag topic's Kafka topic. */
    record Routed(String topicId, Story story) {
    }

    public static Topology build(Topics topics, FormatDetector detector, LiveTaxonomy live, Properties streamsProps) {
        StreamsBuilder builder = new StreamsBuilder();

        StoreBuilder<KeyValueStore<String, byte[]>> taxonomyStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TAXONOMY_STORE), Serdes.String(), Serdes.ByteArray()).withLoggingDisabled();
        builder.addGlobalStore(taxonomyStore, topics.taxonomy().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("taxonomy-source"),
                () -> new TaxonomyUpdater(live));

        // Stage 1: raw bytes -> canonical stories, or the dead-letter topic with the original bytes.
        KStream<byte[], byte[]> raw = builder.stream(topics.raw().name(), topics.raw().consumed("raw-source"));
        raw.process(() -> new NormaliseProcessor(detector), Named.as("normalise"))
                .split(Named.as("normalised-"))
                .branch((id, n) -> n instanceof Normalised.Parsed, Branched.<String, Normalised>withConsumer(parsed -> parsed
                        .mapValues(n -> ((Normalised.Parsed) n).story(), Named.as("story"))
                        .to(topics.stories().name(), topics.stories().produced("stories-sink"))).withName("parsed"))
                .defaultBranch(Branched.<String, Normalised>withConsumer(refused -> refused
                        .map((id, n) -> {
                            Normalised.Refused r = (Normalised.Refused) n;
                            return KeyValue.pair(r.originalKey(), r.originalValue());
                        }, Named.as("original-bytes"))
                        .to(topics.dlq().name(), topics.dlq().produced("dlq-sink"))).withName("refused"));

        // Stage 2: stories -> tagged stories, routed to news.tagged and one topic per tag topic.
        KStream<String, Story> tagged = builder.stream(topics.stories().name(), topics.stories().consumed("stories-source"))
                .process(() -> new TagProcessor(live), Named.as("tag"));
        tagged.to(topics.tagged().name(), topics.tagged().produced("tagged-sink"));
        tagged.flatMapValues(s -> s.tags().topicIds().stream().map(t -> new Routed(t, s)).toList(), Named.as("route-by-topic"))
                .to((id, routed, ctx) -> topics.forTopic(routed.topicId()),
                        Produced.with(Serdes.String(), routedSerde()).withName("topic-sink"));

        return builder.build(streamsProps);
    }

    private static Serde<Routed> routedSerde() {
        return Serdes.serdeFrom((topic, routed) -> routed == null ? null : Json.bytes(routed.story()),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException("routed records are only written");
                });
    }
}
