package io.wiretag.views;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Story;
import io.wiretag.story.TopicTag;
import java.time.Instant;
import java.util.List;

/** What the dashboard shows of a story: enough to list it, not its body. */
public record StoryCard(String id, String headline, Integer urgency, String provider, Instant versionCreated, Instant routedAt,
                        List<String> topics, List<String> entities) {
    public StoryCard {
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static StoryCard of(Story s, long routedAtMs) {
        List<String> topics = s.tags() == null ? List.of() : s.tags().topics().stream().map(TopicTag::name).toList();
        List<String> entities = s.tags() == null ? List.of() : s.tags().entities().stream().map(EntityTag::name).toList();
        return new StoryCard(s.id(), s.headline(), s.urgency(), s.source() == null ? null : s.source().provider(),
                s.versionCreated(), Instant.ofEpochMilli(routedAtMs), topics, entities);
    }
}
