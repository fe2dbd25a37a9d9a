package io.wiretag.pipeline;

import io.wiretag.alerts.QuietState;
import io.wiretag.alerts.SurgeState;
import io.wiretag.kafka.JsonSerde;
import io.wiretag.pipeline.trends.QuietStateSerde;
import io.wiretag.pipeline.trends.SurgeStateSerde;
import io.wiretag.pipeline.lifecycle.RenditionWait;
import io.wiretag.pipeline.lifecycle.StoryState;
import io.wiretag.pipeline.lifecycle.StoryStateSerde;
import io.wiretag.pipeline.route.StoryCardSerde;
import io.wiretag.story.Story;
import io.wiretag.views.StoryCard;
import io.wiretag.views.TrendCount;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Every state store and internal topic of the topology, by name, with its types and serdes: the one place a
 * store is declared (as {@link io.wiretag.kafka.Topics} is for topics). Renaming one loses its state: the
 * names are part of the deployed application.
 * <p>Stores that stay small or short-lived (stories in flight, surge and feed states per key, the dashboard's
 * newest stories and alerts) are in memory, changelogged like the rest and rebuilt from their changelogs on
 * restart; the story states (kept for days), trend counts, embargoes, renditions and the duplicate shards are
 * in RocksDB. A duplicate shard's index is in memory (it decides on every claim), but its fingerprints, the
 * window's worth of every story that claimed the shard, are not kept twice on the heap, and a restart reads
 * them from the local store rather than replaying the whole changelog.
 * <p>Only the stores with few, busy keys are cached (trend minutes, surge states, newest alerts), so that many
 * updates of one key within a commit write one changelog record: a store with a key per story would fill the
 * stream thread's one record cache and leave them none ({@link #stories()}).
 */
public final class StateStores {
    /** The taxonomy records of {@code news.taxonomy}: a global store. */
    public static final String TAXONOMY = "taxonomy-store";
    /** Per story id: an AP item waiting for its NITF rendition, or the other way round. */
    public static final String RENDITIONS = "ap-rendition-wait";
    /** Per story id: everything the lifecycle remembers of it ({@link StoryState}): version, kill, routes, verdicts. */
    public static final String STORIES = "story-state";
    /** Embargoed stories, keyed by release time then story id: the one store whose purpose is the story. */
    public static final String EMBARGO = "embargo-hold";
    /** Per story id: the tagged story's JSON (encoded once) while its duplicate verdicts are on their way. */
    public static final String PENDING = "route-pending";
    /** Per duplicate shard: the fingerprints of the stories whose keys it owns, by story id. */
    public static final String DUPLICATE_SHARD = "duplicate-shard";
    /** Per trend key ({@code entity:russia}) and minute of versionCreated: the count. */
    public static final String TRENDS = "trend-minutes";
    /** Per trend key: its surge rule's state (per-minute counts of the last hour, baseline, last alert). */
    public static final String SURGE_STATES = "surge-state";
    /** Per feed of news.raw: when it last delivered and its usual gap, for the gone-quiet rule. */
    public static final String FEEDS = "feed-quiet";
    /** The newest stories per topic id (and {@value #ALL_TOPICS}), one small card per entry; see {@link io.wiretag.views.LatestCards}. */
    public static final String LATEST_STORIES = "latest-cards";
    /** Per partition of news.alerts: the newest alerts. */
    public static final String LATEST_ALERTS = "latest-alerts";
    /** The key under which {@link #LATEST_STORIES} lists the newest stories of every topic. */
    public static final String ALL_TOPICS = "*";

    /** Internal topics (repartition names, without the application id and {@code -repartition}). */
    public static final String CLAIMS_TOPIC = "dup-claims";
    public static final String VERDICTS_TOPIC = "dup-verdicts";
    public static final String TREND_HITS_TOPIC = "trend-hits";

    public static final Duration MINUTE = Duration.ofMinutes(1);
    public static final long MINUTE_MS = MINUTE.toMillis();

    private StateStores() {
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> taxonomy() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TAXONOMY), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
    }

    static StoreBuilder<KeyValueStore<String, RenditionWait>> renditions() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RENDITIONS), Serdes.String(), new JsonSerde<>(RenditionWait.class));
    }

    /**
     * Not cached, though a story's state is written by the gate, by the router when it parks the story, and
     * with each shard's verdict, often within one commit (bench pipeline: 5.6 changelog records a story, 2.4
     * when the cache held). Kafka Streams has one record cache per stream thread, and a put on a full cache
     * evicts from the store being written. A store keyed by story id leaves an entry per story in the cache
     * after each commit, so it fills, whatever its size, once enough stories have passed; from then every put
     * on the trend and surge stores evicted their own entries and wrote one changelog record per hit (9 a
     * story instead of 0.1). Only stores with few, busy keys are cached.
     */
    static StoreBuilder<KeyValueStore<String, StoryState>> stories() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES), Serdes.String(), StoryStateSerde.SERDE);
    }

    static StoreBuilder<KeyValueStore<String, Story>> embargo(Serde<Story> story) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EMBARGO), Serdes.String(), story);
    }

    /**
     * Not cached: a parked story (~10 KB) is written once and deleted when its verdicts are back, at least two
     * commits later, so a cache can fold nothing, and with a backlog the parked stories filled the thread's
     * whole record cache (10 MB by default), evicting the trend and surge states that do fold per commit.
     */
    static StoreBuilder<KeyValueStore<String, byte[]>> pending() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING), Serdes.String(), Serdes.ByteArray());
    }

    static StoreBuilder<KeyValueStore<String, byte[]>> duplicateShard() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUPLICATE_SHARD), Serdes.String(), Serdes.ByteArray());
    }

    static StoreBuilder<WindowStore<String, TrendCount>> trends(Duration retention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(TRENDS, retention, MINUTE, false),
                Serdes.String(), TrendCount.SERDE).withCachingEnabled();
    }

    /** Cached: a busy key is updated by many stories within one commit. */
    static StoreBuilder<KeyValueStore<String, SurgeState>> surgeStates() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(SURGE_STATES), Serdes.String(), SurgeStateSerde.SERDE)
                .withCachingEnabled();
    }

    /**
     * Not cached: a producer that keys {@code news.raw} by file or story id makes one entry per story, which
     * would fill the thread's cache (see {@link #stories()}); so each delivery writes its feed's state once.
     */
    static StoreBuilder<KeyValueStore<String, QuietState>> feeds() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(FEEDS), Serdes.String(), QuietStateSerde.SERDE);
    }

    /** Not cached: one entry per story and topic, written once; a cache would fold nothing and fill (see {@link #stories()}). */
    static StoreBuilder<KeyValueStore<String, StoryCard>> latestStories() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LATEST_STORIES), Serdes.String(), StoryCardSerde.SERDE);
    }

    static StoreBuilder<KeyValueStore<String, io.wiretag.views.LatestAlerts>> latestAlerts() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LATEST_ALERTS), Serdes.String(),
                new JsonSerde<>(io.wiretag.views.LatestAlerts.class)).withCachingEnabled();
    }
}
