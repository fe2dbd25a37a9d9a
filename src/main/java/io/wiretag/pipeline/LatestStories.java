package io.wiretag.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The newest stories of one topic (or of all), newest first, at most a configured number. */
public record LatestStories(List<StoryCard> stories) {
    public LatestStories {
        stories = stories == null ? List.of() : List.copyOf(stories);
    }

    /** This list with {@code card} first (replacing an older version of the same story), cut to {@code max}. */
    LatestStories with(StoryCard card, int max) {
        List<StoryCard> out = new ArrayList<>();
        out.add(card);
        stories.stream().filter(s -> !s.id().equals(card.id())).limit(max - 1L).forEach(out::add);
        return new LatestStories(out);
    }

    LatestStories without(String storyId) {
        return new LatestStories(stories.stream().filter(s -> !s.id().equals(storyId)).toList());
    }
}
