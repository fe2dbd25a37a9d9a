package io.wiretag.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The taxonomy's names and words compiled for matching: every alias, ignore phrase and shared name in a token
 * trie with what it points to, and every keyword and cue in a second trie. Immutable once built.
 */
final class Gazetteer {
    static final byte TARGET_ENTITY = 0;
    static final byte TARGET_SHARED = 1;
    static final byte TARGET_IGNORE = 2;

    /** All-capital names that are also English words: in an all-capital field ("PUTIN TELLS US ...") they
     * count only when the story names the same entity elsewhere. */
    private static final Set<String> WORD_LIKE = Set.of("us", "who", "it", "am", "an", "as", "at", "be", "do",
            "go", "he", "in", "is", "me", "my", "no", "of", "on", "or", "so", "to", "up", "we", "aid", "oil");

    /**
     * A name several entries share ("Georgia"), with each candidate's cues; candidate -1 is "no entity".
     * Per candidate the first and last day it may be meant ({@link StoryDates#NONE} for open).
     */
    record Shared(String alias, int[] candidates, int[][] cues, boolean[] preferred, long[] from, long[] to) {
    }

    final EntityDef[] entities;

    final TokenTrie names = new TokenTrie();
    /** The first tokens of all names, so most words cost one bit test. */
    final TokenFilter rootFilter;
    /** First tokens of names written in lower case, which may start a match at a lower-case word. */
    final LongSet lowerStarts;
    final TokenFilter lowerFilter;
    private Set<Long> roots = new HashSet<>(); // while building
    /** Per alias id (parallel arrays, so matching reads no objects): its text, what it names, how it must be cased. */
    final List<String> aliasText = new ArrayList<>();
    byte[] aliasTarget = new byte[64];
    int[] aliasRef = new int[64];
    Phrase.Case[] aliasMode = new Phrase.Case[64];
    long[][] aliasExact = new long[64][];
    boolean[] aliasWordLike = new boolean[64];
    /** Whether the alias is one of its entity's demonyms ("Polish"): it counts for the entity but names no place. */
    boolean[] aliasDemonym = new boolean[64];

    final List<Shared> shared = new ArrayList<>();
    /** Keyword ids of {@link NameCues#SPORT_WORDS}. */
    final int[] sportWords;
    private final Map<String, String> sharedText = new HashMap<>();

    final TokenTrie words = new TokenTrie();
    /** The first tokens of keywords and cues. */
    final TokenFilter wordsFilter;
    private Set<Long> wordRoots = new HashSet<>(); // while building
    final List<String> keywordText = new ArrayList<>();
    private final Map<String, Integer> keywordIndex = new HashMap<>();
    /**
     * Whether the language writes its nouns with a capital (German): a keyword written so is a noun and names
     * only a capitalised word ("Kämpfen", battles, not "zu kämpfen haben", to struggle).
     */
    private final boolean nounsCapitalised;
    /** Per keyword id: a noun that only a capitalised word of the story is (see {@link #nounsCapitalised}). */
    final boolean[] keywordNoun;
    private BitSet nouns = new BitSet(); // while building
    private BitSet notNouns = new BitSet(); // while building

    Gazetteer(Taxonomy taxonomy) {
        this(taxonomy, false);
    }

