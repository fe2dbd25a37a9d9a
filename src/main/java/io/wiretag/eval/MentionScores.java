package io.wiretag.eval;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import io.wiretag.story.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mention precision and recall per type against a gold standard: a tagged mention counts when a gold one has
 * exactly its field, span and type. wiretag's persons are PER, organisations ORG, countries and places LOC;
 * the gold standard's MISC (nationalities, events, works) is not scored, so a tagged mention on a MISC span
 * counts against precision. An entity's demonyms ("Polish" for Poland) are not mentions of it and are not
 * scored: the gold standard calls them MISC.
 */
public final class MentionScores {
    /** Gold, tagged and matched mentions of one type. */
    public record Counts(int gold, int tagged, int matched) {
        public double precision() {
            return tagged == 0 ? Double.NaN : matched / (double) tagged;
        }

        public double recall() {
            return gold == 0 ? Double.NaN : matched / (double) gold;
        }
    }

    static final List<String> TYPES = List.of("LOC", "ORG", "PER");
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, Integer> missed = new HashMap<>();
    private final Map<String, Integer> wrong = new HashMap<>();

    public MentionScores() {
        for (String t : TYPES) {
            counts.put(t, new int[3]);
        }
    }

    /** The gold type of an entity tag's type, or null for a type not scored. */
    static String goldType(String type) {
        return switch (type) {
            case "person" -> "PER";
            case "organisation" -> "ORG";
            case "country", "place" -> "LOC";
            default -> null;
        };
    }

    /** Scores one document's tags. */
    public void add(List<ConllDocuments.Gold> gold, Tags tags) {
        record Key(String field, int start, int end) {
        }
        Map<Key, String> goldAt = new HashMap<>();
        for (ConllDocuments.Gold g : gold) {
            goldAt.put(new Key(g.field(), g.start(), g.end()), g.type());
            if (counts.containsKey(g.type())) {
                counts.get(g.type())[0]++;
            }
        }
        Set<Key> found = new HashSet<>();
        for (EntityTag e : tags.entities()) {
            String type = goldType(e.type());
            if (type == null) {
                continue;
            }
            for (Mention m : e.mentions()) {
                Key k = new Key(m.field(), m.start(), m.end());
                counts.get(type)[1]++;
                String g = goldAt.get(k);
                if (type.equals(g)) {
                    counts.get(type)[2]++;
                    found.add(k);
                } else {
                    wrong.merge(type + " \"" + m.text() + "\" (gold: " + (g == null ? "no entity there" : g) + ")", 1, Integer::sum);
                }
            }
        }
        for (ConllDocuments.Gold g : gold) {
            if (counts.containsKey(g.type()) && !found.contains(new Key(g.field(), g.start(), g.end()))) {
                missed.merge(g.type() + " \"" + g.text() + "\"", 1, Integer::sum);
            }
        }
    }

    public Counts counts(String type) {
        int[] c = counts.get(type);
        return new Counts(c[0], c[1], c[2]);
    }

    /** The {@code n} gold mentions missed most often, with their counts. */
    public List<Map.Entry<String, Integer>> missed(int n) {
        return top(missed, n);
    }

    /** The {@code n} tagged mentions most often not in the gold standard as tagged, with their counts. */
    public List<Map.Entry<String, Integer>> wrong(int n) {
        return top(wrong, n);
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> m, int n) {
        List<Map.Entry<String, Integer>> l = new ArrayList<>(m.entrySet());
        l.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return l.subList(0, Math.min(n, l.size()));
    }
}
