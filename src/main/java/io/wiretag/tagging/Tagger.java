package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Story;
import io.wiretag.story.Tags;
import io.wiretag.story.TopicTag;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tags a story with the entities it names and the topics it covers, from a compiled {@link Taxonomy}.
 * Names are found by one pass over the story's tokens through a token trie, so the cost per story does not
 * grow with the number of aliases. Immutable and thread-safe (each thread reuses its own scratch space).
 *
 * <p>This class only wires the stages, in the order the data flows: {@link Gazetteer} (the compiled names
 * and keywords), {@link PhraseMatcher} (finds them), {@link EntityResolver} (what each name stands for),
 * {@link EntityTags} (mentions and relevance), {@link NameFinder} (the names the gazetteer does not know,
 * as unlinked entities), {@link TopicRules} and {@link TopicScorer} (topics).
 *
 * <p>A story in a language the taxonomy has names or keywords for is tagged by a tagger compiled from that
 * language's {@link LanguageView} (one per language, built once); other stories by the taxonomy as written.
 */
public final class Tagger {
    static final int HEADLINE = 0;
    static final int BODY = 1;

    private static final Comparator<EntityTag> BY_RELEVANCE = Comparator.comparingDouble(EntityTag::relevance).reversed();

    private final Taxonomy taxonomy;
    private final Gazetteer gazetteer;
    private final PhraseMatcher matcher;
    private final EntityResolver resolver;
    private final EntityTags entityTags;
    private final NameFinder nameFinder;
    private final ForeignNames foreignNames;
    private final CyrillicNames cyrillicNames;
    private final ArticleClubs articleClubs;
    private final TopicScorer scorer;
    private final ThreadLocal<Scratch> scratch;
    /** The language this tagger is for (null: the taxonomy as written), and its taggers per language. */
    private final String language;
    private final Map<String, Tagger> byLanguage;
    /** Generated form to the name or keyword it was made from, for explanations. */
    private final Map<String, String> formOf;
    private final String version;

    private Tagger(Taxonomy taxonomy) {
        this(taxonomy, null, Map.of(), taxonomy.version());
    }

    private Tagger(Taxonomy taxonomy, String language, Map<String, String> formOf, String version) {
        this.taxonomy = taxonomy;
        this.language = language;
        this.formOf = formOf;
        this.version = version;
        Map<String, Tagger> langs = new HashMap<>();
        if (language == null) {
            for (String lang : LanguageView.languages(taxonomy)) {
                LanguageView.View v = LanguageView.of(taxonomy, lang);
                langs.put(lang, new Tagger(v.taxonomy(), lang, v.formOf(), taxonomy.version()));
            }
        }
        this.byLanguage = Map.copyOf(langs);
        Gazetteer gz = new Gazetteer(taxonomy, "de".equals(language));
        TopicRules rules = new TopicRules(taxonomy, gz);
        this.gazetteer = gz;
        this.matcher = new PhraseMatcher(gz);
        this.resolver = new EntityResolver(gz);
        this.entityTags = new EntityTags(gz);
        // Its cues (titles, given names, "Ministry", "in") are English: other languages get linked names only,
        // and their taggers no name finder (with 100,000 people in the gazetteer, its tables are megabytes).
        this.nameFinder = language == null || language.equals("en") ? new NameFinder(gz, NameCues.shipped()) : null;
        // German, French and Spanish stories get people by their titles and given names (ForeignNames).
        this.foreignNames = language != null && ForeignNames.supports(language) ? new ForeignNames(language, gz, formOf) : null;
        // Russian and Ukrainian stories get people by their given names, in whatever case (CyrillicNames).
        this.cyrillicNames = language != null && CyrillicNames.supports(language) ? new CyrillicNames(language) : null;
        // Spanish stories get clubs by their article ("al Barcelona").
        this.articleClubs = ArticleClubs.of(language, gz);
        this.scorer = new TopicScorer(rules, gz);
        int entities = gz.entities.length;
        int keywords = gz.keywordCount();
        int maskWords = rules.maskWords;
        int sharedNames = gz.shared.size();
        scratch = ThreadLocal.withInitial(() -> new Scratch(entities, keywords, maskWords, sharedNames));
    }

