package io.wiretag.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.views.Trend;
import io.wiretag.serve.WebServer.Response;
import io.wiretag.story.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /}: the dashboard page, rendered with the current state so it reads without script, then kept
 * fresh by {@code /dashboard.js} polling the JSON API. Every text from a story is HTML-escaped here and set
 * as text (never as markup) by the script; the Content-Security-Policy allows no inline script at all.
 */
public final class Dashboard {
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    static final int STORIES_SHOWN = 5;
    static final int TRENDS_SHOWN = 10;
    static final int ALERTS_SHOWN = 20;

    private final Api api;

    public Dashboard(Api api) {
        this.api = api;
    }

    public void addTo(WebServer server) {
        server.route("GET", "/", r -> page(ApiHttp.query(r)));
        server.route("GET", "/dashboard.js", r -> asset("dashboard.js", "text/javascript; charset=utf-8"));
        server.route("GET", "/dashboard.css", r -> asset("dashboard.css", "text/css; charset=utf-8"));
    }

    static Response secured(Response r) {
        return r.withHeader("Content-Security-Policy", CSP).withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer").withHeader("Cache-Control", "no-store");
    }

    private static Response asset(String name, String type) {
        try (InputStream in = Dashboard.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                return Response.error(404, "no such asset: " + name);
            }
            return secured(new Response(200, type, in.readAllBytes(), Map.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response page(Map<String, String> q) throws IOException, InterruptedException {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>wiretag</title>")
                .append("<link rel=\"stylesheet\" href=\"/dashboard.css\"><script src=\"/dashboard.js\" defer></script></head>\n<body>")
                .append("<header><h1>wiretag</h1><span id=\"status\">rendered by the server; refreshing every 5 s</span></header>\n<main>");
        String state;
        try {
            Filter filter = api.filter(q.get("topic"), q.get("entity"));
            filterBar(h, filter);
            h.append("<section class=\"wide\" id=\"chart-panel\"><h2 id=\"chart-title\">Stories per minute</h2><p class=\"ranges\">");
            for (int hours : new int[] {1, 6, 24}) {
                h.append("<button type=\"button\" data-hours=\"").append(hours).append("\">last ").append(hours).append(" h</button> ");
            }
            h.append("</p><div id=\"chart\"><p><small>the chart is drawn by the page's script</small></p></div></section>\n");
            Map<String, Object> topicsNow = api.trendTotals(Trend.TOPIC, 1, TRENDS_SHOWN, false, null);
            Map<String, Object> topics = api.trendTotals(Trend.TOPIC, 60, TRENDS_SHOWN, false, null);
            Map<String, Object> entities = api.trendTotals(Trend.ENTITY, 60, TRENDS_SHOWN, false, null);
            Map<String, Object> stories = api.latestStories(filter.topic(), STORIES_SHOWN, false, null, filter);
            Map<String, Object> alerts = api.latestAlerts(ALERTS_SHOWN, false, null, api.alertFilter(filter));
            state = null;
            counts(h, Json.MAPPER.valueToTree(topicsNow), Json.MAPPER.valueToTree(topics));
            trends(h, "entities", "entity", "Trending entities", Json.MAPPER.valueToTree(entities));
            trends(h, "topics", "topic", "Trending topics", Json.MAPPER.valueToTree(topics));
            stories(h, Json.MAPPER.valueToTree(stories));
            alerts(h, Json.MAPPER.valueToTree(alerts));
            h.append("<section id=\"dlq-panel\"><h2>Refused (news.dlq)</h2><div id=\"dlq\"><small>loading</small></div></section>\n")
                    .append("<section id=\"health-panel\"><h2>Pipeline health</h2><div id=\"health\"><small>loading</small></div></section>\n");
        } catch (RuntimeException e) {
            // The page still loads while the pipeline starts or rebalances; the script fills it in later.
            state = "state not ready: " + e.getMessage();
            for (String id : List.of("chart", "counts", "entities", "topics", "stories", "alerts", "dlq", "health")) {
                h.append("<section><h2>").append(id).append("</h2><div id=\"").append(id).append("\"></div></section>");
            }
        }
        h.append("</main>");
        if (state != null) {
            h.append("<p class=\"error\">").append(escape(state)).append("</p>");
        }
        h.append("</body></html>\n");
        return secured(new Response(200, "text/html; charset=utf-8", h.toString().getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static void counts(StringBuilder h, JsonNode lastMinute, JsonNode lastHour) {
        h.append("<section><h2>Live counts: stories per topic</h2><table id=\"counts\"><thead><tr><th>topic</th>")
                .append("<th>last minute</th><th>last hour</th></tr></thead><tbody>");
        for (JsonNode t : lastHour.path("items")) {
            long now = 0;
            for (JsonNode m : lastMinute.path("items")) {
                if (m.path("id").asText().equals(t.path("id").asText())) {
                    now = m.path("count").asLong();
                }
            }
            h.append("<tr><td>").append(escape(label(t))).append("</td><td>").append(now).append("</td><td>")
                    .append(t.path("count").asLong()).append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    /** The active filter and how to clear it; links only, since the CSP allows no form submission. */
    private static void filterBar(StringBuilder h, Filter f) {
        h.append("<section class=\"wide\" id=\"filter\"><b>Filter:</b> ");
        if (f.isEmpty()) {
            h.append("none (click an entity or topic name to filter the stories and alerts by it)");
        }
        if (f.topic() != null) {
            h.append("topic <b class=\"chip\">").append(escape(f.topic())).append("</b> ");
        }
        if (f.entity() != null) {
            h.append("entity <b class=\"chip\">").append(escape(f.entityName() != null ? f.entityName() : f.entity())).append("</b> ");
        }
        if (!f.isEmpty()) {
            h.append("<a href=\"/\">clear</a>");
        }
        h.append("</section>\n");
    }

    private static void trends(StringBuilder h, String id, String kind, String title, JsonNode totals) {
        h.append("<section><h2>").append(escape(title)).append(" <small id=\"").append(id).append("-range\">last hour</small></h2><ol id=\"")
                .append(id).append("\" class=\"trends\">");
        for (JsonNode t : totals.path("items")) {
            h.append("<li><a href=\"/?").append(kind).append('=').append(escape(ApiHttp.encode(t.path("id").asText()))).append("\">")
                    .append(escape(label(t))).append("</a> <span class=\"n\">").append(t.path("count").asLong()).append("</span></li>");
        }
        h.append("</ol></section>\n");
    }

    private static void stories(StringBuilder h, JsonNode stories) {
        h.append("<section><h2>Latest stories per topic</h2><div id=\"stories\">");
        if (stories.has("stories")) {
            h.append("<h3>").append(escape(stories.path("topic").asText())).append("</h3><ul>");
            stories.path("stories").forEach(s -> story(h, s));
            h.append("</ul></div></section>\n");
            return;
        }
        for (Map.Entry<String, JsonNode> e : stories.path("topics").properties()) {
            h.append("<h3>").append(escape(e.getKey())).append("</h3><ul>");
            e.getValue().forEach(s -> story(h, s));
            h.append("</ul>");
        }
        h.append("<h3>all</h3><ul>");
        stories.path("all").forEach(s -> story(h, s));
        h.append("</ul></div></section>\n");
    }

    private static void story(StringBuilder h, JsonNode s) {
        h.append("<li><span class=\"u\">").append(escape(s.path("urgency").asText(""))).append("</span> <a href=\"/story?id=")
                .append(escape(ApiHttp.encode(s.path("id").asText("")))).append("\">").append(escape(s.path("headline").asText(""))).append("</a>").append(" <small>").append(escape(s.path("provider").asText("")))
                .append(" ").append(escape(s.path("routedAt").asText(""))).append("</small></li>");
    }

    private static void alerts(StringBuilder h, JsonNode alerts) {
        h.append("<section><h2>Latest alerts</h2><ul id=\"alerts\">");
        for (JsonNode a : alerts.path("alerts")) {
            String what = a.hasNonNull("headline") ? a.path("headline").asText()
                    : a.path("name").asText(a.path("key").asText()) + ": " + a.path("count").asText() + " stories in a minute, baseline "
                    + a.path("baseline").asText();
            h.append("<li class=\"").append(escape(a.path("kind").asText())).append("\"><b>").append(escape(a.path("kind").asText()))
                    .append("</b> ").append(escape(what)).append(" <small>").append(escape(a.path("at").asText())).append("</small></li>");
        }
        h.append("</ul></section>\n");
    }

    private static String label(JsonNode t) {
        return t.hasNonNull("name") ? t.path("name").asText() : t.path("id").asText();
    }

    /** Text made safe inside HTML elements and quoted attributes. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
