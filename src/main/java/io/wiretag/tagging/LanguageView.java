package io.wiretag.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The taxonomy as a story in one language sees it: every entity keeps its own aliases and gains its names
 * in that language ({@link LanguageDef}) with their inflected forms ({@link Inflection}); every topic rule
 * that has keywords in that language uses those (inflected) instead of the English ones, since English
 * words are other words elsewhere (German "war" is "was"). A language with neither names nor keywords sees
 * the taxonomy as it is.
 */
final class LanguageView {
    /** Where a generated form came from, for {@code tag --explain}: the form's text to the name as written. */
    record View(Taxonomy taxonomy, Map<String, String> formOf) {
    }

    /** The French articles and prepositions elided before a vowel. */
    private static final String[] ELIDED = {"l'", "d'"};

    private LanguageView() {
    }

    /** The languages with names or keywords of their own in this taxonomy. */
    static Set<String> languages(Taxonomy t) {
        Set<String> out = new java.util.TreeSet<>();
        t.languages().forEach(l -> out.add(l.id()));
        for (TopicDef topic : t.topics()) {
            for (TopicDef.Rule r : topic.rules()) {
                out.addAll(r.languages().keySet());
                r.groups().forEach(g -> out.addAll(g.languages().keySet()));
            }
        }
        return out;
    }

