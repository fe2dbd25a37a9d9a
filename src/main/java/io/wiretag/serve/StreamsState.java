package io.wiretag.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.pipeline.StateStores;
import io.wiretag.views.LatestAlerts;
import io.wiretag.views.LatestCards;
import io.wiretag.views.StoryCard;
import io.wiretag.views.Trend;
import io.wiretag.views.TrendCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The dashboard's state through Kafka Streams' interactive queries: this instance's stores, and where the
 * rest lives ({@code application.server} of each instance, which is its HTTP address).
 */
public final class StreamsState implements LocalState, Placement {
    private final KafkaStreams streams;
    private final HostInfo self;

    /** {@code self} is this instance's {@code application.server}, e.g. {@code 10.0.0.5:8080}. */
    public StreamsState(KafkaStreams streams, String self) {
        this.streams = streams;
        this.self = HostInfo.buildFromEndpoint(self);
    }

    private ReadOnlyWindowStore<String, TrendCount> trendStore() {
        return streams.store(StoreQueryParameters.fromNameAndType(StateStores.TRENDS, QueryableStoreTypes.<String, TrendCount>windowStore()));
    }

    @Override
    public List<Trend> trends(String kind, Instant from, Instant to) {
        String prefix = kind + ":";
        List<Trend> out = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, TrendCount> it = trendStore().fetchAll(from, to)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, TrendCount> kv = it.next();
                if (kv.key.key().startsWith(prefix)) {
                    out.add(Trend.of(kv.key.key(), kv.key.window().start(), kv.key.window().end(), kv.value));
                }
            }
        }
        return out;
    }

    @Override
    public List<Trend> series(String key, Instant from, Instant to) {
        List<Trend> out = new ArrayList<>();
        try (WindowStoreIterator<TrendCount> it = trendStore().fetch(key, from, to)) {
            while (it.hasNext()) {
                KeyValue<Long, TrendCount> kv = it.next();
                out.add(Trend.of(key, kv.key, kv.key + StateStores.MINUTE_MS, kv.value));
            }
        }
        return out;
    }

    @Override
    public Map<String, List<StoryCard>> stories() {
        ReadOnlyKeyValueStore<String, StoryCard> store = streams.store(StoreQueryParameters.fromNameAndType(
                StateStores.LATEST_STORIES, QueryableStoreTypes.<String, StoryCard>keyValueStore()));
        Map<String, List<StoryCard>> out = new LinkedHashMap<>();
        // The store's order is topic, then newest first (see LatestCards); each partition's task holds a share.
        try (KeyValueIterator<String, StoryCard> it = store.all()) {
            it.forEachRemaining(kv -> out.computeIfAbsent(LatestCards.topicOf(kv.key), t -> new ArrayList<>()).add(kv.value));
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(StoryCard::routedAt).reversed()));
        return out;
    }

    @Override
    public List<JsonNode> alerts() {
        ReadOnlyKeyValueStore<String, LatestAlerts> store = streams.store(StoreQueryParameters.fromNameAndType(
                StateStores.LATEST_ALERTS, QueryableStoreTypes.<String, LatestAlerts>keyValueStore()));
        List<JsonNode> out = new ArrayList<>();
        // One list per partition of news.alerts held here: all() visits each of them.
        try (KeyValueIterator<String, LatestAlerts> it = store.all()) {
            it.forEachRemaining(kv -> out.addAll(kv.value.alerts()));
        }
        return out;
    }

    @Override
    public Optional<String> ownerOf(String store, String key) {
        KeyQueryMetadata m = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (m == null || m.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("no instance holds " + store + " yet (starting or rebalancing)");
        }
        return m.activeHost().equals(self) ? Optional.empty() : Optional.of(address(m.activeHost()));
    }

    @Override
    public List<String> othersWith(String store) {
        return streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .filter(h -> !h.equals(self)).map(StreamsState::address).distinct().toList();
    }

    private static String address(HostInfo h) {
        return h.host() + ":" + h.port();
    }
}
