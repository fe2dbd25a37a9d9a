package io.wiretag.tagging;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a taxonomy as an editor would want before publishing: bad JSON (file, line), unknown ids in
 * affiliations and rules, names given to two entities without context rules, names hidden by an ignore
 * phrase, rules that can never fire. Pure: reads files, changes nothing.
 */
public final class TaxonomyValidator {
    static final Set<String> TYPES = Set.of("person", "country", "organisation", "place", "event");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");
    private static final Pattern IPTC = Pattern.compile("medtop:[0-9]{8}");
    private static final Set<String> RULE_SCOPES = Set.of("story", "headline", "lead");
    private static final Set<String> UNIT_SCOPES = Set.of("sentence", "paragraph", "headline", "story");

    private TaxonomyValidator() {
    }

    /** Human-readable problems of the taxonomy directory; empty when it is valid. */
    public static List<String> check(Path dir) {
        List<String> problems = new ArrayList<>();
        Taxonomy t = Taxonomy.read(dir, problems);
        problems.addAll(problems(t));
        LanguageValidator.unknownIds(t, problems);
        return problems;
    }

    static List<String> problems(Taxonomy t) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (EntityDef e : t.entities()) {
            ids.add(e.id());
        }
        // name key -> who claims it plainly / ambiguously
        Map<String, String> plain = new HashMap<>();
        Map<String, List<String>> shared = new HashMap<>();
        for (EntityDef e : t.entities()) {
            String where = t.origin(Taxonomy.ENTITY + e.id()) + ": entity " + e.id();
            if (e.id() == null || !SLUG.matcher(e.id()).matches()) {
                out.add(where + ": id must be a lower-case slug such as \"united-states\"");
            }
            if (e.name() == null || e.name().isBlank()) {
                out.add(where + ": no name");
            }
            if (!TYPES.contains(e.type())) {
                out.add(where + ": type \"" + e.type() + "\" is not one of " + new java.util.TreeSet<>(TYPES));
            }
            if (e.wikidata() != null && !QID.matcher(e.wikidata()).matches()) {
                out.add(where + ": wikidata \"" + e.wikidata() + "\" is not a QID such as Q159");
            }
            for (String a : e.affiliations()) {
                if (!ids.contains(a)) {
                    out.add(where + ": affiliation \"" + a + "\" is not an entity id");
                } else if (a.equals(e.id())) {
                    out.add(where + ": affiliated with itself");
                }
            }
            Set<String> own = new HashSet<>();
            List<String> names = new ArrayList<>();
            Set<String> ambiguousKeys = new HashSet<>();
            e.ambiguous().forEach(a -> ambiguousKeys.add(a.alias() == null ? "" : Phrase.of(a.alias()).key()));
            if (e.name() != null && !ambiguousKeys.contains(Phrase.of(e.name()).key())) {
                names.add(e.name()); // the name is an alias too, unless declared ambiguous ("Georgia")
            }
            names.addAll(e.aliases());
            names.addAll(e.demonyms());
            for (String a : names) {
                Phrase p = Phrase.of(a);
                if (p.lower().length == 0) {
                    out.add(where + ": alias \"" + a + "\" has no word in it");
                    continue;
                }
                if (!own.add(p.key())) {
                    continue; // the canonical name repeated as an alias, or "US" and "U.S.": harmless
                }
                String other = plain.putIfAbsent(p.key(), e.id());
                if (other != null) {
                    out.add(where + ": alias \"" + a + "\" is also an alias of " + other
                            + "; declare it under \"ambiguous\" in both, with cues");
                }
            }
            for (EntityDef.Ambiguous amb : e.ambiguous()) {
                if (amb.alias() == null || Phrase.of(amb.alias()).lower().length == 0) {
                    out.add(where + ": an ambiguous entry without alias");
                    continue;
                }
                shared.computeIfAbsent(Phrase.of(amb.alias()).key(), k -> new ArrayList<>()).add(e.id());
                if (own.contains(Phrase.of(amb.alias()).key())) {
                    out.add(where + ": \"" + amb.alias() + "\" is both a plain and an ambiguous alias");
                }
                checkDate(amb.from(), where + ": \"" + amb.alias() + "\" from", out);
                checkDate(amb.to(), where + ": \"" + amb.alias() + "\" to", out);
            }
        }
        for (IgnoreDef ig : t.ignores()) {
            String where = t.origin(Taxonomy.IGNORE + ig.id()) + ": ignore " + ig.id();
            for (String phrase : ig.phrases()) {
                Phrase p = Phrase.of(phrase);
                String owner = plain.get(p.key());
                if (owner != null) {
                    out.add(where + ": phrase \"" + phrase + "\" is an alias of " + owner + ", which would never match");
                }
            }
            for (EntityDef.Ambiguous s : ig.senses()) {
                shared.computeIfAbsent(Phrase.of(s.alias()).key(), k -> new ArrayList<>()).add("(no entity)");
                if (s.cues().isEmpty() && s.cuesBeside().isEmpty()) {
                    out.add(where + ": sense \"" + s.alias() + "\" has no cues, so it can never win");
                }
            }
        }
        for (Map.Entry<String, List<String>> e : shared.entrySet()) {
            String owner = plain.get(e.getKey());
            if (owner != null) {
                out.add("alias shared by " + e.getValue() + " is also a plain alias of " + owner
                        + "; make it ambiguous there too");
            }
        }
        for (TopicDef topic : t.topics()) {
            String where = t.origin(Taxonomy.TOPIC + topic.id()) + ": topic " + topic.id();
            if (topic.id() == null || !SLUG.matcher(topic.id()).matches()) {
                out.add(where + ": id must be a lower-case slug such as \"ukraine-war\"");
            }
            if (!(topic.threshold() > 0 && topic.threshold() <= 1)) {
                out.add(where + ": threshold " + topic.threshold() + " must be above 0 and at most 1");
            }
            for (String code : topic.iptc()) {
                if (!IPTC.matcher(code).matches()) {
                    out.add(where + ": IPTC code \"" + code + "\" is not of the form medtop:20000638");
                }
            }
            if (topic.rules().isEmpty()) {
                out.add(where + ": no rules");
            }
            checkDate(topic.from(), where + ": from", out);
            if (topic.notInPassing() && topic.rules().stream().noneMatch(TaxonomyValidator::oneSentenceRequired)) {
                out.add(where + ": not_in_passing needs a required together rule of scope sentence (it says what"
                        + " the one sentence must hold)");
            }
            checkYields(topic, t.topics(), where, out);
            double total = 0;
            for (int r = 0; r < topic.rules().size(); r++) {
                TopicDef.Rule rule = topic.rules().get(r);
                String rw = where + ": rule " + (r + 1);
                total += rule.weight() * ("keywords".equals(rule.kind()) ? Math.max(1, rule.max()) : 1);
                if (!(rule.weight() > 0 && rule.weight() <= 1)) {
                    out.add(rw + ": weight " + rule.weight() + " must be above 0 and at most 1");
                }
                switch (rule.kind() == null ? "" : rule.kind()) {
                    case "entity" -> {
                        checkIds(rule.entities(), ids, rw, out);
                        if (rule.entities().isEmpty()) {
                            out.add(rw + ": an entity rule needs \"entities\"");
                        }
                        checkScope(rule.scope(), RULE_SCOPES, rw, out);
                    }
                    case "keywords" -> {
                        if (rule.keywords().isEmpty()) {
                            out.add(rw + ": a keywords rule needs \"keywords\"");
                        }
                        checkScope(rule.scope(), RULE_SCOPES, rw, out);
                    }
                    case "together" -> {
                        if (rule.groups().size() < 2) {
                            out.add(rw + ": a together rule needs at least two groups");
                        }
                        if (rule.groups().size() > 16) {
                            out.add(rw + ": at most 16 groups");
                        }
                        for (TopicDef.Group g : rule.groups()) {
                            checkIds(g.entities(), ids, rw, out);
                            if (g.entities().isEmpty() && g.keywords().isEmpty()) {
                                out.add(rw + ": an empty group");
                            }
                        }
                        checkScope(rule.scope(), UNIT_SCOPES, rw, out);
                    }
                    default -> out.add(rw + ": kind \"" + rule.kind() + "\" is not entity, keywords or together");
                }
            }
            if (total < topic.threshold()) {
                out.add(where + ": all rules together weigh " + total + ", below the threshold " + topic.threshold());
            }
            checkOthers(topic, where, out);
        }
        LanguageValidator.check(t, ids, out);
        return out;
    }

    /** An {@code others} phrase that is also one of the topic's keywords would count for its rule after all. */
    private static void checkOthers(TopicDef topic, String where, List<String> out) {
        if (topic.others().isEmpty()) {
            return;
        }
        Set<String> keywords = new java.util.HashSet<>();
        for (TopicDef.Rule rule : topic.rules()) {
            List<List<String>> lists = new java.util.ArrayList<>();
            lists.add(rule.keywords());
            lists.addAll(rule.languages().values());
            for (TopicDef.Group g : rule.groups()) {
                lists.add(g.keywords());
                lists.addAll(g.languages().values());
            }
            for (List<String> list : lists) {
                list.forEach(k -> keywords.add(Phrase.of(k).lowerKey()));
            }
        }
        for (String other : topic.others()) {
            Phrase p = Phrase.of(other);
            if (p.lower().length == 0) {
                out.add(where + ": others: \"" + other + "\" has no word in it");
            } else if (keywords.contains(p.lowerKey())) {
                out.add(where + ": others: \"" + other + "\" is one of the topic's keywords too, so it would count for its rule");
            }
        }
    }

    /**
     * {@code yields_to} names other topics, each with a required one-sentence rule as this one has (the scorer
     * compares the sentences where each holds), and no chain of them leads back to this topic.
     */
    private static void checkYields(TopicDef topic, List<TopicDef> topics, String where, List<String> out) {
        if (topic.yieldsTo().isEmpty()) {
            return;
        }
        Map<String, TopicDef> byId = new HashMap<>();
        topics.forEach(x -> byId.put(x.id(), x));
        if (topic.rules().stream().noneMatch(TaxonomyValidator::oneSentenceRequired)) {
            out.add(where + ": yields_to needs a required together rule of scope sentence (it says where the topic"
                    + " is spoken of on its own)");
        }
        for (String id : topic.yieldsTo()) {
            TopicDef other = byId.get(id);
            if (other == null || other == topic) {
                out.add(where + ": yields_to \"" + id + "\" is " + (other == null ? "not a topic" : "the topic itself"));
            } else if (other.rules().stream().noneMatch(TaxonomyValidator::oneSentenceRequired)) {
                out.add(where + ": yields_to \"" + id + "\", which has no required together rule of scope sentence");
            }
        }
        // A cycle: walk what this topic yields to, and what those yield to, looking for this topic.
        Deque<String> todo = new ArrayDeque<>(topic.yieldsTo());
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            TopicDef next = byId.get(todo.pop());
            if (next == null || !seen.add(next.id())) {
                continue;
            }
            if (next != topic && next.yieldsTo().contains(topic.id())) {
                out.add(where + ": yields_to goes round in a circle through " + next.id());
                return;
            }
            todo.addAll(next.yieldsTo());
        }
    }

    private static boolean oneSentenceRequired(TopicDef.Rule rule) {
        return "together".equals(rule.kind()) && rule.required() && "sentence".equals(rule.scopeOrDefault());
    }

    private static void checkDate(String date, String where, List<String> out) {
        try {
            StoryDates.parse(date, false);
        } catch (IllegalArgumentException e) {
            out.add(where + ": " + e.getMessage());
        }
    }

    private static void checkIds(List<String> list, Set<String> ids, String where, List<String> out) {
        for (String id : list) {
            if (!ids.contains(id)) {
                out.add(where + ": unknown entity id \"" + id + "\"");
            }
        }
    }

    private static void checkScope(String scope, Set<String> allowed, String where, List<String> out) {
        if (scope != null && !allowed.contains(scope)) {
            out.add(where + ": scope \"" + scope + "\" is not one of " + new java.util.TreeSet<>(allowed));
        }
    }
}
