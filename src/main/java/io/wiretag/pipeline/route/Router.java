package io.wiretag.pipeline.route;

import io.wiretag.alerts.AlertSettings;
import io.wiretag.alerts.Breaking;
import io.wiretag.alerts.BreakingAlert;
import io.wiretag.alerts.WatchAlert;
import io.wiretag.kafka.Topics;
import io.wiretag.lifecycle.BandIndex;
import io.wiretag.lifecycle.KillAlert;
import io.wiretag.lifecycle.Kills;
import io.wiretag.lifecycle.Routing;
import io.wiretag.pipeline.LifecycleMetrics;
import io.wiretag.pipeline.StateStores;
import io.wiretag.pipeline.WatchSettings;
import io.wiretag.pipeline.dedup.Claim;
import io.wiretag.pipeline.dedup.ClaimPartitioner;
import io.wiretag.pipeline.dedup.ShardVerdict;
import io.wiretag.pipeline.lifecycle.StoryState;
import io.wiretag.pipeline.trends.TrendBatch;
import io.wiretag.story.Json;
import io.wiretag.story.Story;
import io.wiretag.views.LatestCards;
import io.wiretag.views.StoryCard;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The router's rules, shared by its two processors ({@link RouteProcessor} for tagged stories, {@link
 * VerdictProcessor} for the duplicate shards' verdicts), in one task per story id:
 * <ul>
 * <li>a version is published at once when nothing needs judging (a new version of a story already routed
 *     as an original; a body with nothing to compare), else parked in {@value StateStores#PENDING} while the
 *     shards that own its duplicate keys judge it;</li>
 * <li>while a verdict is awaited, later versions and kills of the story queue behind it, so each story's
 *     records still come out in the order they came in;</li>
 * <li>publishing sends the same bytes to {@code news.tagged} and every {@code news.topic.*} the story is
 *     tagged with, retracts it from the topics a new version left, or marks a duplicate; a kill goes to
 *     every topic the story is live on; breaking alerts (once per story), saved-watch alerts (once per
 *     published version), kill alerts, the dashboard's list and the trend hits (once per story) follow.</li>
 * </ul>
 */
final class Router {
    private final Topics topics;
    private final WatchSettings watch;
    private final int partitions;
    private final int shards;
    private final ProcessorContext<String, Routed> context;
    private final KeyValueStore<String, StoryState> stories;
    private final KeyValueStore<String, StoryCard> latest;
    private final KeyValueStore<String, byte[]> pending;
    /** The verdicts of the rounds in flight, per story id (see {@link #verdict}). */
    private final Map<String, Tally> tallies = new HashMap<>();
    private final Sensor duplicates;
    private final Sensor kills;
    private final Sensor retractions;
    private final Sensor withheld;

    Router(Topics topics, WatchSettings watch, int partitions, int shards, ProcessorContext<String, Routed> context,
           LifecycleMetrics metrics) {
        this.topics = topics;
        this.watch = watch;
        this.partitions = partitions;
        this.shards = shards;
        this.context = context;
        this.stories = context.getStateStore(StateStores.STORIES);
        this.latest = context.getStateStore(StateStores.LATEST_STORIES);
        this.pending = context.getStateStore(StateStores.PENDING);
        duplicates = metrics.counter("duplicates-marked", "stories marked duplicateOf another and not routed to news.topic.*");
        kills = metrics.counter("kills-routed", "kills routed to news.tagged and the topics the story was live on");
        retractions = metrics.counter("topic-retractions", "kill records sent to news.topic.* topics");
        withheld = metrics.counter("withheld-routed", "withheld notices routed to news.tagged and the topics the story was live on");
    }

    private void send(String key, Routed value, long timestamp) {
        context.forward(new Record<>(key, value, timestamp));
    }

    /** A tagged version (or a kill) of story {@code id}: routed now, judged, or queued behind the one being judged. */
    void offer(String id, Pending.Item item, long timestamp) {
        StoryState state = StoryState.orNone(stories.get(id));
        if (state.awaiting() > 0) {
            byte[] queued = pending.get(id);
            Pending q = queued == null ? new Pending(List.of()) : Pending.decode(queued);
            pending.put(id, q.with(item).encode());
            return;
        }
        go(id, List.of(item), state, timestamp);
    }

    /**
     * One shard's verdict on the version being judged; with the last one in, it is published and the queue goes
     * on. The verdicts of a round are counted here, in memory, and the story's state is written once, when the
     * last is in: one changelog record a story where there was one a shard (a story asks every partition's
     * shard its keys fall on, so up to all of them). What is lost with the memory, on a restart or when the
     * task moves, {@link #askAgain} asks for again.
     */
    void verdict(String id, ShardVerdict v, long timestamp) {
        StoryState state = stories.get(id);
        if (state == null || state.round() != v.round() || state.awaiting() <= 0) {
            // A verdict of an earlier round, or of a story since forgotten: the count of a round that is no
            // longer in flight (a kill came between) goes with it.
            Tally stale = tallies.get(id);
            if (stale != null && (state == null || stale.round() != state.round() || state.awaiting() <= 0)) {
                tallies.remove(id);
            }
            return;
        }
        Tally t = tallies.get(id);
        if (t == null || t.round() != state.round()) {
            // A state an earlier release wrote per verdict carries the count and the original named so far.
            t = new Tally(state.round(), state.awaiting(), state.pendingOf() == null ? BandIndex.Verdict.ORIGINAL
                    : new BandIndex.Verdict(state.pendingOf(), state.pendingOfTime()));
        }
        BandIndex.Verdict now = t.sofar().and(v.verdict());
        if (t.awaiting() > 1) {
            tallies.put(id, new Tally(t.round(), t.awaiting() - 1, now));
            return;
        }
        tallies.remove(id);
        StoryState next = state.verdictsIn();
        byte[] queued = pending.get(id);
        if (queued == null) {
            stories.put(id, next);
            return;
        }
        List<Pending.Item> items = Pending.decode(queued).items();
        next = publish(id, (Pending.Version) items.get(0), now, next, timestamp);
        go(id, items.subList(1, items.size()), next, timestamp);
    }

    /**
     * Every story of this task still awaiting verdicts asks the shards again, in a new round: the verdicts of
     * the round before that were counted in memory went with it (the instance stopped, or the task moved), and
     * their records will not come again. A shard judges a story it has already registered as it did the first
     * time (a story is never a duplicate of itself, and keeps its first registration), and the round's
     * number makes the old round's late verdicts count for nothing.
     */
    void askAgain(long timestamp) {
        List<KeyValue<String, StoryState>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, StoryState> it = stories.all()) {
            while (it.hasNext()) {
                KeyValue<String, StoryState> kv = it.next();
                if (kv.value.awaiting() > 0) {
                    waiting.add(kv);
                }
            }
        }
        for (KeyValue<String, StoryState> kv : waiting) {
            String id = kv.key;
            StoryState state = kv.value;
            byte[] queued = pending.get(id);
            if (queued == null) {
                stories.put(id, state.verdictsIn()); // nothing parked: nothing to judge
                continue;
            }
            Pending.Version v = (Pending.Version) Pending.decode(queued).items().get(0);
            long[] keys = BandIndex.keys(v.fingerprint());
            state = state.awaitingVerdicts(ClaimPartitioner.shards(keys, shards).size());
            stories.put(id, state);
            send(id, new Routed.ToShards(Claim.check(state.round(), v.fingerprint())), timestamp);
        }
        tallies.clear();
    }

    /** A round's verdicts counted so far: how many are still awaited, and the earliest original they named. */
    private record Tally(int round, int awaiting, BandIndex.Verdict sofar) {
    }

    /** Routes these items of one story in order, until one needs the shards' verdict; that one and the rest wait. */
    private void go(String id, List<Pending.Item> items, StoryState state, long timestamp) {
        for (int i = 0; i < items.size(); i++) {
            Pending.Item item = items.get(i);
            if (item instanceof Pending.Kill k) {
                state = kill(id, Json.read(k.json(), Story.class), state, timestamp);
                continue;
            }
            Pending.Version v = (Pending.Version) item;
            if (v.card().withheld()) {
                state = withhold(id, v, state, timestamp);
                continue;
            }
            long[] keys = BandIndex.keys(v.fingerprint());
            // A story once routed as an original stays one: the first copy wins, later versions included.
            boolean routedOriginal = state.published() && state.duplicateOf() == null;
            if (routedOriginal || keys.length == 0) {
                if (keys.length > 0) {
                    send(id, new Routed.ToShards(Claim.register(v.fingerprint())), timestamp);
                }
                state = publish(id, v, BandIndex.Verdict.ORIGINAL, state, timestamp);
                continue;
            }
            state = state.awaitingVerdicts(ClaimPartitioner.shards(keys, shards).size());
            pending.put(id, new Pending(items.subList(i, items.size())).encode());
            stories.put(id, state);
            send(id, new Routed.ToShards(Claim.check(state.round(), v.fingerprint())), timestamp);
            return;
        }
        pending.delete(id);
        stories.put(id, state);
    }

    /** Publishes a tagged version whose verdict is known; returns the story's state after it. */
    private StoryState publish(String id, Pending.Version p, BandIndex.Verdict verdict, StoryState state, long timestamp) {
        long now = context.currentSystemTimeMs();
        RouteCard card = p.card();
        if (verdict.isDuplicate()) {
            // Only a story never routed as an original gets here, so it is live on no topic: nothing to retract.
            Story dup = Json.read(p.json(), Story.class).withDuplicateOf(verdict.duplicateOf());
            send(id, new Routed.Tagged(Json.bytes(dup)), timestamp);
            duplicates.record();
            return state.routed(List.of(), card.headline(), verdict.duplicateOf(), now);
        }
        Routing.Plan plan = Routing.forVersion(state.live(), card.topicIds());
        send(id, new Routed.Tagged(p.json()), timestamp);
        if (!plan.retract().isEmpty()) {
            Story about = Json.read(p.json(), Story.class);
            Instant at = Instant.ofEpochMilli(card.eventTimeMs());
            for (String t : plan.retract()) {
                String reason = "no longer about " + t + " as of version " + (card.version() != null ? card.version() : at.toString());
                send(id, new Routed.ToTopic(topics.forTopic(t), Json.bytes(Kills.record(about, state.headline(), at, reason))), timestamp);
                retractions.record();
            }
        }
        for (String t : plan.publish()) {
            send(id, new Routed.ToTopic(topics.forTopic(t), p.json()), timestamp);
        }
        StoryState next = state.routed(plan.publish(), card.headline(), null, now);
        boolean breaking = state.breakingSent();
        if (!breaking) {
            // A story upgraded to flash by a later version is breaking then; it is breaking only once.
            Optional<BreakingAlert> alert = Breaking.decide(id, card.headline(), card.urgency(), card.topicIds(),
                    Instant.ofEpochMilli(timestamp), watch.alerts());
            if (alert.isPresent()) {
                send(alert.get().id(), new Routed.Alert(Json.bytes(alert.get())), timestamp);
                breaking = true;
            }
        }
        for (WatchAlert w : p.watches()) {
            send(w.id(), new Routed.Alert(Json.bytes(w)), timestamp);
        }
        if (!state.counted()) {
            // Trends count stories, not versions: a write-through of the same story is not a second story.
            Map<String, String> hits = new LinkedHashMap<>();
            card.entities().forEach(e -> hits.put(TrendBatch.entityKey(e.id()), e.name()));
            card.topics().forEach(t -> hits.put(TrendBatch.topicKey(t.id()), t.name()));
            long minute = Math.floorDiv(trendTime(card, timestamp), StateStores.MINUTE_MS) * StateStores.MINUTE_MS;
            for (TrendBatch b : TrendBatch.of(minute, hits, partitions)) {
                send(b.keys().get(0), new Routed.Hits(b), timestamp);
            }
        }
        return list(id, card, next.alerted(breaking, true), now);
    }

    /**
     * The time a story counts at in the trends: when it was filed (versionCreated), so a backlog sent at once
     * spreads over the minutes it was filed in; but when it arrived where versionCreated is missing or in the
     * future (a source's clock), and, live ({@link AlertSettings.TrendTime#LIVE}), where it is older than the
     * trends keep (an old story sent again: news to this dashboard now, and too old for its own minute).
     */
    private long trendTime(RouteCard card, long arrivedMs) {
        if (card.versionCreated() == null) {
            return arrivedMs;
        }
        long filed = card.versionCreated().toEpochMilli();
        if (filed > arrivedMs) {
            return arrivedMs;
        }
        if (watch.alerts().trendTime() == AlertSettings.TrendTime.FILED) {
            return filed;
        }
        long oldest = arrivedMs - watch.alerts().trendRetention().toMillis() + StateStores.MINUTE_MS + watch.alerts().trendGrace().toMillis();
        return filed < oldest ? arrivedMs : filed;
    }

    /**
     * A withheld notice ("do not use until further notice") goes, as it came, to news.tagged and every topic
     * the story is live on, like a kill that can be undone: the story is live nowhere and off the dashboard,
     * and the next usable version is published to its topics again. No alert, no trend count, no verdict.
     */
    private StoryState withhold(String id, Pending.Version v, StoryState state, long timestamp) {
        send(id, new Routed.Tagged(v.json()), timestamp);
        for (String t : state.live()) {
            send(id, new Routed.ToTopic(topics.forTopic(t), v.json()), timestamp);
        }
        withheld.record();
        unlist(id, state);
        return state.withheld(context.currentSystemTimeMs());
    }

    /** Routes a kill to news.tagged and every topic the story is live on, alerts, and forgets its fingerprint. */
    private StoryState kill(String id, Story story, StoryState state, long timestamp) {
        Instant at = Kills.issuedAt(story, Instant.ofEpochMilli(timestamp));
        String reason = story.kill() != null && story.kill().reason() != null ? story.kill().reason() : Kills.reason(story);
        String headline = state.headline() != null ? state.headline() : story.headline();
        Routing.Plan plan = Routing.forKill(state.live());
        byte[] k = Json.bytes(Kills.record(story, headline, at, reason));
        send(id, new Routed.Tagged(k), timestamp);
        for (String t : plan.retract()) {
            send(id, new Routed.ToTopic(topics.forTopic(t), k), timestamp);
            retractions.record();
        }
        if (state.published()) {
            KillAlert alert = KillAlert.of(id, headline, at, reason, plan.retract().stream().map(topics::forTopic).toList());
            send(alert.id(), new Routed.Alert(Json.bytes(alert)), timestamp);
        }
        kills.record();
        unlist(id, state);
        // The gate keeps the kill; the shards forget the story, so a later copy is not a duplicate of a killed one.
        send(id, new Routed.ToShards(Claim.forget(id)), timestamp);
        return state.retracted(context.currentSystemTimeMs());
    }

    /** Lists the story on the dashboard under its topics and {@code *}, replacing its previous entries. */
    private StoryState list(String id, RouteCard card, StoryState state, long now) {
        unlist(id, state);
        List<String> keys = new ArrayList<>(card.topicIds());
        keys.add(StateStores.ALL_TOPICS);
        StoryCard c = card.card(now);
        for (String k : keys) {
            latest.put(LatestCards.key(k, now, id), c);
        }
        return state.listedUnder(keys, now);
    }

    private void unlist(String id, StoryState state) {
        for (String k : state.listed()) {
            latest.delete(LatestCards.key(k, state.listedAtMs(), id));
        }
    }
}
