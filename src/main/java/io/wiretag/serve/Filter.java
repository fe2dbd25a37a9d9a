package io.wiretag.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.views.StoryCard;
import io.wiretag.views.Trend;
import java.util.Locale;
import java.util.Set;

/**
 * The dashboard's filter: a topic id and/or an entity id (query parameters {@code topic} and {@code entity}).
 * A story card names its entities by display name, so the entity is matched by {@code entityName} (from
 * the trend counts) or, when that is not known, by the id its name slugs to. An alert names no entities
 * unless it is a surge or watch on one: {@code storyIds}, the stories the entity filter keeps, admit the
 * alerts about those stories.
 */
record Filter(String topic, String entity, String entityName, Set<String> storyIds) {
    static final Filter NONE = new Filter(null, null, null, null);

    Filter(String topic, String entity, String entityName) {
        this(topic, entity, entityName, null);
    }

    /** The same filter where an alert about one of these stories (breaking, kill, watch) is about the entity too. */
    Filter withStories(Set<String> ids) {
        return new Filter(topic, entity, entityName, Set.copyOf(ids));
    }

    boolean isEmpty() {
        return topic == null && entity == null;
    }

    boolean matches(StoryCard c) {
        if (entity == null) {
            return true;
        }
        for (String name : c.entities()) {
            if (name.equals(entityName) || slug(name).equals(entity)) {
                return true;
            }
        }
        return false;
    }

    /** An alert is kept when it is about the entity or topic filtered on (its key, topics or matched keys). */
    boolean matches(JsonNode alert) {
        if (isEmpty()) {
            return true;
        }
        String key = alert.path("key").asText("");
        // A watch alert lists what it matched as trend keys: entity:vladimir-putin, topic:ukraine-war.
        boolean topicOk = topic == null || key.equals(Trend.key(Trend.TOPIC, topic)) || contains(alert.path("topics"), topic)
                || contains(alert.path("matched"), Trend.key(Trend.TOPIC, topic));
        boolean entityOk = entity == null || key.equals(Trend.key(Trend.ENTITY, entity)) || contains(alert.path("entities"), entity)
                || contains(alert.path("matched"), Trend.key(Trend.ENTITY, entity)) || storyIds != null && storyIds.contains(alert.path("storyId").asText(""));
        return topicOk && entityOk;
    }

    private static boolean contains(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Vladimir Putin} to {@code vladimir-putin}: lower case, runs of other characters to one hyphen. */
    static String slug(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            } else if (!b.isEmpty() && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '-' ? b.substring(0, n - 1) : b.toString();
    }
}
