package io.wiretag.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.views.StoryCard;
import io.wiretag.views.Trend;
import io.wiretag.views.TrendCount;
import io.wiretag.story.Json;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Any instance answers for all: two real HTTP servers over loopback, each with the API over its own share
 * of the state; instance A forwards a key's query to B, which holds it, and merges B's part of a whole store
 * into its own answer. Kafka Streams' part (who holds what) is a fixed placement here.
 */
class ApiForwardingTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:30:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One instance's share of the state. */
    record Share(List<Trend> trends, Map<String, List<StoryCard>> stories, List<JsonNode> alerts) implements LocalState {
        @Override
        public List<Trend> trends(String kind, Instant from, Instant to) {
            return trends.stream().filter(t -> t.kind().equals(kind) && !t.windowStart().isBefore(from) && !t.windowStart().isAfter(to)).toList();
        }

        @Override
        public List<Trend> series(String key, Instant from, Instant to) {
            return trends(key.substring(0, key.indexOf(':')), from, to).stream().filter(t -> Trend.key(t.kind(), t.id()).equals(key)).toList();
        }

        @Override
        public Map<String, List<StoryCard>> stories() {
            return stories;
        }

        @Override
        public List<JsonNode> alerts() {
            return alerts;
        }
    }

    /** Everything lives on {@code owner} (or here when null), and {@code others} hold parts of every store. */
    record Fixed(String owner, List<String> others) implements Placement {
        @Override
        public Optional<String> ownerOf(String store, String key) {
            return Optional.ofNullable(owner);
        }

        @Override
        public List<String> othersWith(String store) {
            return others;
        }
    }

    static Trend minute(String kind, String id, String name, int minutesAgo, long count) {
        Instant start = NOW.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutesAgo));
        return Trend.of(Trend.key(kind, id), start.toEpochMilli(), start.plusSeconds(60).toEpochMilli(), new TrendCount(name, count));
    }

    static JsonNode alert(String id, String at) {
        return Json.read("{\"id\":\"" + id + "\",\"kind\":\"breaking\",\"at\":\"" + at + "\",\"headline\":\"h\"}", JsonNode.class);
    }

    static final List<WebServer> SERVERS = new ArrayList<>();
    /** B holds Russia's counts, the war's stories and one alert; A holds other counts and alerts, and sends B's keys to B. */
    static WebServer b;
    static WebServer a;
    /** An instance whose holder is at an address nobody listens on. */
    static WebServer orphan;
    static String nobody;

    static WebServer serve(LocalState state, Placement placement) {
        WebServer s = new WebServer("127.0.0.1", 0);
        Api api = new Api(state, placement, Duration.ofHours(24), CLOCK);
        api.addTo(s);
        new Dashboard(api).addTo(s);
        SERVERS.add(s.start());
        return s;
    }

    @BeforeAll
    static void start() throws Exception {
        b = serve(new Share(List.of(minute("entity", "russia", "Russia", 2, 4), minute("entity", "russia", "Russia", 1, 3),
                        minute("topic", "ukraine-war", "Ukraine war", 1, 2)),
                Map.of("ukraine-war", List.of(new StoryCard("ap:1", "Held by B", 1, "ap", NOW, NOW, List.of(), List.of()))),
                List.of(alert("breaking:ap:2", "2026-03-01T10:29:00Z"))), new Fixed(null, List.of()));
        a = serve(new Share(List.of(minute("entity", "ukraine", "Ukraine", 3, 2), minute("entity", "nato", "NATO", 90, 9)),
                Map.of(), List.of(alert("breaking:ap:1", "2026-03-01T10:20:00Z"), alert("kill:ap:3", "2026-03-01T10:30:00Z"))),
                new Fixed(b.address(), List.of(b.address())));
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = "127.0.0.1:" + free.getLocalPort();
        }
        orphan = serve(new Share(List.of(), Map.of(), List.of()), new Fixed(nobody, List.of(nobody)));
    }

    @AfterAll
    static void stop() {
        SERVERS.forEach(WebServer::close);
    }

    static HttpResponse<String> get(WebServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + s.address() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeyHeldByAnotherInstanceIsAnsweredByItThroughThisOne() throws Exception {
        HttpResponse<String> r = get(a, "/api/trends/entity/russia?minutes=60");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(b.address(), r.headers().firstValue("X-Wiretag-Answered-By").orElse(null));
        JsonNode series = Json.read(r.body(), JsonNode.class);
        assertEquals(7, series.path("total").asLong());
        assertEquals("Russia", series.path("name").asText());
        assertEquals(2, series.path("series").size());

        JsonNode stories = Json.read(get(a, "/api/stories?topic=ukraine-war").body(), JsonNode.class);
        assertEquals("Held by B", stories.path("stories").get(0).path("headline").asText());
    }

    @Test
    void aWholeStoreQueryMergesEveryInstancesPart() throws Exception {
        JsonNode trends = Json.read(get(a, "/api/trends?kind=entity&minutes=60").body(), JsonNode.class);
        assertEquals(List.of("russia", "ukraine"), trends.path("items").findValuesAsText("id"), "NATO's count is older than the hour");
        assertEquals(7, trends.path("items").get(0).path("count").asLong());

        JsonNode alerts = Json.read(get(a, "/api/alerts?limit=2").body(), JsonNode.class);
        assertEquals(List.of("kill:ap:3", "breaking:ap:2"), alerts.path("alerts").findValuesAsText("id"), "newest first, cut to the limit");

        HttpResponse<String> page = get(a, "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Russia"), "B's trends are on A's page");
    }

    @Test
    void anInstanceThatDoesNotAnswerIsABadGatewayNamedInOneLine() throws Exception {
        HttpResponse<String> r = get(orphan, "/api/trends/topic/ukraine-war");
        assertEquals(502, r.statusCode());
        assertTrue(r.body().contains(nobody), r.body());
        assertEquals(502, get(orphan, "/api/alerts").statusCode());
    }

    @Test
    void aHostileHeadlineIsEscapedOnThePageAndInTheJson() throws Exception {
        String hostile = "<img src=x onerror=alert(1)><script>alert(\"x\")</script> & more";
        WebServer a = serve(new Share(List.of(), Map.of("*", List.of(new StoryCard("ap:1", hostile, 1, "<b>ap</b>", NOW, NOW, List.of(), List.of()))),
                List.of(Json.read(Json.write(Map.of("id", "breaking:ap:1", "kind", "breaking", "at", NOW.toString(), "headline", hostile)),
                        JsonNode.class))), new Fixed(null, List.of()));
        String page = get(a, "/").body();
        assertFalse(page.contains("<img") || page.contains("<script>alert") || page.contains("<b>ap"), page);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"), page);
        String json = get(a, "/api/stories").body();
        assertFalse(json.contains("<"), json);
        assertEquals(hostile, Json.read(json, JsonNode.class).path("all").get(0).path("headline").asText());
    }
}
