package io.wiretag.pipeline;

import io.wiretag.formats.FormatDetector;
import io.wiretag.kafka.JsonSerde;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.LifecycleSettings;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
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
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The one place the topology is built; {@code run}, {@code demo} and every test call {@link #build}.
 * <pre>
 * news.raw --normalise--> news.stories --AP rendition join--> version gate--> tag --(lifecycle, 1 partition)--> route --> news.tagged
 *      \--> news.dlq        [ap-rendition-wait]    [story-versions,              [duplicate-window,                \--> news.topic.&lt;topic-id&gt;
 *                                                  embargo-hold]                  story-routes]                    \--> news.alerts (kills)
 *                                                                                                        route --> watch, trends, surges, dashboard stores
 * news.taxonomy --> global store --> the live tagger
 * </pre>
 * Stories are re-read from {@code news.stories}, which is keyed by story id, so the rendition join, the version
 * gate and the tagger see all versions of one story (and an AP item's NITF rendition) on one partition. The router runs behind a one-partition
 * repartition topic because duplicate detection must compare copies from every feed (see
 * {@link RouteProcessor}); records keep their story id as key, so every output is partitioned by story id.
 * What follows the router is in {@link AlertsAndTrends}.
 */
public final class WiretagTopology {
    public static final String TAXONOMY_STORE = "taxonomy-store";
    /** Per story id: an AP item waiting for its NITF rendition, or the other way round (see {@link RenditionJoinProcessor}). */
    public static final String RENDITION_STORE = "ap-rendition-wait";
    /** Per story id: the newest accepted version, or the kill (see {@link VersionGateProcessor}). */
    public static final String VERSIONS_STORE = "story-versions";
    /** Embargoed stories, keyed by release time then story id. */
    public static final String EMBARGO_STORE = "embargo-hold";
    /** The duplicate window: a MinHash fingerprint per story routed recently. */
    public static final String WINDOW_STORE = "duplicate-window";
    /** Per story id: the news.topic.* topics it is live on. */
    public static final String ROUTES_STORE = "story-routes";
    /** The name of the one-partition repartition topic in front of the router. */
    public static final String LIFECYCLE_REPARTITION = "lifecycle";

    private WiretagTopology() {
    }

    /** The internal topics the app reads from, besides news.raw and news.stories: what a drain must watch. */
    public static List<String> internalInputTopics(String applicationId) {
        return List.of(applicationId + "-" + LIFECYCLE_REPARTITION + "-repartition",
                applicationId + "-" + AlertsAndTrends.TREND_REPARTITION + "-repartition");
    }

    public static Topology build(Topics topics, FormatDetector detector, LiveTaxonomy live, Properties streamsProps) {
        return build(topics, detector, live, LifecycleSettings.defaults(), streamsProps);
    }

    public static Topology build(Topics topics, FormatDetector detector, LiveTaxonomy live, LifecycleSettings lifecycle,
                                 Properties streamsProps) {
        return build(topics, detector, live, lifecycle, WatchSettings.defaults(), streamsProps);
    }

    public static Topology build(Topics topics, FormatDetector detector, LiveTaxonomy live, LifecycleSettings lifecycle,
                                 WatchSettings watch, Properties streamsProps) {
        return build(topics, detector, live, null, lifecycle, watch, streamsProps);
    }

    static Topology build(Topics topics, FormatDetector detector, LiveTaxonomy live, Function<Story, Tags> fixedTagger,
                          LifecycleSettings lifecycle, Properties streamsProps) {
        return build(topics, detector, live, fixedTagger, lifecycle, WatchSettings.defaults(), streamsProps);
    }

    /** With {@code fixedTagger} set, tags come from it instead of the live taxonomy (tests only). */
    static Topology build(Topics topics, FormatDetector detector, LiveTaxonomy live, Function<Story, Tags> fixedTagger,
                          LifecycleSettings lifecycle, WatchSettings watch, Properties streamsProps) {
        // The builder gets the settings too, so it does not judge them from defaults (and warn about those).
        StreamsBuilder builder = new StreamsBuilder(new org.apache.kafka.streams.TopologyConfig(new org.apache.kafka.streams.StreamsConfig(streamsProps)));

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

        // Stage 2: the story lifecycle. Version gate and embargo per story id, then tagging, then one
        // router that marks duplicates and routes versions and kills to every topic they concern.
        Serde<Story> story = topics.stories().valueSerde();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RENDITION_STORE),
                Serdes.String(), new JsonSerde<>(RenditionWait.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VERSIONS_STORE),
                Serdes.String(), new JsonSerde<>(VersionState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EMBARGO_STORE),
                Serdes.String(), story));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOW_STORE),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROUTES_STORE),
                Serdes.String(), new JsonSerde<>(RouteState.class)));

        KStream<String, Outbound> out = builder.stream(topics.stories().name(), topics.stories().consumed("stories-source"))
                .process(() -> new RenditionJoinProcessor(lifecycle.renditionWait()), Named.as("ap-rendition-join"), RENDITION_STORE)
                .process(() -> new VersionGateProcessor(lifecycle), Named.as("version-gate"), VERSIONS_STORE, EMBARGO_STORE)
                .process(() -> new TagProcessor(live, fixedTagger), Named.as("tag"))
                .repartition(Repartitioned.with(Serdes.String(), story).withName(LIFECYCLE_REPARTITION).withNumberOfPartitions(1))
                .process(() -> new RouteProcessor(topics, lifecycle), Named.as("route"), WINDOW_STORE, ROUTES_STORE);
        out.split(Named.as("routed-"))
                .branch((id, o) -> o instanceof Outbound.Tagged, Branched.<String, Outbound>withConsumer(s -> s
                        .mapValues(o -> ((Outbound.Tagged) o).story(), Named.as("tagged-story"))
                        .to(topics.tagged().name(), topics.tagged().produced("tagged-sink"))).withName("tagged"))
                .branch((id, o) -> o instanceof Outbound.ToTopic, Branched.<String, Outbound>withConsumer(s -> s
                        .to((id, o, ctx) -> ((Outbound.ToTopic) o).topic(),
                                Produced.with(Serdes.String(), outboundSerde()).withName("topic-sink"))).withName("topic"))
                .defaultBranch(Branched.<String, Outbound>withConsumer(s -> s
                        .mapValues(o -> Json.bytes(((Outbound.Alert) o).alert()), Named.as("alert-json"))
                        .to(topics.alerts().name(), topics.alerts().produced("alerts-sink"))).withName("alert"));
        // Stage 3: trends, breaking and surge alerts, and what the dashboard shows, off the routed stories.
        AlertsAndTrends.addTo(builder, out, topics, watch);

        return builder.build(streamsProps);
    }

    private static Serde<Outbound> outboundSerde() {
        return Serdes.serdeFrom((topic, o) -> o == null ? null : Json.bytes(((Outbound.ToTopic) o).story()),
                (topic, bytes) -> {
                    throw new UnsupportedOperationException("routed records are only written");
                });
    }
}
