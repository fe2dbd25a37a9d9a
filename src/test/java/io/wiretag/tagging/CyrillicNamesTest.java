package io.wiretag.tagging;

import static io.wiretag.tagging.ForeignNamesTest.entity;
import static io.wiretag.tagging.ForeignNamesTest.mentions;
import static io.wiretag.tagging.ForeignNamesTest.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wiretag.story.Tags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** People the gazetteer does not know, in Russian and Ukrainian stories, named in the nominative whatever the case. */
class CyrillicNamesTest {
    private static Tagger tagger;

    @BeforeAll
    static void compile() {
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    @Test
    void aRussianNameInAnyCaseIsOnePersonNamedInTheNominative() {
        Tags tags = tagger.tag(MultilingualSetTest.story("ru", "Мэр Олег Кравцов представил бюджет",
                "Бюджет города представил мэр Олег Кравцов. По словам Олега Кравцова, школы получат больше. "
                        + "Депутаты поблагодарили Кравцова, а встречу с Ириной Соколовой перенесли. "
                        + "Кравцов ответил на вопросы.", "ru"));
        assertEquals(List.of("unlinked:person:irina-sokolova", "unlinked:person:oleg-kravtsov"), unlinked(tags));
        assertEquals("Олег Кравцов", entity(tags, "unlinked:person:oleg-kravtsov").name());
        assertEquals(List.of("Олег Кравцов", "Олег Кравцов", "Олега Кравцова", "Кравцова", "Кравцов"),
                mentions(tags, "unlinked:person:oleg-kravtsov"));
        assertEquals("Ирина Соколова", entity(tags, "unlinked:person:irina-sokolova").name());
        assertEquals(List.of("Ириной Соколовой"), mentions(tags, "unlinked:person:irina-sokolova"));
    }

    @Test
    void aUkrainianNameIsNamedInTheNominativeAndItsIdFollowsTheNationalTransliteration() {
        Tags tags = tagger.tag(MultilingualSetTest.story("uk", "Голова громади звітував",
                "Голова громади Дмитро Шевченко звітував перед депутатами. Дмитра Шевченка підтримала директорка "
                        + "школи Юлія Ярошинська. Шевченкові передали листи, а Юлією Ярошинською опікуються "
                        + "батьки учнів. Василь Гребенюк мовчав.", "uk"));
        assertEquals(List.of("unlinked:person:dmytro-shevchenko", "unlinked:person:vasyl-hrebeniuk",
                "unlinked:person:yuliia-yaroshynska"), unlinked(tags));
        assertEquals(List.of("Дмитро Шевченко", "Дмитра Шевченка", "Шевченкові"),
                mentions(tags, "unlinked:person:dmytro-shevchenko"));
        assertEquals("Юлія Ярошинська", entity(tags, "unlinked:person:yuliia-yaroshynska").name());
        assertEquals(List.of("Юлія Ярошинська", "Юлією Ярошинською"), mentions(tags, "unlinked:person:yuliia-yaroshynska"));
    }

    @Test
    void aPersonTheGazetteerKnowsIsNotFoundAgainAndAGivenNameAloneIsNoPerson() {
        Tags tags = tagger.tag(MultilingualSetTest.story("uk", "Синєгубов: ворог атакував Харків",
                "Начальник ОВА Олег Синєгубов повідомив про удар. Олег прийшов до укриття. За словами Синєгубова, "
                        + "постраждалих немає.", "uk"));
        assertEquals(List.of(), unlinked(tags));
        assertEquals(List.of("Синєгубов", "Олег Синєгубов", "Синєгубова"), mentions(tags, "oleh-syniehubov"));
    }

    @Test
    void surnamesLoseTheirCaseEndingsByTheirShape() {
        // A man's -ов, -ский and consonant stems; a woman's -ова and -ская; Ukrainian -енко and -ський.
        assertEquals("Гладков", CyrillicNames.nominative("Гладковым", false, CyrillicNames.INS, false));
        assertEquals("Зеленский", CyrillicNames.nominative("Зеленского", false, CyrillicNames.GEN, false));
        assertEquals("Трамп", CyrillicNames.nominative("Трампу", false, CyrillicNames.DAT, false));
        assertEquals("Гайдай", CyrillicNames.nominative("Гайдая", false, CyrillicNames.GEN, false));
        assertEquals("Иванова", CyrillicNames.nominative("Ивановой", true, CyrillicNames.GEN, false));
        assertEquals("Лановская", CyrillicNames.nominative("Лановскую", true, CyrillicNames.ACC, false));
        assertEquals("Шевченко", CyrillicNames.nominative("Шевченка", false, CyrillicNames.GEN, true));
        assertEquals("Попко", CyrillicNames.nominative("Попка", false, CyrillicNames.GEN, true));
        assertEquals("Ковальчук", CyrillicNames.nominative("Ковальчука", false, CyrillicNames.GEN, true));
        assertEquals("Зеленський", CyrillicNames.nominative("Зеленському", false, CyrillicNames.DAT, true));
        // In the nominative, or a woman's name of a shape that does not decline, the surname stays as written.
        assertEquals("Гладкова", CyrillicNames.nominative("Гладкова", true, CyrillicNames.NOM, false));
        assertEquals("Ковальчук", CyrillicNames.nominative("Ковальчук", true, CyrillicNames.GEN, true));
        assertEquals("Кореняко", CyrillicNames.nominative("Кореняко", false, CyrillicNames.GEN, false));
    }
}
