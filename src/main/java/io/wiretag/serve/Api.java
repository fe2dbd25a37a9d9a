package io.wiretag.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.pipeline.StateStores;
import io.wiretag.views.StoryCard;
import io.wiretag.views.Trend;
import io.wiretag.serve.WebServer.Request;
import io.wiretag.serve.WebServer.Response;
import io.wiretag.story.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The JSON API over the dashboard's state stores: trends, the latest stories per topic and the latest
 * alerts. Any instance answers for all: a query for one key goes to the instance that holds it, a query
 * over a whole store asks every instance holding a part ({@code scope=local}) and merges the answers.
 */
public final class Api {
    public static final String TRENDS = "/api/trends";
    public static final String STORIES = "/api/stories";
    public static final String ALERTS = "/api/alerts";
    /** The query parameter a forwarded request carries, so the instance asked answers from its own stores only. */
    static final String SCOPE_LOCAL = "scope=local";
    static final int MAX_LIMIT = 1000;

    private final LocalState local;
    private final Placement placement;
    private final long maxMinutes;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** {@code retention}: how far back trend counts go, the most minutes a query may ask for. */
    public Api(LocalState local, Placement placement, Duration retention, Clock clock) {
        this.local = local;
        this.placement = placement;
        this.maxMinutes = Math.max(1, retention.toMinutes());
        this.clock = clock;
    }

    public void addTo(WebServer server) {
        server.route("GET", TRENDS, r -> answer(() -> trends(r)));
        server.route("GET", TRENDS + "/*", r -> answer(() -> series(r)));
        server.route("GET", STORIES, r -> answer(() -> stories(r)));
        server.route("GET", ALERTS, r -> answer(() -> alerts(r)));
    }

