package io.wiretag.tagging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the names per language and the keywords per language of topic rules: known languages and entity
 * ids, no name given to two entities in one language, and every keyword rule written in every language
 * wiretag reads ({@link #LANGUAGES}), so a topic cannot silently go deaf in one of them.
 */
final class LanguageValidator {
    /** The languages besides English whose wires wiretag tags with names and keywords of their own. */
    static final Set<String> LANGUAGES = Set.of("de", "fr", "es", "ru", "uk");

    private LanguageValidator() {
    }

    static void check(Taxonomy t, Set<String> entityIds, List<String> out) {
        boolean multilingual = !t.languages().isEmpty();
        for (LanguageDef l : t.languages()) {
            String where = t.origin(Taxonomy.LANGUAGE + l.id()) + ": language " + l.id();
            if (l.id() == null || !LANGUAGES.contains(l.id())) {
                out.add(where + ": not one of " + new java.util.TreeSet<>(LANGUAGES));
            }
            if (l.source() == null || l.source().isBlank()) {
                out.add(where + ": no source (where the names come from, and their licence)");
            }
            Map<String, String> claimed = new HashMap<>();
            for (Map.Entry<String, List<String>> e : l.namesAndDemonyms().entrySet()) {
                for (String n : e.getValue()) {
                    String written = n.startsWith("=") ? n.substring(1) : n;
                    if (Phrase.of(written).lower().length == 0) {
                        out.add(where + ": name \"" + n + "\" of " + e.getKey() + " has no word in it");
                        continue;
                    }
                    String other = claimed.putIfAbsent(Phrase.of(written).key(), e.getKey());
                    if (other != null && !other.equals(e.getKey())) {
                        out.add(where + ": name \"" + n + "\" is given to both " + other + " and " + e.getKey()
                                + "; declare it under \"ambiguous\" with cues");
                    }
                }
            }
        }
        for (TopicDef topic : t.topics()) {
            String where = t.origin(Taxonomy.TOPIC + topic.id()) + ": topic " + topic.id();
            for (int r = 0; r < topic.rules().size(); r++) {
                TopicDef.Rule rule = topic.rules().get(r);
                checkKeywords(rule.keywords(), rule.languages(), multilingual, where + ": rule " + (r + 1), out);
                for (int g = 0; g < rule.groups().size(); g++) {
                    TopicDef.Group group = rule.groups().get(g);
                    checkKeywords(group.keywords(), group.languages(), multilingual,
                            where + ": rule " + (r + 1) + " group " + (g + 1), out);
                }
            }
        }
    }

    /**
     * Names for ids that are no entity, for {@code taxonomy check} on the files (a misspelt id). Not a
     * problem of the taxonomy itself: an entity deleted on {@code news.taxonomy} leaves its names in the
     * language records, where they are ignored.
     */
    static void unknownIds(Taxonomy t, List<String> out) {
        Set<String> ids = new java.util.HashSet<>();
        t.entities().forEach(e -> ids.add(e.id()));
        for (LanguageDef l : t.languages()) {
            String where = t.origin(Taxonomy.LANGUAGE + l.id()) + ": language " + l.id();
            for (String id : l.namesAndDemonyms().keySet()) {
                if (!ids.contains(id)) {
                    out.add(where + ": names for unknown entity id \"" + id + "\"");
                }
            }
            for (String id : l.ambiguous().keySet()) {
                if (!ids.contains(id)) {
                    out.add(where + ": ambiguous name for unknown entity id \"" + id + "\"");
                }
            }
        }
    }

    private static void checkKeywords(List<String> english, Map<String, List<String>> byLanguage,
                                      boolean multilingual, String where, List<String> out) {
        for (String lang : byLanguage.keySet()) {
            if (!LANGUAGES.contains(lang)) {
                out.add(where + ": keywords in \"" + lang + "\", not one of " + new java.util.TreeSet<>(LANGUAGES));
            }
        }
        if (english.isEmpty()) {
            if (!byLanguage.isEmpty()) {
                out.add(where + ": keywords per language without English ones");
            }
            return;
        }
        if (byLanguage.isEmpty() && !multilingual) {
            return; // a taxonomy without languages (tests, a view for one language): English only
        }
        for (String lang : new java.util.TreeSet<>(LANGUAGES)) {
            List<String> k = byLanguage.get(lang);
            if (k == null || k.isEmpty()) {
                out.add(where + ": no keywords in \"" + lang + "\"; every keyword list is written in "
                        + new java.util.TreeSet<>(LANGUAGES) + " too, or stories in that language never match it");
            }
        }
    }
}
