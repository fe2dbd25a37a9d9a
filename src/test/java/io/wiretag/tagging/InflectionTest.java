package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.Story;
import io.wiretag.story.StoryDraft;
import io.wiretag.story.Tags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated inflected forms, and what a story in each language gets from them. */
class InflectionTest {
    private static void hasAll(String lang, String phrase, String... forms) {
        Set<String> got = Inflection.forms(lang, phrase);
        for (String f : forms) {
            assertTrue(got.contains(f), lang + " " + phrase + ": no " + f + " in " + got);
        }
    }

    @Test
    void russianNounsAndAdjectivesDecline() {
        hasAll("ru", "Украина", "Украины", "Украине", "Украину", "Украиной");
        hasAll("ru", "Россия", "России", "Россию", "Россией");
        hasAll("ru", "Кремль", "Кремля", "Кремле");
        hasAll("ru", "Путин", "Путина", "Путину", "Путиным");
        hasAll("ru", "Зеленский", "Зеленского", "Зеленскому", "Зеленским");
        hasAll("ru", "Белый дом", "Белого дома", "Белом доме");
        hasAll("ru", "Соединенные Штаты", "Соединенных Штатов", "Соединенным Штатам");
        hasAll("ru", "грузинский", "грузинское", "грузинская", "грузинских");
    }

    @Test
    void ukrainianNounsDeclineWithTheVowelAlternation() {
        hasAll("uk", "Харків", "Харкова", "Харкову", "Харкові");
        hasAll("uk", "Київ", "Києва", "Києві");
        hasAll("uk", "Україна", "України", "Україні", "Україну");
        hasAll("uk", "Америка", "Америці");
        hasAll("uk", "Росія", "Росії", "Росію");
        hasAll("uk", "Запорізька АЕС", "Запорізької АЕС", "Запорізькій АЕС");
    }

    @Test
    void russianAndUkrainianCommonNounsAlsoDeclineInThePlural() {
        hasAll("ru", "дрон", "дроны", "дронов", "дронам", "дронами", "дронах");
        hasAll("ru", "ракета", "ракеты", "ракет", "ракетами", "ракетах");
        hasAll("ru", "беспилотник", "беспилотники", "беспилотников", "беспилотниками");
        hasAll("ru", "посольство", "посольства", "посольству", "посольстве", "посольств", "посольствами");
        hasAll("ru", "соглашение", "соглашения", "соглашений", "соглашениям");
        hasAll("ru", "санкция", "санкции", "санкций", "санкциями");
        hasAll("ru", "ракетный удар", "ракетные удары", "ракетных ударов", "ракетными ударами");
        hasAll("uk", "дрон", "дрони", "дронів", "дронами", "дронах");
        hasAll("uk", "ракета", "ракети", "ракет", "ракетами");
        hasAll("uk", "посольство", "посольства", "посольств", "посольствах");
        hasAll("uk", "зустріч", "зустрічі", "зустрічей", "зустрічами");
        hasAll("uk", "ракетний удар", "ракетні удари", "ракетних ударів");
        // Names keep to the singular: a plural of one name could be a case of another.
        assertTrue(!Inflection.forms("ru", "Путин").contains("Путины"));
        assertTrue(!Inflection.forms("uk", "Харків").contains("Харківи"));
        // Adjectives are not given noun plurals.
        assertTrue(!Inflection.forms("ru", "грузинское").contains("грузинска"));
    }

    @Test
    void germanFrenchSpanishEndings() {
        hasAll("de", "Russland", "Russlands");
        hasAll("de", "Selenskyj", "Selenskyjs");
        hasAll("de", "russisch", "russische", "russischen");
        hasAll("de", "Krieg", "Krieges", "Kriegs");
        hasAll("de", "Atomkraftwerk Saporischschja", "Atomkraftwerks Saporischschja");
        hasAll("fr", "Ukraine", "l'Ukraine", "d'Ukraine");
        hasAll("fr", "ukrainien", "ukrainienne", "ukrainiens");
        hasAll("es", "ruso", "rusa", "rusos");
        hasAll("es", "francés", "francesa", "franceses");
    }

    @Test
    void acronymsAndLiteralsStayAsWritten() {
        assertEquals(Set.of("НАТО"), Inflection.forms("ru", "НАТО"));
        assertEquals(Set.of("санкций"), Inflection.forms("ru", "=санкций"));
        assertEquals(Set.of("war"), Inflection.forms("en", "war"));
    }

    private static Story story(String lang, String headline, String body) {
        StoryDraft d = new StoryDraft();
        d.provider = "test";
        d.guid = headline;
        d.headline = headline;
        d.paragraphs.add(body);
        d.language = lang;
        return d.build(new StoryDraft.Delivery(new byte[0], "test", "test", "test", Instant.EPOCH, null, "UTF-8"));
    }

