package io.wiretag.story;

import java.util.List;

/** What a story is about: the entities it mentions and the topics it covers, with the taxonomy used. */
public record Tags(List<EntityTag> entities, List<TopicTag> topics, String taxonomyVersion) {
    public Tags {
        entities = entities == null ? List.of() : List.copyOf(entities);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    public List<String> topicIds() {
        return topics.stream().map(TopicTag::id).toList();
    }

    public List<String> entityIds() {
        return entities.stream().map(EntityTag::id).toList();
    }
}
