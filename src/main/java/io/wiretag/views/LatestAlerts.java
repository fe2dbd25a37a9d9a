package io.wiretag.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The newest alerts seen on one partition of {@code news.alerts}, newest first, as their JSON. */
public record LatestAlerts(List<JsonNode> alerts) {
    public LatestAlerts {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    public LatestAlerts with(JsonNode alert, int max) {
        String id = alert.path("id").asText();
        List<JsonNode> out = new ArrayList<>();
        out.add(alert);
        alerts.stream().filter(a -> !a.path("id").asText().equals(id)).limit(max - 1L).forEach(out::add);
        return new LatestAlerts(out);
    }
}