    @Test
    void namesOfALanguageApplyOnlyToStoriesInIt(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("entities"));
        Files.createDirectories(dir.resolve("languages"));
        Files.writeString(dir.resolve("entities/e.json"), "[{\"id\":\"ukraine\",\"name\":\"Ukraine\",\"type\":\"country\"}]",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("languages/uk.json"), "{\"id\":\"uk\",\"source\":\"test\",\"names\":{\"ukraine\":[\"Україна\"]}}",
                StandardCharsets.UTF_8);
        Tagger t = Tagger.compile(Taxonomy.load(dir));
        assertEquals(List.of("ukraine"), t.tag(story("uk", "Візит до України", "Прем'єр прибув до України.")).entityIds());
        assertEquals(List.of(), t.tag(story("ru", "Визит", "Премьер прибув до України.")).entityIds(),
                "a Ukrainian form in a Russian story is not matched");
        assertTrue(t.explain(story("uk-UA", "Візит до України", "Текст.")).render()
                .contains("\"України\" (form of \"Україна\")"));
    }

    @Test
    void aDemonymSpelledLikeACapitalisedNameOfTheSameCountryMatchesInLowerCase() throws Exception {
        Tagger t = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
        // Spanish "danés" folds to the English alias "Danes"; French "afghan" is the English "Afghan".
        assertEquals(List.of("denmark"), t.tag(story("es", "Elecciones", "El gobierno danés convocó elecciones.")).entityIds());
        assertEquals(List.of("afghanistan"), t.tag(story("fr", "Aide", "Le gouvernement afghan demande de l'aide.")).entityIds());
        assertEquals(List.of("switzerland"), t.tag(story("es", "Banca", "La banca suiza cerró con ganancias.")).entityIds());
    }

    @Test
    void aFrenchStoryElidesTheArticleBeforeTheGazetteersOwnNames() throws Exception {
        Tagger t = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
        Tags tags = t.tag(story("fr", "Ligue 1", "Le Paris Saint-Germain a battu l'Olympique de Marseille, selon les "
                + "dirigeants d'Airbus et d'un club."));
        assertEquals(List.of("airbus", "olympique-de-marseille", "paris-saint-germain"), tags.entityIds().stream().sorted().toList());
        assertEquals(List.of("l'Olympique de Marseille"), tags.entities().stream()
                .filter(e -> e.id().equals("olympique-de-marseille")).findFirst().orElseThrow()
                .mentions().stream().map(io.wiretag.story.Mention::text).toList());
        // Not an acronym ("d'un" is no "d'UN"), not before an h, which French does not elide there ("du Hamas"),
        // and not in another language's story.
        assertFalse(t.tag(story("fr", "Gaza", "Le chef d'Hamas a parlé.")).entityIds().contains("hamas"));
        assertFalse(t.tag(story("en", "Ligue 1", "A fan of l'Olympique de Marseille.")).entityIds().contains("olympique-de-marseille"));
    }

    @Test
    void majorCitiesAreNamedInEveryLanguageInTheirCases() {
        Tagger t = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
        assertEquals(List.of("novosibirsk", "yekaterinburg", "kazan", "rostov-on-don"), t.tag(story("ru", "Акции",
                "Акции прошли в Новосибирске, Екатеринбурге и Казани. Беспилотник упал в Ростове-на-Дону.")).entityIds());
        assertEquals(List.of("novosibirsk", "yekaterinburg", "nizhny-novgorod", "rostov-on-don"), t.tag(story("uk", "Акції",
                "Акції пройшли в Новосибірську, Єкатеринбурзі та Нижньому Новгороді. Безпілотник упав у Ростові-на-Дону."))
                .entityIds());
        assertEquals(List.of("cologne", "strasbourg", "krakow"), t.tag(story("de", "Proteste",
                "In Köln, Straßburg und Krakau gab es Proteste.")).entityIds());
        assertEquals(List.of("strasbourg", "antwerp"), t.tag(story("fr", "Réunion", "Les ministres se sont réunis à "
                + "Strasbourg puis à Anvers.")).entityIds());
    }

    @Test
    void theSelfProclaimedRepublicsAreTheirOblastsAndUkrainianOutletsAreKnownInTheirLanguages() {
        Tagger t = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
        assertEquals(List.of("donetsk-oblast", "ukrainska-pravda", "rbc-ukraine"), t.tag(story("en", "Claims",
                "The self-proclaimed Donetsk People's Republic claimed Marinka, Ukrainska Pravda reported, citing "
                        + "RBC-Ukraine.")).entityIds());
        assertEquals(List.of("donetsk-oblast", "ukrainska-pravda"), t.tag(story("uk", "Заява",
                "Так звана ДНР заявила про захоплення, повідомляє Українська правда.")).entityIds());
        assertEquals(List.of("ukrainska-pravda", "luhansk-oblast"), t.tag(story("ru", "Заявление",
                "По данным Украинской правды, в ЛНР объявили о захвате.")).entityIds());
    }

    @Test
    void aGermanNounKeywordNamesOnlyACapitalisedWord() {
        Tagger t = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
        // "zu kämpfen haben" is to struggle; "Kämpfen", a form of the keyword "Kämpfe", is battles.
        Story prices = story("de", "Preise steigen", "Viele Betriebe in der Ukraine haben mit hohen Preisen zu kämpfen.");
        assertEquals(List.of(), t.tag(prices).topicIds());
        Story fighting = story("de", "Lage im Osten", "Bei schweren Kämpfen im Osten der Ukraine wurden Soldaten verletzt.");
        assertEquals(List.of("ukraine-war"), t.tag(fighting).topicIds());
        // Other languages write nouns in lower case: their keywords name any word.
        Story french = story("fr", "Situation dans l'est", "De violents combats ont eu lieu dans l'est de l'Ukraine.");
        assertEquals(List.of("ukraine-war"), t.tag(french).topicIds());
    }

    @Test
    void germanStoriesDoNotReadEnglishKeywords() throws Exception {
        Taxonomy shipped = Taxonomy.load(Path.of("config/taxonomy"));
        Tagger t = Tagger.compile(shipped);
        // "war" is German for "was": with English keywords this would be a war story.
        Story de = story("de", "Selenskyj in Berlin", "Es war ein ruhiger Besuch, sagte Selenskyj in Berlin über "
                + "die Ukraine und Russland.");
        assertEquals(List.of(), t.tag(de).topicIds());
        String explained = t.explain(story("de", "Krieg in der Ukraine", "Russlands Krieg gegen die Ukraine geht weiter.")).render();
        assertTrue(explained.contains("language de: names of de added, de keywords"), explained);
        assertTrue(explained.contains("\"Russlands\" (form of \"Russland\")"), explained);
    }
}
