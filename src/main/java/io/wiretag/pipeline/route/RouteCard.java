package io.wiretag.pipeline.route;

import io.wiretag.story.EntityTag;
import io.wiretag.story.PubStatus;
import io.wiretag.story.Story;
import io.wiretag.story.TopicTag;
import io.wiretag.views.StoryCard;
import java.time.Instant;
import java.util.List;

/**
 * What the router, the alerts, the trends and the dashboard need of a tagged story, kept beside its encoded
 * JSON so that nothing downstream of the tagger decodes the story again.
 */
public record RouteCard(String id, String headline, Integer urgency, String provider, String version, Instant versionCreated,
                        long eventTimeMs, boolean withheld, List<Named> topics, List<Named> entities) {
    /** An entity or topic: its id and display name. */
    public record Named(String id, String name) {
    }

    public RouteCard {
        topics = topics == null ? List.of() : List.copyOf(topics);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static RouteCard of(Story s, long eventTimeMs) {
        List<Named> topics = s.tags() == null ? List.of() : s.tags().topics().stream().map((TopicTag t) -> new Named(t.id(), t.name())).toList();
        List<Named> entities = s.tags() == null ? List.of() : s.tags().entities().stream().map((EntityTag e) -> new Named(e.id(), e.name())).toList();
        return new RouteCard(s.id(), s.headline(), s.urgency(), s.source() == null ? null : s.source().provider(), s.version(),
                s.versionCreated(), eventTimeMs, isWithheldNotice(s), topics, entities);
    }

    /**
     * A "do not use until further notice": withheld with no embargo time. An embargoed story is withheld until
     * its time, which the version gate waits out; released, it is published as any story.
     */
    static boolean isWithheldNotice(Story s) {
        return s.pubStatus() == PubStatus.WITHHELD && s.embargoedUntil() == null;
    }

    public List<String> topicIds() {
        return topics.stream().map(Named::id).toList();
    }

    public StoryCard card(long routedAtMs) {
        return new StoryCard(id, headline, urgency, provider, versionCreated, Instant.ofEpochMilli(routedAtMs),
                topics.stream().map(Named::name).toList(), entities.stream().map(Named::name).toList());
    }
}