    /** A request that cannot be answered as asked: the status and the one-line reason. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @FunctionalInterface
    interface Answer {
        Response get() throws IOException, InterruptedException;
    }

    private static Response answer(Answer a) throws IOException, InterruptedException {
        try {
            return a.get();
        } catch (Refused e) {
            return Response.error(e.status, e.getMessage());
        } catch (InvalidStateStoreException e) {
            // also StreamsNotStartedException: the instance is starting, restoring or rebalancing
            return Response.error(503, "state not ready, try again: " + e.getMessage()).withHeader("Retry-After", "1");
        }
    }

    // --- GET /api/trends?kind=entity|topic&minutes=60&limit=20

    private Response trends(Request r) throws IOException, InterruptedException {
        Map<String, String> q = ApiHttp.query(r);
        String kind = kind(q.get("kind"));
        long minutes = number(q, "minutes", 60, maxMinutes);
        int limit = (int) number(q, "limit", 20, MAX_LIMIT);
        return ApiHttp.json(trendTotals(kind, minutes, limit, isLocal(q), r.query()));
    }

    /** The top {@code limit} keys of one kind by stories in the last {@code minutes} minutes, from every instance. */
    Map<String, Object> trendTotals(String kind, long minutes, int limit, boolean localOnly, String rawQuery)
            throws IOException, InterruptedException {
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofMinutes(minutes));
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Trend t : local.trends(kind, from, to)) {
            add(byId, t.kind(), t.id(), t.name(), t.count());
        }
        if (!localOnly) {
            // Each key is counted on one instance only, so the sum over instances is the total.
            for (JsonNode other : fanOut(StateStores.TRENDS, TRENDS, withKindQuery(rawQuery, kind, minutes, limit))) {
                for (JsonNode i : other.path("items")) {
                    add(byId, i.path("kind").asText(), i.path("id").asText(), i.path("name").asText(null), i.path("count").asLong());
                }
            }
        }
        List<Map<String, Object>> items = new ArrayList<>(byId.values());
        items.sort(Comparator.comparing((Map<String, Object> m) -> -((Long) m.get("count"))).thenComparing(m -> (String) m.get("id")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("minutes", minutes);
        out.put("from", from);
        out.put("to", to);
        out.put("items", items.subList(0, Math.min(limit, items.size())));
        return out;
    }

    private static String withKindQuery(String raw, String kind, long minutes, int limit) {
        return raw != null ? raw : "kind=" + kind + "&minutes=" + minutes + "&limit=" + limit;
    }

    private static void add(Map<String, Map<String, Object>> byId, String kind, String id, String name, long count) {
        Map<String, Object> m = byId.computeIfAbsent(id, k -> {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("kind", kind);
            n.put("id", id);
            n.put("name", name);
            n.put("count", 0L);
            return n;
        });
        if (m.get("name") == null && name != null) {
            m.put("name", name);
        }
        m.put("count", (Long) m.get("count") + count);
    }

    // --- GET /api/trends/<kind>/<id>?minutes=60

    private Response series(Request r) throws IOException, InterruptedException {
        String rest = r.path().substring(TRENDS.length() + 1);
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new Refused(404, "use " + TRENDS + "/<entity|topic>/<id>, e.g. " + TRENDS + "/entity/russia");
        }
        String kind = kind(URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8));
        String id = URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
        if (id.length() > 200 || id.isBlank()) {
            throw new Refused(400, "an id is 1 to 200 characters");
        }
        Map<String, String> q = ApiHttp.query(r);
        long minutes = number(q, "minutes", 60, maxMinutes);
        String key = Trend.key(kind, id);
        if (!isLocal(q)) {
            Optional<String> owner = placement.ownerOf(StateStores.TRENDS, key);
            if (owner.isPresent()) {
                return forward(owner.get(), r.path(), r.query());
            }
        }
        Instant to = clock.instant();
        List<Trend> series = local.series(key, to.minus(Duration.ofMinutes(minutes)), to);
        List<Map<String, Object>> perMinute = new ArrayList<>();
        String name = null;
        long total = 0;
        for (Trend t : series) {
            name = t.name() != null ? t.name() : name;
            total += t.count();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("windowStart", t.windowStart());
            m.put("windowEnd", t.windowEnd());
            m.put("count", t.count());
            perMinute.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("id", id);
        out.put("name", name);
        out.put("minutes", minutes);
        out.put("total", total);
        out.put("series", perMinute);
        return ApiHttp.json(out);
    }

    // --- GET /api/stories?topic=<id>&limit=20

    private Response stories(Request r) throws IOException, InterruptedException {
        Map<String, String> q = ApiHttp.query(r);
        int limit = (int) number(q, "limit", 20, MAX_LIMIT);
        return ApiHttp.json(latestStories(q.get("topic"), limit, isLocal(q), r.query(), filter(null, q.get("entity"))));
    }

    /** The filter for a topic and an entity id (either may be null or empty), with the entity's display name. */
    Filter filter(String topic, String entity) throws IOException, InterruptedException {
        String t = topic == null || topic.isBlank() ? null : topic;
        String e = entity == null || entity.isBlank() ? null : entity;
        if (e != null && e.length() > 200 || t != null && t.length() > 200) {
            throw new Refused(400, "a topic or entity id is at most 200 characters");
        }
        return new Filter(t, e, e == null ? null : nameOf(Trend.ENTITY, e));
    }

    /** The display name the trend counts hold for a key over the retention, or null: asks the instance holding it. */
    private String nameOf(String kind, String id) throws IOException, InterruptedException {
        String key = Trend.key(kind, id);
        Optional<String> owner = placement.ownerOf(StateStores.TRENDS, key);
        if (owner.isPresent()) {
            HttpResponse<byte[]> res = get(owner.get(), TRENDS + "/" + kind + "/" + ApiHttp.encode(id), "minutes=" + maxMinutes);
            return res.statusCode() == 200 ? Json.read(res.body(), JsonNode.class).path("name").asText(null) : null;
        }
        Instant to = clock.instant();
        for (Trend t : local.series(key, to.minus(Duration.ofMinutes(maxMinutes)), to)) {
            if (t.name() != null) {
                return t.name();
            }
        }
        return null;
    }

    /**
     * With a topic: its newest stories; without: every topic's, and under {@code all} the newest of any topic.
     * Each instance holds the newest stories of its partitions: unless {@code localOnly}, the others are asked
     * and the lists merged, newest first.
     */
    Map<String, Object> latestStories(String topic, int limit, boolean localOnly, String rawQuery) throws IOException, InterruptedException {
        return latestStories(topic, limit, localOnly, rawQuery, Filter.NONE);
    }

    /** As above, keeping only the stories that {@code filter} (its entity) matches. */
    Map<String, Object> latestStories(String topic, int limit, boolean localOnly, String rawQuery, Filter filter)
            throws IOException, InterruptedException {
        Map<String, List<StoryCard>> all = new LinkedHashMap<>();
        local.stories().forEach((t, cards) -> all.computeIfAbsent(t, x -> new ArrayList<>()).addAll(cards));
        if (!localOnly) {
            String fwd = rawQuery != null ? rawQuery : "limit=" + limit + (topic != null ? "&topic=" + ApiHttp.encode(topic) : "")
                    + (filter.entity() != null ? "&entity=" + ApiHttp.encode(filter.entity()) : "");
            for (JsonNode other : fanOut(StateStores.LATEST_STORIES, STORIES, fwd)) {
                if (topic != null) {
                    addCards(all, topic, other.path("stories"));
                } else {
                    addCards(all, StateStores.ALL_TOPICS, other.path("all"));
                    other.path("topics").properties().forEach(e -> addCards(all, e.getKey(), e.getValue()));
                }
            }
        }
        all.values().forEach(l -> l.removeIf(c -> !filter.matches(c)));
        all.values().forEach(l -> l.sort(Comparator.comparing(StoryCard::routedAt, Comparator.nullsLast(Comparator.reverseOrder()))));
        Map<String, Object> out = new LinkedHashMap<>();
        if (topic != null) {
            out.put("topic", topic);
            out.put("stories", cut(all.getOrDefault(topic, List.of()), limit));
            return out;
        }
        Map<String, Object> perTopic = new java.util.TreeMap<>();
        all.forEach((t, cards) -> {
            if (!t.equals(StateStores.ALL_TOPICS)) {
                perTopic.put(t, cut(cards, limit));
            }
        });
        out.put("all", cut(all.getOrDefault(StateStores.ALL_TOPICS, List.of()), limit));
        out.put("topics", perTopic);
        return out;
    }

    private static void addCards(Map<String, List<StoryCard>> into, String topic, JsonNode cards) {
        for (JsonNode c : cards) {
            into.computeIfAbsent(topic, x -> new ArrayList<>()).add(io.wiretag.story.Json.MAPPER.convertValue(c, StoryCard.class));
        }
    }

    private static <T> List<T> cut(List<T> l, int limit) {
        return l.subList(0, Math.min(limit, l.size()));
    }

    // --- GET /api/alerts?limit=50

    private Response alerts(Request r) throws IOException, InterruptedException {
        Map<String, String> q = ApiHttp.query(r);
        int limit = (int) number(q, "limit", 50, MAX_LIMIT);
        // Forwarded: this instance's alerts unfiltered, as its own stories alone cannot tell which are about the entity.
        return ApiHttp.json(latestAlerts(limit, isLocal(q), r.query(), isLocal(q) ? Filter.NONE : alertFilter(filter(q.get("topic"), q.get("entity")))));
    }

    /** The filter for alerts: with an entity, alerts about the newest stories that mention it count too. */
    @SuppressWarnings("unchecked")
    Filter alertFilter(Filter f) throws IOException, InterruptedException {
        if (f.entity() == null) {
            return f;
        }
        List<StoryCard> cards = (List<StoryCard>) latestStories(null, MAX_LIMIT, false, null, f).get("all");
        return f.withStories(cards.stream().map(StoryCard::id).collect(java.util.stream.Collectors.toSet()));
    }

    Map<String, Object> latestAlerts(int limit, boolean localOnly, String rawQuery) throws IOException, InterruptedException {
        return latestAlerts(limit, localOnly, rawQuery, Filter.NONE);
    }

    /** The newest alerts from every instance, only those about the filter's topic and entity. */
    Map<String, Object> latestAlerts(int limit, boolean localOnly, String rawQuery, Filter filter) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>(local.alerts());
        if (!localOnly) {
            for (JsonNode other : fanOut(StateStores.LATEST_ALERTS, ALERTS, rawQuery != null ? rawQuery : "limit=" + limit)) {
                other.path("alerts").forEach(all::add);
            }
        }
        all.removeIf(a -> !filter.matches(a));
        all.sort(Comparator.comparing((JsonNode a) -> instant(a.path("at").asText())).reversed()
                .thenComparing(a -> a.path("id").asText()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alerts", cut(all, limit));
        return out;
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    // --- forwarding

    private Response forward(String host, String path, String rawQuery) throws IOException, InterruptedException {
        HttpResponse<byte[]> res = get(host, path, rawQuery);
        String type = res.headers().firstValue("Content-Type").orElse("application/json");
        return new Response(res.statusCode(), type, res.body(), Map.of()).withHeader("X-Wiretag-Answered-By", host);
    }

    private List<JsonNode> fanOut(String store, String path, String rawQuery) throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        for (String host : placement.othersWith(store)) {
            HttpResponse<byte[]> res = get(host, path, rawQuery);
            if (res.statusCode() != 200) {
                throw new Refused(res.statusCode() == 503 ? 503 : 502, "instance " + host + " answered " + res.statusCode()
                        + ": " + new String(res.body(), StandardCharsets.UTF_8).strip());
            }
            out.add(Json.read(res.body(), JsonNode.class));
        }
        return out;
    }

    private HttpResponse<byte[]> get(String host, String path, String rawQuery) throws InterruptedException {
        String q = (rawQuery == null || rawQuery.isEmpty() ? "" : rawQuery + "&") + SCOPE_LOCAL;
        URI uri = URI.create("http://" + host + path + "?" + q);
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Refused(502, "instance " + host + " did not answer: " + e.getMessage());
        }
    }

    // --- request parsing and the answer


    private static boolean isLocal(Map<String, String> q) {
        return "local".equals(q.get("scope"));
    }

    private static String kind(String kind) {
        if (Trend.ENTITY.equals(kind) || Trend.TOPIC.equals(kind)) {
            return kind;
        }
        throw new Refused(400, "kind must be entity or topic" + (kind == null ? "" : ", not '" + kind + "'"));
    }

    private static long number(Map<String, String> q, String name, long dflt, long max) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            return Math.min(dflt, max);
        }
        try {
            long n = Long.parseLong(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Refused(400, name + " must be a whole number from 1 to " + max + ", not '" + v + "'");
    }

}