    /** {@code nounsCapitalised}: the taxonomy is a view for a language that capitalises its nouns (German). */
    Gazetteer(Taxonomy taxonomy, boolean nounsCapitalised) {
        this.nounsCapitalised = nounsCapitalised;
        this.entities = taxonomy.entities().toArray(new EntityDef[0]);
        Map<String, Integer> aliasByKey = new HashMap<>();
        Map<String, List<int[]>> sharedCandidates = new HashMap<>();
        Map<String, List<int[]>> sharedCues = new HashMap<>();
        Map<String, List<Boolean>> sharedPreferred = new HashMap<>();
        Map<String, List<long[]>> sharedDates = new HashMap<>();
        Set<Long> lower = new HashSet<>();
        for (int e = 0; e < entities.length; e++) {
            List<String> all = new ArrayList<>();
            Set<String> ambiguousKeys = new HashSet<>();
            entities[e].ambiguous().forEach(a -> ambiguousKeys.add(Phrase.of(a.alias()).key()));
            if (!ambiguousKeys.contains(Phrase.of(entities[e].name()).key())) {
                all.add(entities[e].name()); // the name is an alias too, unless declared ambiguous ("Georgia")
            }
            all.addAll(entities[e].aliases());
            int names = all.size();
            all.addAll(entities[e].demonyms());
            for (int k = 0; k < all.size(); k++) {
                Phrase p = Phrase.of(all.get(k));
                Integer known = aliasByKey.get(p.key());
                if (p.lower().length > 0 && known == null) {
                    int id = addAlias(p, TARGET_ENTITY, e, lower);
                    aliasDemonym[id] = k >= names;
                    aliasByKey.put(p.key(), id);
                } else if (known != null && p.mode() == Phrase.Case.ANY && aliasMode[known] == Phrase.Case.CAPITALISED
                        && aliasTarget[known] == TARGET_ENTITY && aliasRef[known] == e) {
                    // The same entry's name also written in lower case (Spanish "Suiza" and "suiza", French
                    // "Afghan" and "afghan"): it matches in any case, as the lower-case one asks.
                    aliasMode[known] = Phrase.Case.ANY;
                    lower.add(p.lower()[0]);
                }
            }
            for (EntityDef.Ambiguous amb : entities[e].ambiguous()) {
                collectShared(amb, e, sharedCandidates, sharedCues, sharedPreferred, sharedDates);
            }
        }
        for (IgnoreDef ig : taxonomy.ignores()) {
            for (String phrase : ig.phrases()) {
                Phrase p = Phrase.of(phrase);
                if (p.lower().length > 0 && !aliasByKey.containsKey(p.key())) {
                    aliasByKey.put(p.key(), addAlias(p, TARGET_IGNORE, -1, lower));
                }
            }
            for (EntityDef.Ambiguous sense : ig.senses()) {
                collectShared(sense, -1, sharedCandidates, sharedCues, sharedPreferred, sharedDates);
            }
        }
        for (Map.Entry<String, List<int[]>> s : sharedCandidates.entrySet()) {
            List<int[]> cand = s.getValue();
            int[] ids = new int[cand.size()];
            int[][] cues = new int[cand.size()][];
            boolean[] pref = new boolean[cand.size()];
            long[] from = new long[cand.size()];
            long[] to = new long[cand.size()];
            for (int k = 0; k < cand.size(); k++) {
                ids[k] = cand.get(k)[0];
                cues[k] = sharedCues.get(s.getKey()).get(k);
                pref[k] = sharedPreferred.get(s.getKey()).get(k);
                from[k] = sharedDates.get(s.getKey()).get(k)[0];
                to[k] = sharedDates.get(s.getKey()).get(k)[1];
            }
            String text = sharedText.get(s.getKey());
            shared.add(new Shared(text, ids, cues, pref, from, to));
            if (!aliasByKey.containsKey(s.getKey())) {
                aliasByKey.put(s.getKey(), addAlias(Phrase.of(text), TARGET_SHARED, shared.size() - 1, lower));
            }
        }
        names.trim();
        lowerStarts = new LongSet(lower);
        lowerFilter = new TokenFilter(lower);
        rootFilter = new TokenFilter(roots);
        roots = null;
        // The topics' keywords join the cues here, in the order the topic rules name them, so the keyword
        // trie is complete (and its ids fixed) before any rule is compiled.
        for (TopicDef topic : taxonomy.topics()) {
            for (TopicDef.Rule rule : topic.rules()) {
                if ("together".equals(rule.kind())) {
                    for (TopicDef.Group g : rule.groups()) {
                        g.keywords().forEach(this::keyword);
                    }
                } else {
                    rule.keywords().forEach(this::keyword);
                }
            }
            topic.unless().forEach(this::keyword);
            topic.others().forEach(this::keyword); // matched so that their words count for no rule
        }
        // The name finder's words of sport: found by the same pass as the keywords, so telling a sports story
        // costs no scan of its own.
        sportWords = java.util.Arrays.stream(NameCues.SPORT_WORDS).mapToInt(this::keyword).distinct().toArray();
        words.trim();
        wordsFilter = new TokenFilter(wordRoots);
        wordRoots = null;
        keywordNoun = new boolean[keywordText.size()];
        for (int k = nouns.nextSetBit(0); k >= 0; k = nouns.nextSetBit(k + 1)) {
            keywordNoun[k] = !notNouns.get(k);
        }
        nouns = null;
        notNouns = null;
    }

    private static final int[] NONE = new int[0];

    /**
     * Each entity's affiliations, as entity numbers (Kyiv: Ukraine; the US Senate: the United States); one empty
     * array for all the entities without (most of a gazetteer of 100,000 names). Made by whoever reads them.
     */
    int[][] affiliations() {
        Map<String, Integer> index = new HashMap<>();
        for (int e = 0; e < entities.length; e++) {
            index.put(entities[e].id(), e);
        }
        int[][] out = new int[entities.length][];
        for (int e = 0; e < entities.length; e++) {
            List<String> of = entities[e].affiliations();
            out[e] = of.isEmpty() ? NONE : of.stream().filter(index::containsKey).mapToInt(index::get).toArray();
        }
        return out;
    }

