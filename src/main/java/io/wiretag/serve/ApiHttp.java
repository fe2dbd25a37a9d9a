package io.wiretag.serve;

import io.wiretag.serve.WebServer.Request;
import io.wiretag.serve.WebServer.Response;
import io.wiretag.story.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What the API, the dashboard and the story view share of HTTP: query parameters, URL encoding, safe JSON. */
final class ApiHttp {
    private ApiHttp() {
    }

    static Map<String, String> query(Request r) {
        Map<String, String> out = new HashMap<>();
        if (r.query() == null || r.query().isEmpty()) {
            return out;
        }
        for (String pair : r.query().split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * JSON with {@code <}, {@code >} and {@code &} written as {@code \u003c} and so on: those characters
     * appear only inside JSON strings, so the document means the same, and a headline such as
     * {@code </script>} can do no harm even where a careless client pastes the JSON into HTML.
     */
    static Response json(Object value) {
        String s = Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return new Response(200, "application/json; charset=utf-8", s.getBytes(StandardCharsets.UTF_8), Map.of())
                .withHeader("X-Content-Type-Options", "nosniff").withHeader("Cache-Control", "no-store");
    }
}
