package io.wiretag.pipeline;

/** One minute's count for one trend key, with the display name the tagger gave the entity or topic. */
public record TrendCount(String name, long count) {
    static TrendCount empty() {
        return new TrendCount(null, 0);
    }

    TrendCount plus(String newName) {
        return new TrendCount(newName != null ? newName : name, count + 1);
    }
}
