package io.wiretag.views;

/**
 * The keys of the newest-stories store: {@code <topic id>|<inverted routed-at>|<story id>}, so the store's own
 * order lists each topic's stories newest first, and one story's entry can be found from when it was listed.
 */
public final class LatestCards {
    private LatestCards() {
    }

    public static String key(String topic, long routedAtMs, String storyId) {
        return topic + "|" + String.format("%019d", Long.MAX_VALUE - routedAtMs) + "|" + storyId;
    }

    /** The topic id (or {@code *}) of a key. */
    public static String topicOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }
}
