package io.wiretag.pipeline;

import io.wiretag.kafka.Topics;
import io.wiretag.pipeline.dedup.Claim;
import io.wiretag.pipeline.dedup.ClaimPartitioner;
import io.wiretag.pipeline.dedup.DuplicateShardProcessor;
import io.wiretag.pipeline.dedup.ShardVerdict;
import io.wiretag.pipeline.lifecycle.RenditionJoinProcessor;
import io.wiretag.pipeline.lifecycle.VersionGateProcessor;
import io.wiretag.pipeline.normalise.NormaliseProcessor;
import io.wiretag.pipeline.normalise.Normalised;
import io.wiretag.pipeline.route.RouteProcessor;
import io.wiretag.pipeline.route.VerdictProcessor;
import io.wiretag.pipeline.route.Routed;
import io.wiretag.pipeline.tag.TagProcessor;
import io.wiretag.pipeline.trends.FeedQuietProcessor;
import io.wiretag.pipeline.trends.LatestAlertsProcessor;
import io.wiretag.pipeline.trends.TrendBatch;
import io.wiretag.pipeline.trends.TrendCountProcessor;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The one place the topology is built; {@code run}, {@code demo}, the bench and every test call {@link #build}.
 * Every sub-topology runs on every partition:
 * <pre>
 * 1 news.raw --normalise--> news.stories                                        (by raw key: provider + feed)
 *          |      \--> news.dlq
 *          \--feed-quiet--> news.alerts (quiet, resumed)  [feed-quiet]
 * 2 news.stories --rendition join--> version gate --> tag --> route ---------> news.tagged, news.topic.*, news.alerts
 *   dup-verdicts ----------------------------------------/  |  \--(claims)--> dup-claims      (by story id)
 *   [ap-rendition-wait, story-state, embargo-hold, route-pending, latest-cards]  \--(hits)--> trend-hits
 * 3 dup-claims --duplicate shard--> dup-verdicts                                (by duplicate key: body hash, LSH band)
 *   [duplicate-shard]
 * 4 trend-hits --count--> news.trends, news.alerts (surges)                     (by trend key)
 *   [trend-minutes, surge-state]
 * 5 news.alerts --> latest-alerts                                               (by alert id)
 *   news.taxonomy --> global store --> the live tagger
 * </pre>
 * {@code news.stories} is keyed by story id, so the rendition join, the gate, the tagger and the router see
 * every version of a story on one partition. Two feeds' copies of one story have different ids and so land on
 * different partitions; they meet on the duplicate shard that owns a key they share (see
 * {@link io.wiretag.lifecycle.BandIndex}), and the verdicts come back keyed by story id. A story is encoded
 * once, by the router, and the same bytes go to every topic; internal topics carry fingerprints, verdicts and
 * trend keys, never the story.
 */
public final class WiretagTopology {
    /** Writes a routed record's story bytes as they are (what the dynamic topic sink needs). */
    private static final Serde<Routed> TOPIC_JSON = Serdes.serdeFrom((t, r) -> r == null ? null : ((Routed.ToTopic) r).json(),
            (t, b) -> {
                throw new UnsupportedOperationException("routed records are only written");
            });

    private WiretagTopology() {
    }

    /** The full name of one of the topology's repartition topics, as Kafka Streams names it. */
    static String internalTopic(Properties streamsProps, String name) {
        return streamsProps.getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-" + name + "-repartition";
    }

    /** The internal topics the app reads from, besides news.raw, news.stories and news.alerts: what a drain must watch. */
    public static List<String> internalInputTopics(String applicationId) {
        return List.of(applicationId + "-" + StateStores.CLAIMS_TOPIC + "-repartition",
                applicationId + "-" + StateStores.VERDICTS_TOPIC + "-repartition",
                applicationId + "-" + StateStores.TREND_HITS_TOPIC + "-repartition");
    }

    public static Topology build(TopologySpec spec, Properties streamsProps) {
        Topics topics = spec.topics();
        int partitions = spec.partitions();
        int shards = spec.shards();
        // The builder gets the settings too, so it does not judge them from defaults (and warn about those).
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProps)));
        builder.addGlobalStore(StateStores.taxonomy(), topics.taxonomy().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("taxonomy-source"),
                () -> new TaxonomyUpdater(spec.taxonomy()));

        // 1: raw bytes -> canonical stories, or the dead-letter topic with the original bytes; and each
        // feed's deliveries, for the gone-quiet alerts.
        KStream<byte[], byte[]> raw = builder.stream(topics.raw().name(), topics.raw().consumed("raw-source"));
        builder.addStateStore(StateStores.feeds());
        raw.process(() -> new FeedQuietProcessor(spec.watch().quiet()), Named.as("feed-quiet"), StateStores.FEEDS)
                .to(topics.alerts().name(), topics.alerts().produced("quiet-sink"));
        raw.process(() -> new NormaliseProcessor(spec.detector()), Named.as("normalise"))
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

        // 2: the story stage, by story id: rendition join, version gate, tagger, router.
        builder.addStateStore(StateStores.renditions());
        builder.addStateStore(StateStores.stories());
        builder.addStateStore(StateStores.embargo(topics.stories().valueSerde()));
        builder.addStateStore(StateStores.pending());
        builder.addStateStore(StateStores.latestStories());
        String[] routeStores = {StateStores.STORIES, StateStores.PENDING, StateStores.LATEST_STORIES};
        KStream<String, Routed> routed = builder.stream(topics.stories().name(), topics.stories().consumed("stories-source"))
                .process(() -> new RenditionJoinProcessor(spec.lifecycle().renditionWait()), Named.as("ap-rendition-join"), StateStores.RENDITIONS)
                .process(() -> new VersionGateProcessor(spec.lifecycle()), Named.as("version-gate"), StateStores.STORIES, StateStores.EMBARGO)
                .process(() -> new TagProcessor(spec.taxonomy(), spec.tagger()), Named.as("tag"))
                .process(() -> new RouteProcessor(topics, spec.watch(), partitions, shards), Named.as("route"), routeStores);

        // 3: the duplicate shards, by duplicate key (a claim goes once to each shard owning one of its keys; the
        // shards are the first spec.shards() partitions of dup-claims); the verdicts come back by story id to the
        // verdict half of the router, in the story's own task.
        builder.addStateStore(StateStores.duplicateShard());
        KStream<String, Routed> decided = routed
                .filter((id, r) -> r instanceof Routed.ToShards, Named.as("claims"))
                .mapValues(r -> ((Routed.ToShards) r).claim(), Named.as("claim"))
                .repartition(Repartitioned.with(Serdes.String(), Claim.SERDE).withName(StateStores.CLAIMS_TOPIC)
                        .withNumberOfPartitions(partitions).withStreamPartitioner(new ClaimPartitioner(shards)))
                .process(() -> new DuplicateShardProcessor(spec.lifecycle(), shards), Named.as("duplicate-shard"), StateStores.DUPLICATE_SHARD)
                .repartition(Repartitioned.with(Serdes.String(), ShardVerdict.SERDE).withName(StateStores.VERDICTS_TOPIC)
                        .withNumberOfPartitions(partitions))
                .process(() -> new VerdictProcessor(topics, spec.watch(), partitions, shards), Named.as("verdicts"), routeStores);

        // The verdict half sends claims too (a version that waited behind its story's verdict and needs its own
        // round, a re-registration, a queued kill's forget): to the same partitions of the same topic. The DSL
        // cannot feed them back through the repartition above (a cycle), so they go to its topic by name.
        decided.filter((id, r) -> r instanceof Routed.ToShards, Named.as("verdict-claims"))
                .mapValues(r -> ((Routed.ToShards) r).claim(), Named.as("verdict-claim"))
                .to(internalTopic(streamsProps, StateStores.CLAIMS_TOPIC), Produced.with(Serdes.String(), Claim.SERDE)
                        .withStreamPartitioner(new ClaimPartitioner(shards)).withName("verdict-claims-sink"));

        // What the two halves of the router send on: the same story bytes to news.tagged and every topic.
        routed.merge(decided, Named.as("routed")).split(Named.as("routed-"))
                .branch((id, r) -> r instanceof Routed.Tagged, Branched.<String, Routed>withConsumer(s -> s
                        .mapValues(r -> ((Routed.Tagged) r).json(), Named.as("tagged-json"))
                        .to(topics.tagged().name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("tagged-sink"))).withName("tagged"))
                .branch((id, r) -> r instanceof Routed.ToTopic, Branched.<String, Routed>withConsumer(s -> s
                        .to((id, r, ctx) -> ((Routed.ToTopic) r).topic(),
                                Produced.with(Serdes.String(), TOPIC_JSON).withName("topic-sink"))).withName("topic"))
                .branch((id, r) -> r instanceof Routed.Alert, Branched.<String, Routed>withConsumer(s -> s
                        .mapValues(r -> ((Routed.Alert) r).json(), Named.as("alert-json"))
                        .to(topics.alerts().name(), topics.alerts().produced("alerts-sink"))).withName("alert"))
                .branch((id, r) -> r instanceof Routed.Hits, Branched.<String, Routed>withConsumer(s -> trends(builder, s, spec)).withName("hits"))
                .noDefaultBranch(); // claims: above

        // 5: the newest alerts, for the dashboard.
        builder.addStateStore(StateStores.latestAlerts());
        builder.stream(topics.alerts().name(), topics.alerts().consumed("alerts-source"))
                .process(() -> new LatestAlertsProcessor(spec.watch().alertsKept()), Named.as("alerts-latest"), StateStores.LATEST_ALERTS);
        return builder.build(streamsProps);
    }

    /** 4: trend hits, one batch per story and partition, counted per trend key and minute; surges from the counts. */
    private static void trends(StreamsBuilder builder, KStream<String, Routed> hits, TopologySpec spec) {
        Topics topics = spec.topics();
        builder.addStateStore(StateStores.trends(spec.watch().alerts().trendRetention()));
        builder.addStateStore(StateStores.surgeStates());
        hits.mapValues(r -> ((Routed.Hits) r).batch(), Named.as("hit-batch"))
                .repartition(Repartitioned.with(Serdes.String(), TrendBatch.SERDE).withName(StateStores.TREND_HITS_TOPIC)
                        .withNumberOfPartitions(spec.partitions()))
                .process(() -> new TrendCountProcessor(spec.watch().alerts(), spec.watch().surge(), spec.trendEmitInterval()),
                        Named.as("trend-count"), StateStores.TRENDS, StateStores.SURGE_STATES)
                .split(Named.as("counted-"))
                .branch((k, o) -> o.alert(), Branched.<String, TrendCountProcessor.Out>withConsumer(a -> a
                        .mapValues(TrendCountProcessor.Out::json, Named.as("surge-json"))
                        .to(topics.alerts().name(), topics.alerts().produced("surge-sink"))).withName("surge"))
                .defaultBranch(Branched.<String, TrendCountProcessor.Out>withConsumer(t -> t
                        .mapValues(TrendCountProcessor.Out::json, Named.as("trend-json"))
                        .to(topics.trends().name(), topics.trends().produced("trends-sink"))).withName("trend"));
    }
}
