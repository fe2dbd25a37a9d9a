package io.wiretag.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.story.Json;
import io.wiretag.story.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Generated inflected forms ({@link Inflection}, as {@link LanguageView} uses it) against stemming the text
 * with Lucene's stemmers, on the labelled multilingual set: which mentions of names and topic keywords each
 * finds, which it finds that the other does not, and what each costs per story on one thread.
 *
 * <p>Both sides use wiretag's tokeniser and its folding (lower case, no diacritics), the same case rules
 * (a name written with a capital starts at a capitalised word, an all-capital one matches capitals only)
 * and the same input: the names of {@code config/taxonomy/languages/<lang>.json} that the language view
 * keeps and the topic keywords of {@code config/taxonomy/topics/*.json} in that language. Generation matches
 * a token's folded text against every generated form; stemming stems the name's tokens and each token of
 * the text, then compares stems. Names shared by two entities by cues (Géorgie) are left out of both.
 *
 * <p>Speed, per story of ~600 words made of the labelled texts, CPU time of one thread: wiretag's tokeniser
 * and one hash lookup per token in the set of every generated form's tokens, against the same tokeniser,
 * each token lower-cased and stemmed (the stemmer object called directly, no TokenStream), hashed and looked
 * up; and Lucene's analyzer run end to end over the text (its own tokeniser and filters).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.wiretag.tagging.StemmingComparison
 * [seconds per run, 0 for the correctness part only] [runs]} after {@code mvn -B -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}.
 */
public final class StemmingComparison {
    static final List<String> LANGUAGES = List.of("de", "fr", "es", "ru", "uk");

    private StemmingComparison() {
    }

    // ---------------------------------------------------------------------------------------------------
    // The stemmers

    /** One of Lucene's stemmers, as an analyzer (for correctness) and as a per-token function (for speed). */
    record Stemmer(String lang, String name, String describe, Analyzer analyzer) {
    }

    /** Per language: Snowball and, where Lucene's own analyzer uses another stemmer, that one too. */
    static List<Stemmer> stemmers(String lang) {
        CharArraySet none = CharArraySet.EMPTY_SET; // no stop words: names hold "von", "de", "del"
        return switch (lang) {
            case "de" -> List.of(
                    new Stemmer(lang, "snowball", "Snowball German (SnowballFilter + GermanStemmer)", snowball(lang)),
                    new Stemmer(lang, "lucene", "GermanAnalyzer: GermanNormalizationFilter + GermanLightStemFilter",
                            new GermanAnalyzer(none)));
            case "fr" -> List.of(
                    new Stemmer(lang, "snowball", "Snowball French (ElisionFilter + SnowballFilter + FrenchStemmer)",
                            snowball(lang)),
                    new Stemmer(lang, "lucene", "FrenchAnalyzer: ElisionFilter + FrenchLightStemFilter",
                            new FrenchAnalyzer(none)));
            case "es" -> List.of(
                    new Stemmer(lang, "snowball", "Snowball Spanish (SnowballFilter + SpanishStemmer)", snowball(lang)),
                    new Stemmer(lang, "lucene", "SpanishAnalyzer: SpanishLightStemFilter", new SpanishAnalyzer(none)));
            case "ru" -> List.of(new Stemmer(lang, "snowball",
                    "RussianAnalyzer: SnowballFilter + RussianStemmer (Snowball is Lucene's own choice)",
                    new RussianAnalyzer(none)));
            case "uk" -> List.of(new Stemmer(lang, "morfologik",
                    "UkrainianMorfologikAnalyzer: MorfologikFilter, dictionary lemmas (morfologik-ukrainian-search 4.9.1)",
                    new UkrainianMorfologikAnalyzer(none)));
            default -> throw new IllegalArgumentException(lang);
        };
    }

    private static SnowballStemmer snowballStemmer(String lang) {
        return switch (lang) {
            case "de" -> new GermanStemmer();
            case "fr" -> new FrenchStemmer();
            case "es" -> new SpanishStemmer();
            case "ru" -> new RussianStemmer();
            default -> throw new IllegalArgumentException(lang);
        };
    }

    /** StandardTokenizer, lower case and the language's Snowball stemmer; French elision first, as FrenchAnalyzer does. */
    private static Analyzer snowball(String lang) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = source;
                if ("fr".equals(lang)) {
                    s = new ElisionFilter(s, FrenchAnalyzer.DEFAULT_ARTICLES);
                }
                s = new LowerCaseFilter(s);
                s = new SnowballFilter(s, snowballStemmer(lang));
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** The folded keys (stems, or lemmas: Morfologik may give several) the analyzer makes of one word. */
    static Set<String> analyse(Analyzer a, String word, Map<String, Set<String>> cache) {
        Set<String> hit = cache.get(word);
        if (hit != null) {
            return hit;
        }
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = a.tokenStream("f", word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String f = fold(term);
                if (!f.isEmpty()) {
                    out.add(f);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            out.add(fold(word));
        }
        cache.put(word, out);
        return out;
    }

    /** A word as wiretag's tokeniser hashes it: folded lower case, no diacritics, apostrophes as '. */
    static String fold(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            byte cls = Tokens.CLASS[c];
            if ((cls & Tokens.WORD) != 0) {
                b.append(Tokens.FOLD_LOWER[c]);
            } else if (cls == Tokens.APOS) {
                b.append('\'');
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------------
    // What is matched: names and keywords

    /**
     * A name or keyword as the matcher holds it: per token, the keys any of which the text token must have.
     *
     * @param entity the entity id, or null for a keyword
     * @param topics the keyword's topics
     * @param written the name or keyword as written in the taxonomy
     * @param form the form matched (a generated form, or the written name for stemming)
     */
    record Entry(List<Set<String>> keys, Phrase.Case mode, String entity, Set<String> topics, String written,
                 String form) {
    }

    /** One topic rule's (or group's) keywords in a language: as written, and as the language view compiles them. */
    record Keywords(String topic, List<String> written, List<String> generated) {
    }

    /** A language's names and keywords: as written (what stemming starts from) and as generated. */
    record Input(String lang, Map<String, List<String>> names, Map<String, List<String>> formsOfEntity,
                 List<Keywords> keywords, Map<String, String> writtenOf) {
        Set<String> reachable() {
            return names.keySet();
        }

        /** Distinct generated forms: entities' and keywords'. */
        int generatedForms() {
            Set<String> forms = new HashSet<>();
            formsOfEntity.values().forEach(l -> l.forEach(f -> forms.add(Phrase.of(f).key())));
            keywords.forEach(k -> k.generated().forEach(f -> forms.add(Phrase.of(f).lowerKey())));
            return forms.size();
        }

        /** Distinct names and keywords as written. */
        int writtenCount() {
            Set<String> written = new HashSet<>();
            names.values().forEach(l -> l.forEach(n -> written.add("n:" + n)));
            keywords.forEach(k -> k.written().forEach(w -> written.add("k:" + w)));
            return written.size();
        }

        List<String> writtenKeywords() {
            Set<String> out = new LinkedHashSet<>();
            keywords.forEach(k -> out.addAll(k.written()));
            return List.copyOf(out);
        }
    }

    static Taxonomy taxonomy() {
        return Taxonomy.load(Path.of("config/taxonomy"));
    }

    /**
     * The generated side exactly as the tagger compiles it ({@link LanguageView#of}), and the written names
     * and keywords it came from. A written name the view gives to no entity (claimed by another's alias) is
     * left out of both sides.
     */
    static Input input(Taxonomy base, String lang) {
        LanguageView.View view = LanguageView.of(base, lang);
        LanguageDef def = base.languages().stream().filter(l -> l.id().equals(lang)).findFirst().orElseThrow();
        Map<String, List<String>> forms = new LinkedHashMap<>();
        for (int i = 0; i < base.entities().size(); i++) {
            EntityDef b = base.entities().get(i);
            EntityDef v = view.taxonomy().entities().get(i);
            if (!b.id().equals(v.id())) {
                throw new IllegalStateException("view reorders entities");
            }
            // Names and demonyms alike: both are what the language's names match.
            List<String> added = new ArrayList<>(v.aliases().subList(b.aliases().size(), v.aliases().size()));
            added.addAll(v.demonyms().subList(b.demonyms().size(), v.demonyms().size()));
            if (!added.isEmpty()) {
                forms.put(b.id(), List.copyOf(added));
            }
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        def.namesAndDemonyms().forEach((id, list) -> {
            Set<String> keys = new HashSet<>();
            forms.getOrDefault(id, List.of()).forEach(f -> keys.add(Phrase.of(f).key()));
            for (String n : list) {
                String written = n.startsWith("=") ? n.substring(1) : n;
                if (keys.contains(Phrase.of(written).key())) {
                    names.computeIfAbsent(id, k -> new ArrayList<>()).add(n);
                }
            }
        });
        List<Keywords> keywords = new ArrayList<>();
        for (int t = 0; t < base.topics().size(); t++) {
            TopicDef bt = base.topics().get(t);
            TopicDef vt = view.taxonomy().topics().get(t);
            for (int r = 0; r < bt.rules().size(); r++) {
                TopicDef.Rule br = bt.rules().get(r);
                TopicDef.Rule vr = vt.rules().get(r);
                List<String> own = br.languages().get(lang);
                if (own != null && !own.isEmpty()) {
                    keywords.add(new Keywords(bt.id(), own, vr.keywords()));
                }
                for (int g = 0; g < br.groups().size(); g++) {
                    List<String> gOwn = br.groups().get(g).languages().get(lang);
                    if (gOwn != null && !gOwn.isEmpty()) {
                        keywords.add(new Keywords(bt.id(), gOwn, vr.groups().get(g).keywords()));
                    }
                }
            }
        }
        return new Input(lang, names, forms, keywords, view.formOf());
    }

    /** The words of a phrase, split as story text is. */
    static List<String> words(String phrase) {
        Tokens t = Tokens.of(phrase);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < t.count; k++) {
            out.add(phrase.substring(t.start[k], t.end[k]));
        }
        return out;
    }

    /** The generated side: every form, each word by its folded text. */
    static List<Entry> generatedEntries(Input in) {
        List<Entry> out = new ArrayList<>();
        in.formsOfEntity().forEach((id, forms) -> {
            for (String f : forms) {
                out.add(new Entry(exactKeys(f), Phrase.of(f).mode(), id, Set.of(),
                        in.writtenOf().getOrDefault(f.toLowerCase(Locale.ROOT), f), f));
            }
        });
        for (Keywords k : in.keywords()) {
            for (String f : k.generated()) {
                out.add(new Entry(exactKeys(f), Phrase.Case.ANY, null, Set.of(k.topic()),
                        in.writtenOf().getOrDefault(f.toLowerCase(Locale.ROOT), f), f));
            }
        }
        return out;
    }

    private static List<Set<String>> exactKeys(String phrase) {
        List<Set<String>> keys = new ArrayList<>();
        for (String w : words(phrase)) {
            keys.add(Set.of(fold(w)));
        }
        return keys;
    }

    /** A written name or keyword, each word stemmed; one written with a leading = is kept as written. */
    private static List<Set<String>> stemKeys(String written, Analyzer a, Map<String, Set<String>> cache) {
        boolean keep = written.startsWith("=");
        List<Set<String>> keys = new ArrayList<>();
        for (String w : words(keep ? written.substring(1) : written)) {
            keys.add(keep ? Set.of("=" + fold(w)) : analyse(a, w, cache));
        }
        return keys;
    }

    /**
     * The stemming side: each written name and keyword stemmed. A stemmed name two entities share is given
     * to neither (as the language view does with generated forms); those are returned in {@code contested}.
     */
    static List<Entry> stemmedEntries(Input in, Analyzer a, Map<String, Set<String>> cache,
                                      Map<String, Set<String>> contested) {
        Map<String, Set<String>> owners = new HashMap<>();
        List<Entry> names = new ArrayList<>();
        in.names().forEach((id, list) -> {
            for (String n : list) {
                List<Set<String>> keys = stemKeys(n, a, cache);
                String written = n.startsWith("=") ? n.substring(1) : n;
                Entry e = new Entry(keys, Phrase.of(written).mode(), id, Set.of(), written, written);
                names.add(e);
                String k = e.mode() + keys.toString();
                owners.computeIfAbsent(k, x -> new TreeSet<>()).add(id);
            }
        });
        List<Entry> out = new ArrayList<>();
        for (Entry e : names) {
            String k = e.mode() + e.keys().toString();
            if (owners.get(k).size() > 1) {
                contested.computeIfAbsent(k, x -> new TreeSet<>()).add(e.entity() + ": " + e.written());
            } else {
                out.add(e);
            }
        }
        for (Keywords k : in.keywords()) {
            for (String w : k.written()) {
                out.add(new Entry(stemKeys(w, a, cache), Phrase.Case.ANY, null, Set.of(k.topic()), w,
                        w.startsWith("=") ? w.substring(1) : w));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------
    // Matching the labelled texts

    record Story(String name, String lang, String headline, String body, Set<String> entities, Set<String> topics) {
    }

    static List<Story> labelled() {
        List<Story> out = new ArrayList<>();
        try (InputStream in = StemmingComparison.class.getResourceAsStream("/tagging/labelled-multilingual.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = Json.MAPPER.readTree(line);
                Set<String> entities = new TreeSet<>();
                n.get("entities").forEach(x -> entities.add(x.asText()));
                Set<String> topics = new TreeSet<>();
                n.get("topics").forEach(x -> topics.add(x.asText()));
                out.add(new Story(n.get("name").asText(), n.get("lang").asText(), n.get("headline").asText(),
                        n.get("body").asText(), entities, topics));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A token of a story's text and the keys it is looked up by. {@code capital}: it starts with a capital
     * (for stemming in French, the word after an elided article: l'Ukraine), {@code allCaps}: all capitals.
     */
    record Word(String surface, boolean capital, boolean allCaps, Set<String> keys) {
    }

    /**
     * What one side found at one place: an entity, or keywords (then {@code topics} is the union of the
     * topics of every keyword matched there, and {@code written} the keywords as written).
     */
    record Mention(String story, int field, int at, String text, String entity, Set<String> topics,
                   Set<String> written) {
        boolean keyword() {
            return entity == null;
        }

        String where() {
            return story + "/" + field + "/" + at + "/" + (entity == null ? "keyword" : entity);
        }
    }

    /** The words of each field (headline, body) of a story; {@code stem} null for the generated side. */
    static List<List<Word>> words(Story s, String lang, Analyzer stem, Map<String, Set<String>> cache) {
        List<List<Word>> fields = new ArrayList<>();
        for (String text : List.of(s.headline(), s.body())) {
            Tokens t = new Tokens();
            t.reset();
            t.addField(0, text);
            List<Word> ws = new ArrayList<>();
            for (int k = 0; k < t.count; k++) {
                String w = text.substring(t.start[k], t.end[k]);
                boolean capital = (t.flags[k] & Tokens.FIRST_UPPER) != 0;
                Set<String> keys;
                if (stem == null) {
                    keys = Set.of(fold(w));
                } else {
                    keys = new HashSet<>(analyse(stem, w, cache));
                    keys.add("=" + fold(w));
                    if ("fr".equals(lang)) {
                        char[] c = w.toCharArray();
                        for (int i = 0; i < c.length; i++) {
                            c[i] = Tokens.CLASS[c[i]] == Tokens.APOS ? '\'' : c[i];
                        }
                        int from = elision(c, c.length);
                        capital |= from > 0 && from < c.length && Character.isUpperCase(c[from]);
                    }
                }
                ws.add(new Word(w, capital, (t.flags[k] & Tokens.ALL_UPPER) != 0, keys));
            }
            fields.add(ws);
        }
        return fields;
    }

    /**
     * Leftmost-longest matching, as the token trie does: at each word the longest entries that match, then on
     * after them. Entities and keywords are matched in separate passes, as the tagger holds them apart.
     */
    static List<Mention> match(Story s, List<List<Word>> fields, List<Entry> entries) {
        List<Mention> out = new ArrayList<>();
        out.addAll(matchPass(s, fields, entries.stream().filter(e -> e.entity() != null).toList()));
        out.addAll(matchPass(s, fields, entries.stream().filter(e -> e.entity() == null).toList()));
        return out;
    }

    private static List<Mention> matchPass(Story s, List<List<Word>> fields, List<Entry> entries) {
        Map<String, List<Entry>> byFirst = new HashMap<>();
        for (Entry e : entries) {
            for (String k : e.keys().get(0)) {
                byFirst.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
            }
        }
        List<Mention> out = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            List<Word> ws = fields.get(f);
            for (int i = 0; i < ws.size(); ) {
                Set<Entry> candidates = new LinkedHashSet<>();
                for (String k : ws.get(i).keys()) {
                    candidates.addAll(byFirst.getOrDefault(k, List.of()));
                }
                int best = 0;
                List<Entry> found = new ArrayList<>();
                for (Entry e : candidates) {
                    int n = e.keys().size();
                    if (n < best || i + n > ws.size() || !caseFits(e.mode(), ws.subList(i, i + n))) {
                        continue;
                    }
                    boolean all = true;
                    for (int k = 0; k < n && all; k++) {
                        all = !java.util.Collections.disjoint(e.keys().get(k), ws.get(i + k).keys());
                    }
                    if (all) {
                        if (n > best) {
                            found.clear();
                            best = n;
                        }
                        found.add(e);
                    }
                }
                if (best == 0) {
                    i++;
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (int k = i; k < i + best; k++) {
                    text.append(k > i ? " " : "").append(ws.get(k).surface());
                }
                Map<String, Set<String>> writtenByEntity = new TreeMap<>();
                Set<String> topics = new TreeSet<>();
                Set<String> keywords = new TreeSet<>();
                for (Entry e : found) {
                    if (e.entity() != null) {
                        writtenByEntity.computeIfAbsent(e.entity(), x -> new TreeSet<>()).add(e.written());
                    } else {
                        topics.addAll(e.topics());
                        keywords.add(e.written());
                    }
                }
                for (Map.Entry<String, Set<String>> e : writtenByEntity.entrySet()) {
                    out.add(new Mention(s.name(), f, i, text.toString(), e.getKey(), Set.of(), e.getValue()));
                }
                if (!keywords.isEmpty()) {
                    out.add(new Mention(s.name(), f, i, text.toString(), null, topics, keywords));
                }
                i += best;
            }
        }
        return out;
    }

    private static boolean caseFits(Phrase.Case mode, List<Word> ws) {
        return switch (mode) {
            case ANY -> true;
            case CAPITALISED -> ws.get(0).capital();
            case EXACT -> ws.stream().allMatch(Word::allCaps);
        };
    }

    /** Whether a mention is one the story's labels call for: its entity, or a keyword of one of its topics. */
    static boolean labelled(Story s, Mention m) {
        if (m.entity() != null) {
            return s.entities().contains(m.entity());
        }
        return !java.util.Collections.disjoint(s.topics(), m.topics());
    }

    /** One side's results on one language's stories. */
    record Side(String name, List<Mention> mentions, Map<String, Set<String>> entitiesByStory) {
        int entityMentions() {
            return (int) mentions.stream().filter(m -> !m.keyword()).count();
        }

        int keywordMentions() {
            return (int) mentions.stream().filter(Mention::keyword).count();
        }

        /** Mentions the story's labels do not call for: an entity it is not labelled with, a keyword of none of its topics. */
        List<Mention> unlabelled(Map<String, Story> stories) {
            return mentions.stream().filter(m -> !labelled(stories.get(m.story()), m)).toList();
        }
    }

    /** The comparison for one language and one stemmer. */
    record Result(String lang, Stemmer stemmer, int stories, int written, int generatedForms,
                  int expectedEntities, Side generated, Side stemmed, int foundGenerated, int foundStemmed,
                  List<Mention> onlyGenerated, List<Mention> onlyStemmed, List<String> topicsDiffer,
                  Map<String, Set<String>> contested, List<String> missedByBoth) {
    }

    static Side side(String name, String lang, List<Story> stories, List<Entry> entries, Analyzer stem,
                     Map<String, Set<String>> cache) {
        List<Mention> all = new ArrayList<>();
        Map<String, Set<String>> byStory = new LinkedHashMap<>();
        for (Story s : stories) {
            List<Mention> ms = match(s, words(s, lang, stem, cache), entries);
            all.addAll(ms);
            Set<String> ids = new TreeSet<>();
            ms.stream().filter(m -> !m.keyword()).forEach(m -> ids.add(m.entity()));
            byStory.put(s.name(), ids);
        }
        return new Side(name, all, byStory);
    }

    static Result compare(Taxonomy base, String lang, Stemmer stemmer) {
        Input in = input(base, lang);
        List<Story> stories = labelled().stream().filter(s -> s.lang().equals(lang)).toList();
        Map<String, Set<String>> cache = new HashMap<>();
        Map<String, Set<String>> contested = new TreeMap<>();
        Side g = side("generated", lang, stories, generatedEntries(in), null, cache);
        Side st = side(stemmer.name(), lang, stories, stemmedEntries(in, stemmer.analyzer(), cache, contested),
                stemmer.analyzer(), cache);
        int expected = 0;
        int foundG = 0;
        int foundS = 0;
        List<String> missedByBoth = new ArrayList<>();
        for (Story s : stories) {
            Set<String> want = new TreeSet<>(s.entities());
            want.retainAll(in.reachable());
            expected += want.size();
            Set<String> gotG = g.entitiesByStory().get(s.name());
            Set<String> gotS = st.entitiesByStory().get(s.name());
            for (String w : want) {
                foundG += gotG.contains(w) ? 1 : 0;
                foundS += gotS.contains(w) ? 1 : 0;
                if (!gotG.contains(w) && !gotS.contains(w)) {
                    missedByBoth.add(s.name() + ": " + w);
                }
            }
        }
        Map<String, Mention> gWhere = new HashMap<>();
        g.mentions().forEach(m -> gWhere.put(m.where(), m));
        Map<String, Mention> sWhere = new HashMap<>();
        st.mentions().forEach(m -> sWhere.put(m.where(), m));
        List<Mention> onlyG = g.mentions().stream().filter(m -> !sWhere.containsKey(m.where())).toList();
        List<Mention> onlyS = st.mentions().stream().filter(m -> !gWhere.containsKey(m.where())).toList();
        List<String> topicsDiffer = new ArrayList<>();
        for (Mention m : g.mentions()) {
            Mention o = sWhere.get(m.where());
            if (m.keyword() && o != null && !o.topics().equals(m.topics())) {
                topicsDiffer.add(String.format(Locale.ROOT, "%s: \"%s\" generation %s %s, stemming %s %s", m.story(),
                        m.text(), m.written(), m.topics(), o.written(), o.topics()));
            }
        }
        return new Result(lang, stemmer, stories.size(), in.writtenCount(), in.generatedForms(), expected, g, st,
                foundG, foundS, onlyG, onlyS, topicsDiffer, contested, missedByBoth);
    }

    static Map<String, Story> storiesByName() {
        Map<String, Story> out = new HashMap<>();
        labelled().forEach(s -> out.put(s.name(), s));
        return out;
    }

    static void printCorrectness(Result r, Map<String, Story> stories, Analyzer stem) {
        System.out.printf(Locale.ROOT, "%n### %s, generated forms vs %s%n", r.lang(), r.stemmer().describe());
        System.out.printf(Locale.ROOT, "%d stories; %d names and keywords as written, %d generated forms%n",
                r.stories(), r.written(), r.generatedForms());
        System.out.printf(Locale.ROOT, "labelled entities that have a name in this language: %d; found by generation %d, by "
                + "stemming %d%n", r.expectedEntities(), r.foundGenerated(), r.foundStemmed());
        System.out.printf(Locale.ROOT, "mentions: generation %d names + %d keywords, stemming %d names + %d keywords%n",
                r.generated().entityMentions(), r.generated().keywordMentions(), r.stemmed().entityMentions(),
                r.stemmed().keywordMentions());
        List<Mention> ug = r.generated().unlabelled(stories);
        List<Mention> us = r.stemmed().unlabelled(stories);
        System.out.printf(Locale.ROOT, "mentions the labels do not call for: generation %d, stemming %d%n", ug.size(), us.size());
        ug.forEach(m -> System.out.println("  generation: " + describe(m, stories.get(m.story()), null)));
        us.forEach(m -> System.out.println("  stemming:   " + describe(m, stories.get(m.story()), stem)));
        if (!r.missedByBoth().isEmpty()) {
            System.out.println("labelled entities neither finds by this language's names: " + r.missedByBoth());
        }
        if (!r.contested().isEmpty()) {
            System.out.println("stemmed names two entities share (given to neither):");
            r.contested().forEach((k, v) -> System.out.println("  " + k + " <- " + v));
        }
        System.out.println("found by stemming only:");
        r.onlyStemmed().forEach(m -> System.out.println("  " + describe(m, stories.get(m.story()), stem)));
        System.out.println("found by generation only:");
        r.onlyGenerated().forEach(m -> System.out.println("  " + describe(m, stories.get(m.story()), stem)));
        if (!r.topicsDiffer().isEmpty()) {
            System.out.println("keywords both find, counted for other topics:");
            r.topicsDiffer().forEach(x -> System.out.println("  " + x));
        }
    }

    /** A mention, with the stems of its words and of what it matched when {@code stem} is given. */
    static String describe(Mention m, Story s, Analyzer stem) {
        String what = m.keyword() ? "keyword " + m.written() + " " + m.topics() : m.entity() + " " + m.written();
        StringBuilder stems = new StringBuilder();
        if (stem != null) {
            Map<String, Set<String>> cache = new HashMap<>();
            stems.append("  {");
            for (String w : words(m.text())) {
                stems.append(w).append("->").append(analyse(stem, w, cache)).append(' ');
            }
            for (String wr : m.written()) {
                for (String w : words(wr.startsWith("=") ? wr.substring(1) : wr)) {
                    stems.append(w).append("->").append(analyse(stem, w, cache)).append(' ');
                }
            }
            stems.setLength(stems.length() - 1);
            stems.append('}');
        }
        return String.format(Locale.ROOT, "%s: \"%s\" -> %s%s%s", m.story(), m.text(), what,
                labelled(s, m) ? "" : "  [not labelled]", stems);
    }

    // ---------------------------------------------------------------------------------------------------
    // Speed

    /** Stories of about {@code words} words in one language: the labelled paragraphs shuffled, a labelled headline. */
    static List<String[]> benchStories(String lang, int count, int words) {
        List<String> paragraphs = new ArrayList<>();
        List<String> headlines = new ArrayList<>();
        for (Story s : labelled()) {
            if (s.lang().equals(lang)) {
                paragraphs.addAll(Text.paragraphs(s.body()));
                headlines.add(s.headline());
            }
        }
        SplittableRandom rnd = new SplittableRandom(42);
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            int n = 0;
            while (n < words) {
                String p = paragraphs.get(rnd.nextInt(paragraphs.size()));
                body.append(body.length() == 0 ? "" : "\n\n").append(p);
                n += p.split("\\s+").length;
            }
            out.add(new String[] {headlines.get(rnd.nextInt(headlines.size())), body.toString()});
        }
        return out;
    }

    /** Tokenises a story and counts the tokens whose key is in the set; the work timed per story. */
    interface Matcher {
        long run(String[] story);
    }

    /** Generation: wiretag's tokeniser, then one hash lookup per token in the set of every generated form's tokens. */
    static Matcher generatedMatcher(Input in) {
        Set<Long> hashes = new HashSet<>();
        in.formsOfEntity().values().forEach(l -> l.forEach(f -> addHashes(f, hashes)));
        in.keywords().forEach(k -> k.generated().forEach(f -> addHashes(f, hashes)));
        LongSet set = new LongSet(hashes);
        Tokens t = new Tokens();
        return story -> {
            t.reset();
            t.addField(0, story[0]);
            t.addField(1, story[1]);
            long hits = 0;
            long[] lower = t.lower;
            for (int k = 0, n = t.count; k < n; k++) {
                if (set.contains(lower[k])) {
                    hits++;
                }
            }
            return hits;
        };
    }

    private static void addHashes(String phrase, Set<Long> into) {
        Tokens t = Tokens.of(phrase);
        for (int k = 0; k < t.count; k++) {
            into.add(t.lower[k]);
        }
    }

    /** Stems one lower-case word in {@code buf[0..len)}, writing the hashes of its stems (or lemmas); returns how many. */
    interface WordStemmer {
        int stem(char[] buf, int len, long[] hashes);
    }

    static WordStemmer wordStemmer(String lang, String kind) {
        if ("uk".equals(lang)) {
            DictionaryLookup lookup = new DictionaryLookup(ukrainianDictionary());
            return (buf, len, hashes) -> {
                List<WordData> lemmas = lookup.lookup(CharBuffer.wrap(buf, 0, len));
                if (lemmas.isEmpty()) {
                    hashes[0] = hash(buf, len);
                    return 1;
                }
                int n = 0;
                for (WordData w : lemmas) {
                    if (n < hashes.length) {
                        hashes[n++] = hash(w.getStem());
                    }
                }
                return n;
            };
        }
        boolean elide = "fr".equals(lang);
        if ("snowball".equals(kind)) {
            SnowballStemmer sb = snowballStemmer(lang);
            return (buf, len, hashes) -> {
                int from = elide ? elision(buf, len) : 0;
                if (from > 0) {
                    System.arraycopy(buf, from, buf, 0, len - from);
                    len -= from;
                }
                sb.setCurrent(buf, len);
                sb.stem();
                hashes[0] = hash(sb.getCurrentBuffer(), sb.getCurrentBufferLength());
                return 1;
            };
        }
        LightStem light = switch (lang) {
            case "de" -> new GermanLightStemmer()::stem;
            case "fr" -> new FrenchLightStemmer()::stem;
            case "es" -> new SpanishLightStemmer()::stem;
            default -> throw new IllegalArgumentException(lang + " " + kind);
        };
        return (buf, len, hashes) -> {
            int from = elide ? elision(buf, len) : 0;
            if (from > 0) {
                System.arraycopy(buf, from, buf, 0, len - from);
                len -= from;
            }
            hashes[0] = hash(buf, light.stem(buf, len));
            return 1;
        };
    }

    interface LightStem {
        int stem(char[] buf, int len);
    }

    /** French elision as ElisionFilter does it: the length of "l'" / "qu'" ... to drop, or 0. */
    private static int elision(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if (buf[i] == '\'') {
                return i > 0 && FrenchAnalyzer.DEFAULT_ARTICLES.contains(buf, 0, i) ? i + 1 : 0;
            }
        }
        return 0;
    }

    private static Dictionary ukrainian;

    static synchronized Dictionary ukrainianDictionary() {
        if (ukrainian == null) {
            try {
                ukrainian = Dictionary.read(UkrainianMorfologikAnalyzer.class.getClassLoader()
                        .getResource("ua/net/nlp/ukrainian.dict"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ukrainian;
    }

    static long hash(char[] buf, int len) {
        long h = Tokens.FNV_OFFSET;
        for (int i = 0; i < len; i++) {
            h = (h ^ Tokens.FOLD_LOWER[buf[i]]) * Tokens.FNV_PRIME;
        }
        return h;
    }

    static long hash(CharSequence s) {
        long h = Tokens.FNV_OFFSET;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ Tokens.FOLD_LOWER[s.charAt(i)]) * Tokens.FNV_PRIME;
        }
        return h;
    }

    /**
     * A token's text lower-cased into {@code buf} as the analyzers see it: combining marks (stress) dropped,
     * apostrophes as ', and for Ukrainian ґ as г (UkrainianMorfologikAnalyzer's char filter). Returns the length.
     */
    static int lower(String text, int from, int to, char[] buf, boolean ukrainian) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            byte cls = Tokens.CLASS[c];
            if ((cls & Tokens.WORD) != 0) {
                char l = Character.toLowerCase(c);
                buf[n++] = ukrainian && l == '\u0491' ? '\u0433' : l;
            } else if (cls == Tokens.APOS) {
                buf[n++] = '\'';
            }
        }
        return n;
    }

    /** Stemming: the same tokeniser, then each token lower-cased, stemmed, hashed and looked up. */
    static Matcher stemmingMatcher(Input in, String kind) {
        String lang = in.lang();
        boolean uk = "uk".equals(lang);
        WordStemmer stemmer = wordStemmer(lang, kind);
        char[] buf0 = new char[256];
        long[] hashes = new long[16];
        Set<Long> all = new HashSet<>();
        List<String> written = new ArrayList<>();
        in.names().values().forEach(written::addAll);
        written.addAll(in.writtenKeywords());
        for (String w : written) {
            String p = w.startsWith("=") ? w.substring(1) : w;
            Tokens t = Tokens.of(p);
            for (int k = 0; k < t.count; k++) {
                int len = lower(p, t.start[k], t.end[k], buf0, uk);
                int n = stemmer.stem(buf0, len, hashes);
                for (int j = 0; j < n; j++) {
                    all.add(hashes[j]);
                }
            }
        }
        LongSet set = new LongSet(all);
        Tokens t = new Tokens();
        char[][] buf = {new char[256]};
        return story -> {
            t.reset();
            t.addField(0, story[0]);
            t.addField(1, story[1]);
            long hits = 0;
            for (int k = 0, n = t.count; k < n; k++) {
                int field = k >= t.fieldStart[1] ? 1 : 0;
                int from = t.start[k];
                int to = t.end[k];
                if (buf[0].length < to - from) {
                    buf[0] = new char[(to - from) * 2];
                }
                int len = lower(story[field], from, to, buf[0], uk);
                int m = stemmer.stem(buf[0], len, hashes);
                for (int j = 0; j < m; j++) {
                    if (set.contains(hashes[j])) {
                        hits++;
                        break;
                    }
                }
            }
            return hits;
        };
    }

    /** Lucene as it comes: the analyzer's own tokeniser and filters over the text, each term hashed and looked up. */
    static Matcher analyzerMatcher(Input in, Analyzer a) {
        Set<Long> all = new HashSet<>();
        List<String> written = new ArrayList<>();
        in.names().values().forEach(written::addAll);
        written.addAll(in.writtenKeywords());
        for (String w : written) {
            terms(a, w.startsWith("=") ? w.substring(1) : w, all::add);
        }
        LongSet set = new LongSet(all);
        long[] hits = new long[1];
        java.util.function.LongConsumer count = h -> {
            if (set.contains(h)) {
                hits[0]++;
            }
        };
        return story -> {
            hits[0] = 0;
            terms(a, story[0], count::accept);
            terms(a, story[1], count::accept);
            return hits[0];
        };
    }

    private static void terms(Analyzer a, String text, java.util.function.LongConsumer out) {
        try (TokenStream ts = a.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.accept(hash(term.buffer(), term.length()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stories per CPU-second of this thread: warm-up, then the median of {@code runs} runs of {@code seconds}. */
    static double rate(Matcher m, List<String[]> stories, double warmup, double seconds, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        int i = 0;
        long warmEnd = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warmEnd) {
            sink += m.run(stories.get(i));
            i = (i + 1) % stories.size();
        }
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long n = 0;
            do {
                for (int k = 0; k < 20; k++) {
                    sink += m.run(stories.get(i));
                    i = (i + 1) % stories.size();
                }
                n += 20;
            } while (System.nanoTime() < end);
            rates[r] = n / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(rates);
        return rates[runs / 2];
    }

    static double hits(Matcher m, List<String[]> stories) {
        long n = 0;
        for (String[] s : stories) {
            n += m.run(s);
        }
        return n / (double) stories.size();
    }

    static int tokens(List<String[]> stories) {
        Tokens t = new Tokens();
        long n = 0;
        for (String[] s : stories) {
            t.reset();
            t.addField(0, s[0]);
            t.addField(1, s[1]);
            n += t.count;
        }
        return (int) (n / stories.size());
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Taxonomy base = taxonomy();
        Map<String, Story> stories = storiesByName();
        List<String> table = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (String lang : LANGUAGES) {
            for (Stemmer s : stemmers(lang)) {
                Result r = compare(base, lang, s);
                printCorrectness(r, stories, s.analyzer());
                summary.add(String.format(Locale.ROOT, "| %s | %s | %d / %d of %d | %d / %d | %d / %d | %d / %d |", lang,
                        s.name(), r.foundGenerated(), r.foundStemmed(), r.expectedEntities(),
                        r.generated().entityMentions(), r.stemmed().entityMentions(),
                        r.generated().keywordMentions(), r.stemmed().keywordMentions(),
                        r.generated().unlabelled(stories).size(), r.stemmed().unlabelled(stories).size()));
            }
        }
        System.out.println();
        System.out.println("| language | stemmer | labelled entities found, generation / stemming | name mentions "
                + "| keyword mentions | mentions the labels do not call for |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        summary.forEach(System.out::println);
        if (seconds <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "%n### Speed: one thread, CPU time, 50 stories of ~600 words per language, "
                + "median of %d runs of %.1f s after %.1f s of warm-up%n", runs, seconds, seconds);
        System.out.println("(hits: tokens per story whose key is in the set; extra: CPU per story over generated forms)");
        for (String lang : LANGUAGES) {
            Input in = input(base, lang);
            List<String[]> bench = benchStories(lang, 50, 600);
            Matcher gm = generatedMatcher(in);
            double g = rate(gm, bench, seconds, seconds, runs);
            System.out.printf(Locale.ROOT, "%s (%d tokens per story): generated forms %,.0f stories/s, %.1f hits%n", lang,
                    tokens(bench), g, hits(gm, bench));
            for (Stemmer s : stemmers(lang)) {
                Matcher sm = stemmingMatcher(in, s.name());
                double st = rate(sm, bench, seconds, seconds, runs);
                Matcher am = analyzerMatcher(in, s.analyzer());
                double an = rate(am, bench, seconds, seconds, runs);
                System.out.printf(Locale.ROOT, "  %s: wiretag's tokeniser + stemmer %,.0f stories/s (%.2fx, extra %.0f µs, "
                        + "%.1f hits); Lucene analyzer end to end %,.0f stories/s (%.2fx, extra %.0f µs, %.1f hits)%n",
                        s.name(), st, st / g, 1e6 / st - 1e6 / g, hits(sm, bench), an, an / g, 1e6 / an - 1e6 / g,
                        hits(am, bench));
                table.add(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %.2f | %.0f | %,.0f |", lang, s.name(), g,
                        st, st / g, 1e6 / st - 1e6 / g, an));
            }
        }
        System.out.println();
        System.out.println("| language | stemmer | generated forms, stories/s | stemming, stories/s | ratio "
                + "| extra µs per story | Lucene analyzer end to end, stories/s |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        table.forEach(System.out::println);
    }
}
