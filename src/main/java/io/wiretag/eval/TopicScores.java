package io.wiretag.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Topic precision and recall per language and topic against labelled stories, and how often the language was
 * detected right: what a newsroom checks before it trusts a topic feed in a language.
 */
public final class TopicScores {
    /** Stories labelled with the topic, stories tagged with it, and stories both. */
    public record Counts(int expected, int tagged, int matched) {
        public double precision() {
            return tagged == 0 ? Double.NaN : matched / (double) tagged;
        }

        public double recall() {
            return expected == 0 ? Double.NaN : matched / (double) expected;
        }
    }

    /** One story the tagger got wrong on a topic: missed (labelled, not tagged) or not called for. */
    public record Miss(String language, String topic, boolean missed, String headline) {
    }

    private final Map<String, int[]> languages = new TreeMap<>(); // stories, language right
    private final Map<String, Map<String, int[]>> counts = new TreeMap<>(); // language -> topic -> counts
    private final List<Miss> misses = new ArrayList<>();

    /**
     * Adds one story: the language it is labelled with (or null), the one detected, the topics it is
     * labelled with and those it was tagged with, among the {@code scored} topics.
     */
    public void add(String language, String detected, Set<String> expected, Set<String> tagged, Set<String> scored,
                    String headline) {
        String key = language == null ? "-" : language;
        int[] l = languages.computeIfAbsent(key, k -> new int[2]);
        l[0]++;
        if (language != null && language.equals(detected)) {
            l[1]++;
        }
        Map<String, int[]> byTopic = counts.computeIfAbsent(key, k -> new TreeMap<>());
        for (String topic : scored) {
            int[] c = byTopic.computeIfAbsent(topic, k -> new int[3]);
            boolean e = expected.contains(topic);
            boolean t = tagged.contains(topic);
            c[0] += e ? 1 : 0;
            c[1] += t ? 1 : 0;
            c[2] += e && t ? 1 : 0;
            if (e != t) {
                misses.add(new Miss(key, topic, e, headline));
            }
        }
    }

    public Set<String> languages() {
        return languages.keySet();
    }

    public int stories(String language) {
        return languages.get(language)[0];
    }

    public int languageRight(String language) {
        return languages.get(language)[1];
    }

    public Set<String> topics(String language) {
        return counts.get(language).keySet();
    }

    public Counts counts(String language, String topic) {
        int[] c = counts.get(language).get(topic);
        return new Counts(c[0], c[1], c[2]);
    }

    /** The stories missed or tagged without call, in the order they came. */
    public List<Miss> misses() {
        return List.copyOf(misses);
    }
}
