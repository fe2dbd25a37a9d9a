package io.wiretag.serve;

import io.wiretag.serve.WebServer.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.KafkaException;

/**
 * The JSON behind the dashboard's DLQ and health panels and the story view: {@code GET /api/dlq} (the newest
 * refusals and counts by reason), {@code GET /api/pipeline} (this instance's health) and
 * {@code GET /api/story?id=...} (every record of one story on news.tagged, within the lookup's bound).
 */
public final class PanelsApi {
    public static final String DLQ = "/api/dlq";
    public static final String PIPELINE = "/api/pipeline";
    public static final String STORY = "/api/story";

    private final DlqTail dlq;
    private final PipelineHealth health;
    private final StoryLookup stories;

    public PanelsApi(DlqTail dlq, PipelineHealth health, StoryLookup stories) {
        this.dlq = dlq;
        this.health = health;
        this.stories = stories;
    }

    public void addTo(WebServer server) {
        server.route("GET", DLQ, r -> guarded(() -> ApiHttp.json(dlq.read())));
        server.route("GET", PIPELINE, r -> guarded(() -> ApiHttp.json(health.read())));
        server.route("GET", STORY, r -> guarded(() -> story(ApiHttp.query(r).get("id"))));
    }

    private Response story(String id) {
        if (id == null || id.isBlank() || id.length() > 500) {
            return Response.error(400, "give a story id: " + STORY + "?id=... (1 to 500 characters)");
        }
        StoryLookup.Found f = stories.find(id);
        if (f.latest().isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "story " + id + " is not among the newest " + f.scanned() + " records of " + f.topic() + " partition "
                    + f.partition() + (f.wholePartition() ? "" : " (bound " + f.bound() + ", wiretag.dashboard.story-scan)"));
            body.put("status", 404);
            return ApiHttp.json(body).withStatus(404);
        }
        return ApiHttp.json(f);
    }

    @FunctionalInterface
    private interface Body {
        Response get();
    }

    private static Response guarded(Body b) {
        try {
            return b.get();
        } catch (KafkaException | IllegalStateException e) {
            return Response.error(503, "cannot read from the cluster: " + e.getMessage()).withHeader("Retry-After", "2");
        }
    }
}
