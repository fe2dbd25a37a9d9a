package io.wiretag.pipeline;

import io.wiretag.kafka.JsonSerde;
import io.wiretag.kafka.Topics;
import io.wiretag.story.EntityTag;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.story.TopicTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The stages after the router, added to the topology by {@link WiretagTopology}:
 * <pre>
 * route --> watch --(first sighting)--> trend hits --[trend-hits repartition]--> per-minute counts [trend-counts]
 *           [story-watch,    \--> news.alerts (breaking)                          |--> news.trends
 *            latest-stories]                                                      \--> surge [surge-cooldown] --> news.alerts
 * news.alerts --> alerts-latest [latest-alerts]
 * </pre>
 * The watch runs in the router's one task, so it sees every story; counting is spread over partitions by
 * trend key. The dashboard reads {@code latest-stories}, {@code latest-alerts} and {@code trend-counts}.
 */
public final class AlertsAndTrends {
    /** Per trend key ({@code entity:russia}) and minute: the count, a bounded window store. */
    public static final String TRENDS_STORE = "trend-counts";
    /** Per topic id (and {@value #ALL_TOPICS} for all): the newest stories, for the dashboard. */
    public static final String LATEST_STORIES_STORE = "latest-stories";
    /** Per partition of news.alerts: the newest alerts, for the dashboard. */
    public static final String LATEST_ALERTS_STORE = "latest-alerts";
    /** Per story id: whether it was counted and alerted (see {@link WatchState}). */
    public static final String WATCH_STORE = "story-watch";
    /** Per trend key: the minute of its last surge alert. */
    public static final String SURGE_COOLDOWN_STORE = "surge-cooldown";
    /** The repartition topic that spreads trend counting by key. */
    public static final String TREND_REPARTITION = "trend-hits";
    /** The key under which {@link #LATEST_STORIES_STORE} lists the newest stories of every topic. */
    public static final String ALL_TOPICS = "*";
    static final Duration MINUTE = Duration.ofMinutes(1);
    /** The size of a trend window. */
    public static final long MINUTE_MS = MINUTE.toMillis();

    private AlertsAndTrends() {
    }

    static void addTo(StreamsBuilder builder, KStream<String, Outbound> routed, Topics topics, WatchSettings settings) {
        // Cached: a topic's list of newest stories is rewritten by every story on it, and only its last value
        // per commit needs to reach the changelog.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WATCH_STORE),
                Serdes.String(), new JsonSerde<>(WatchState.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST_STORIES_STORE),
                Serdes.String(), new JsonSerde<>(LatestStories.class)).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SURGE_COOLDOWN_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LATEST_ALERTS_STORE),
                Serdes.String(), new JsonSerde<>(LatestAlerts.class)).withCachingEnabled());

        routed.process(() -> new WatchProcessor(settings), Named.as("watch"), WATCH_STORE, LATEST_STORIES_STORE)
                .split(Named.as("watched-"))
                .branch((id, w) -> w instanceof Watched.Alert, Branched.<String, Watched>withConsumer(a -> a
                        .mapValues(w -> Json.bytes(((Watched.Alert) w).alert()), Named.as("breaking-json"))
                        .to(topics.alerts().name(), topics.alerts().produced("breaking-sink"))).withName("alert"))
                .defaultBranch(Branched.<String, Watched>withConsumer(c -> count(c, topics, settings)).withName("count"));

        builder.stream(topics.alerts().name(), topics.alerts().consumed("alerts-source"))
                .process(() -> new LatestAlertsProcessor(settings.alertsKept()), Named.as("alerts-latest"), LATEST_ALERTS_STORE);
    }

    private static void count(KStream<String, Watched> stories, Topics topics, WatchSettings settings) {
        KStream<Windowed<String>, TrendCount> counts = stories
                .flatMap((id, w) -> hits(((Watched.Count) w).story()), Named.as("trend-hit"))
                .groupByKey(Grouped.with(TREND_REPARTITION, Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, settings.alerts().trendGrace()))
                .aggregate(TrendCount::empty, (key, name, c) -> c.plus(name), Named.as("trend-count"),
                        Materialized.<String, TrendCount, WindowStore<Bytes, byte[]>>as(TRENDS_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(TrendCount.class))
                                .withRetention(settings.alerts().trendRetention()))
                .toStream(Named.as("trend-updates"));
        counts.map((w, c) -> KeyValue.pair(w.key(), Json.bytes(Trend.of(w.key(), w.window().start(), w.window().end(), c))),
                        Named.as("trend-json"))
                .to(topics.trends().name(), topics.trends().produced("trends-sink"));
        counts.process(() -> new SurgeProcessor(settings.alerts()), Named.as("surge"), TRENDS_STORE, SURGE_COOLDOWN_STORE)
                .to(topics.alerts().name(), topics.alerts().produced("surge-sink"));
    }

    /** One hit per entity and per topic of a story, keyed by trend key, valued with the display name. */
    static List<KeyValue<String, String>> hits(Story story) {
        List<KeyValue<String, String>> out = new ArrayList<>();
        if (story.tags() == null) {
            return out;
        }
        for (EntityTag e : story.tags().entities()) {
            out.add(KeyValue.pair(Trend.key(Trend.ENTITY, e.id()), e.name()));
        }
        for (TopicTag t : story.tags().topics()) {
            out.add(KeyValue.pair(Trend.key(Trend.TOPIC, t.id()), t.name()));
        }
        return out;
    }
}