    static View of(Taxonomy base, String lang) {
        Map<String, String> formOf = new HashMap<>();
        LanguageDef names = base.languages().stream().filter(l -> l.id().equals(lang)).findFirst().orElse(null);
        // Who claims each name key already: entities' own aliases, shared names and ignore phrases.
        Map<String, String> owner = new HashMap<>();
        for (EntityDef e : base.entities()) {
            owner.putIfAbsent(Phrase.of(e.name()).key(), e.id());
            e.aliases().forEach(a -> owner.putIfAbsent(Phrase.of(a).key(), e.id()));
            e.demonyms().forEach(a -> owner.putIfAbsent(Phrase.of(a).key(), e.id()));
            e.ambiguous().forEach(a -> owner.put(Phrase.of(a.alias()).key(), "(shared)"));
        }
        for (IgnoreDef ig : base.ignores()) {
            ig.phrases().forEach(p -> owner.putIfAbsent(Phrase.of(p).key(), "(ignore)"));
            ig.senses().forEach(a -> owner.put(Phrase.of(a.alias()).key(), "(shared)"));
        }
        Map<String, List<String>> added = new LinkedHashMap<>();
        Map<String, List<String>> addedDemonyms = new LinkedHashMap<>();
        Map<String, List<EntityDef.Ambiguous>> addedShared = new HashMap<>();
        if (names != null) {
            names.ambiguous().forEach((id, list) -> {
                for (EntityDef.Ambiguous a : list) {
                    for (String f : Inflection.forms(lang, a.alias())) {
                        owner.put(Phrase.of(f).key(), "(shared)");
                        List<String> cues = new ArrayList<>();
                        a.cues().forEach(c -> cues.addAll(Inflection.forms(lang, c)));
                        List<String> beside = new ArrayList<>();
                        a.cuesBeside().forEach(c -> beside.addAll(Inflection.forms(lang, c)));
                        addedShared.computeIfAbsent(id, k -> new ArrayList<>())
                                .add(new EntityDef.Ambiguous(f, cues, beside, a.preferred(), a.from(), a.to()));
                        note(formOf, f, a.alias());
                    }
                }
            });
            // Names as written first, then generated forms; a generated form two entities would share is
            // given to neither (it is not a name anyone wrote).
            Map<String, String> generated = new HashMap<>();
            Set<String> contested = new HashSet<>();
            Map<String, List<String>> all = names.namesAndDemonyms();
            LanguageDef def = names;
            all.forEach((id, list) -> {
                for (String n : list) {
                    String written = n.startsWith("=") ? n.substring(1) : n;
                    String key = Phrase.of(written).key();
                    if (owner.putIfAbsent(key, id) == null || id.equals(owner.get(key))) {
                        (def.isDemonym(id, n) ? addedDemonyms : added).computeIfAbsent(id, k -> new ArrayList<>()).add(written);
                    }
                }
            });
            all.forEach((id, list) -> {
                for (String n : list) {
                    for (String f : Inflection.forms(lang, n)) {
                        String key = Phrase.of(f).key();
                        String o = owner.get(key);
                        if (o != null) {
                            continue;
                        }
                        String g = generated.putIfAbsent(key, id);
                        if (g != null && !g.equals(id)) {
                            contested.add(key);
                        }
                    }
                }
            });
            all.forEach((id, list) -> {
                Set<String> seen = new HashSet<>();
                for (String n : list) {
                    for (String f : Inflection.forms(lang, n)) {
                        Phrase p = Phrase.of(f);
                        String key = p.key();
                        // A lower-case form of a name the same entry has with a capital (Spanish "suiza" of
                        // "suizo", and "Suiza") goes in too: the gazetteer then matches that name in any case.
                        boolean ownLowerCase = id.equals(owner.get(key)) && p.mode() == Phrase.Case.ANY
                                && !generated.containsKey(key);
                        if ((ownLowerCase || id.equals(generated.get(key)) && !contested.contains(key)) && seen.add(key)) {
                            (def.isDemonym(id, n) ? addedDemonyms : added).computeIfAbsent(id, k -> new ArrayList<>()).add(f);
                            note(formOf, f, n.startsWith("=") ? n.substring(1) : n);
                        }
                    }
                }
            });
        }
        if ("fr".equals(lang)) {
            // French elides the article before a vowel: "l'Olympique de Marseille", "d'Emmanuel Macron". The
            // language's own names have those forms already (Inflection); the entries' own names get them here.
            for (EntityDef e : base.entities()) {
                List<String> own = new ArrayList<>();
                own.add(e.name());
                own.addAll(e.aliases());
                for (String a : own) {
                    if (a.isEmpty() || "AEIOUÀÂÉÈÊÎÏÔÖÛÜ".indexOf(a.charAt(0)) < 0 || a.equals(a.toUpperCase(Locale.ROOT))) {
                        continue; // not before an h ("du Hamas"), nor an acronym: "d'UN" would be "d'un"
                    }
                    for (String article : ELIDED) {
                        String f = article + a;
                        if (owner.putIfAbsent(Phrase.of(f).key(), e.id()) == null) {
                            added.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(f);
                            note(formOf, f, a);
                        }
                    }
                }
            }
        }
        List<EntityDef> entities = new ArrayList<>();
        for (EntityDef e : base.entities()) {
            List<String> more = added.getOrDefault(e.id(), List.of());
            List<String> moreDemonyms = addedDemonyms.getOrDefault(e.id(), List.of());
            List<EntityDef.Ambiguous> moreShared = addedShared.getOrDefault(e.id(), List.of());
            if (more.isEmpty() && moreDemonyms.isEmpty() && moreShared.isEmpty()) {
                entities.add(e);
                continue;
            }
            List<String> aliases = new ArrayList<>(e.aliases());
            aliases.addAll(more);
            List<String> demonyms = new ArrayList<>(e.demonyms());
            demonyms.addAll(moreDemonyms);
            List<EntityDef.Ambiguous> amb = new ArrayList<>(e.ambiguous());
            for (EntityDef.Ambiguous a : moreShared) {
                // The same shared name as the entity's own ("Georgia" in Spanish): one entry, both languages' cues.
                int same = -1;
                for (int k = 0; k < amb.size(); k++) {
                    if (Phrase.of(amb.get(k).alias()).key().equals(Phrase.of(a.alias()).key())) {
                        same = k;
                    }
                }
                if (same < 0) {
                    amb.add(a);
                } else {
                    List<String> cues = new ArrayList<>(amb.get(same).cues());
                    cues.addAll(a.cues());
                    List<String> beside = new ArrayList<>(amb.get(same).cuesBeside());
                    beside.addAll(a.cuesBeside());
                    amb.set(same, new EntityDef.Ambiguous(amb.get(same).alias(), cues, beside,
                            amb.get(same).preferred() || a.preferred(), amb.get(same).from(), amb.get(same).to()));
                }
            }
            entities.add(new EntityDef(e.id(), e.name(), e.type(), e.wikidata(), aliases, demonyms, e.affiliations(), amb,
                    e.note()));
        }
        List<TopicDef> topics = new ArrayList<>();
        for (TopicDef t : base.topics()) {
            List<TopicDef.Rule> rules = new ArrayList<>();
            for (TopicDef.Rule r : t.rules()) {
                List<TopicDef.Group> groups = new ArrayList<>();
                for (TopicDef.Group g : r.groups()) {
                    groups.add(new TopicDef.Group(g.entities(), keywords(g.keywords(), g.languages(), lang, formOf)));
                }
                rules.add(new TopicDef.Rule(r.kind(), r.entities(), keywords(r.keywords(), r.languages(), lang, formOf),
                        groups, r.scope(), r.weight(), r.max(), r.required()));
            }
            topics.add(new TopicDef(t.id(), t.name(), t.iptc(), t.threshold(), rules, t.note(), t.from(), t.unless(), t.others(),
                    t.notInPassing(), t.yieldsTo()));
        }
        return new View(Taxonomy.of(entities, topics, base.ignores()), Map.copyOf(formOf));
    }

    /** The keywords a rule has in the language, inflected; the English ones when it has none there. */
    private static List<String> keywords(List<String> english, Map<String, List<String>> byLanguage, String lang,
                                         Map<String, String> formOf) {
        List<String> own = byLanguage.get(lang);
        if (own == null || own.isEmpty()) {
            return english;
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String k : own) {
            for (String f : Inflection.forms(lang, k)) {
                if (seen.add(Phrase.of(f).lowerKey())) {
                    out.add(f);
                    note(formOf, f, k.startsWith("=") ? k.substring(1) : k);
                }
            }
        }
        return out;
    }

    private static void note(Map<String, String> formOf, String form, String written) {
        if (!form.equals(written)) {
            formOf.putIfAbsent(form.toLowerCase(Locale.ROOT), written);
        }
    }
}