    /** The field a token is in: {@link #HEADLINE} or {@link #BODY}. */
    static int field(Tokens tk, int token) {
        return token < tk.fieldStart[BODY] ? HEADLINE : BODY;
    }

    /** The text of the field a token is in: the headline or the body. */
    static String source(Tokens tk, int token, String headline, String body) {
        return field(tk, token) == HEADLINE ? headline : body;
    }

    /** The text of tokens {@code first} to {@code last} of one field, as the story writes it. */
    static String span(Tokens tk, int first, int last, String headline, String body) {
        String text = source(tk, first, headline, body);
        return text.substring(tk.start[first], tk.nameEnd(last, text));
    }

    public static Tagger compile(Taxonomy taxonomy) {
        return new Tagger(taxonomy);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Number of names (aliases, ignore phrases, shared names) the matcher knows. */
    public int aliasCount() {
        return gazetteer.aliasCount();
    }

    public Tags tag(Story story) {
        return forLanguage(story.language()).analyse(story, null);
    }

    /** Tags a story and explains every decision, for taxonomy editors. */
    public Explanation explain(Story story) {
        Tagger t = forLanguage(story.language());
        Explanation.Builder b = new Explanation.Builder();
        b.language(story.language(), t.language, t.formOf);
        Tags tags = t.analyse(story, b);
        return b.build(story, tags);
    }

    /**
     * The known and the unlinked entities in one list, most relevant first, a known entity before an unlinked
     * one of the same relevance (as a stable sort of both would give). The known ones come in that order
     * already (by weight, which relevance follows), so only the few unlinked ones are sorted, then merged.
     */
    private static List<EntityTag> byRelevance(List<EntityTag> known, List<EntityTag> unlinked) {
        unlinked.sort(BY_RELEVANCE);
        int i = known.size() - 1;
        int j = unlinked.size() - 1;
        known.addAll(unlinked); // the list EntityTags made is this story's own: merged in place, from the back
        for (int k = known.size() - 1; j >= 0; k--) {
            known.set(k, i >= 0 && known.get(i).relevance() < unlinked.get(j).relevance() ? known.get(i--) : unlinked.get(j--));
        }
        return known;
    }

    /** The tagger for a story's language ("de", "de-AT"), or this one when it has none of its own. */
    Tagger forLanguage(String tag) {
        if (tag == null || byLanguage.isEmpty()) {
            return this;
        }
        int dash = tag.indexOf('-');
        String primary = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        return byLanguage.getOrDefault(primary, this);
    }

    /** The languages with a tagger of their own (names or keywords in the taxonomy). */
    public java.util.Set<String> languages() {
        return new java.util.TreeSet<>(byLanguage.keySet());
    }

    private Tags analyse(Story story, Explanation.Builder explain) {
        Scratch s = scratch.get();
        Tokens tk = s.tokens;
        tk.reset();
        s.storyDay = StoryDates.of(story);
        String headline = story.headline() == null ? "" : story.headline();
        String body = story.body() == null ? "" : story.body();
        tk.addField(HEADLINE, headline);
        tk.addField(BODY, body);
        int leadParagraph = tk.fieldStart[BODY] < tk.count ? tk.paragraph[tk.fieldStart[BODY]] : -1;
        matcher.matchNames(tk, s);
        matcher.matchWords(tk, s);
        try {
            resolver.resolve(tk, s, headline, body, leadParagraph, explain);
            if (articleClubs != null) {
                articleClubs.link(tk, s, headline, body, leadParagraph, explain);
            }
            // The name finder first: a lone surname of a person found in full joins that person's mentions.
            List<EntityTag> unlinked = nameFinder != null ? nameFinder.find(tk, s, headline, body, leadParagraph, explain)
                    : foreignNames != null ? foreignNames.find(tk, s, headline, body, leadParagraph, explain)
                    : cyrillicNames != null ? cyrillicNames.find(tk, s, headline, body, leadParagraph, explain) : List.of();
            List<EntityTag> entityList = entityTags.build(tk, s, headline, body, explain);
            if (!unlinked.isEmpty()) {
                entityList = byRelevance(entityList, unlinked);
            }
            List<TopicTag> topicTags = scorer.score(tk, s, leadParagraph, explain);
            return new Tags(entityList, topicTags, version);
        } finally {
            s.clear();
        }
    }
}