    private void collectShared(EntityDef.Ambiguous amb, int entity, Map<String, List<int[]>> candidates,
                               Map<String, List<int[]>> cues, Map<String, List<Boolean>> preferred,
                               Map<String, List<long[]>> dates) {
        Phrase p = Phrase.of(amb.alias());
        if (p.lower().length == 0) {
            return;
        }
        String key = p.key();
        sharedText.putIfAbsent(key, amb.alias());
        int[] cueIds = java.util.stream.IntStream.concat(amb.cues().stream().mapToInt(this::keyword),
                amb.cuesBeside().stream().mapToInt(c -> keyword(c) | EntityResolver.BESIDE_CUE)).distinct().toArray();
        long from = StoryDates.parse(amb.from(), false);
        long to = StoryDates.parse(amb.to(), true);
        List<int[]> cand = candidates.computeIfAbsent(key, k -> new ArrayList<>());
        for (int k = 0; entity >= 0 && k < cand.size(); k++) {
            if (cand.get(k)[0] == entity) {
                // The same entry again under a spelling that folds to the same name ("Kaczyński", "Kaczynski"):
                // one candidate with both cue lists and the wider dates, or it would tie with itself.
                List<int[]> c = cues.get(key);
                c.set(k, java.util.stream.IntStream.concat(java.util.Arrays.stream(c.get(k)),
                        java.util.Arrays.stream(cueIds)).distinct().toArray());
                preferred.get(key).set(k, preferred.get(key).get(k) || amb.preferred());
                long[] d = dates.get(key).get(k);
                d[0] = d[0] == StoryDates.NONE || from == StoryDates.NONE ? StoryDates.NONE : Math.min(d[0], from);
                d[1] = d[1] == StoryDates.NONE || to == StoryDates.NONE ? StoryDates.NONE : Math.max(d[1], to);
                return;
            }
        }
        cand.add(new int[] {entity});
        cues.computeIfAbsent(key, k -> new ArrayList<>()).add(cueIds);
        preferred.computeIfAbsent(key, k -> new ArrayList<>()).add(amb.preferred());
        dates.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {from, to});
    }

    private int addAlias(Phrase p, byte target, int ref, Set<Long> lowerStarts) {
        int id = aliasText.size();
        if (id == aliasTarget.length) {
            int n = id * 2;
            aliasTarget = Arrays.copyOf(aliasTarget, n);
            aliasRef = Arrays.copyOf(aliasRef, n);
            aliasMode = Arrays.copyOf(aliasMode, n);
            aliasExact = Arrays.copyOf(aliasExact, n);
            aliasWordLike = Arrays.copyOf(aliasWordLike, n);
            aliasDemonym = Arrays.copyOf(aliasDemonym, n);
        }
        aliasText.add(p.text());
        aliasWordLike[id] = p.mode() == Phrase.Case.EXACT && p.lower().length == 1
                && WORD_LIKE.contains(p.text().replace(".", "").toLowerCase(Locale.ROOT));
        aliasTarget[id] = target;
        aliasRef[id] = ref;
        aliasMode[id] = p.mode();
        aliasExact[id] = p.mode() == Phrase.Case.EXACT ? p.exact() : null;
        names.add(p.lower(), id);
        long first = p.lower()[0];
        roots.add(first);
        if (p.mode() == Phrase.Case.ANY) {
            lowerStarts.add(first);
        }
        return id;
    }

    /** The id of a keyword or cue phrase, adding it to the keyword trie the first time. */
    private int keyword(String text) {
        Phrase p = Phrase.of(text);
        String key = p.lowerKey();
        Integer id = keywordIndex.get(key);
        if (id == null) {
            id = keywordText.size();
            keywordText.add(text);
            keywordIndex.put(key, id);
            if (p.lower().length > 0) {
                words.add(p.lower(), id);
                wordRoots.add(p.lower()[0]);
            }
        }
        if (nounsCapitalised) {
            // Written with a capital, a noun; the same words written in lower case too, any word.
            String written = text.startsWith("=") ? text.substring(1) : text;
            (!written.isEmpty() && Character.isUpperCase(written.charAt(0)) ? nouns : notNouns).set(id);
        }
        return id;
    }

    /** The id of a keyword of a topic rule; every one was added when the gazetteer was built. */
    int keywordId(String text) {
        Integer id = keywordIndex.get(Phrase.of(text).lowerKey());
        if (id == null) {
            throw new IllegalStateException("keyword not compiled: " + text);
        }
        return id;
    }

    int keywordCount() {
        return keywordText.size();
    }

    int aliasCount() {
        return aliasText.size();
    }
}
