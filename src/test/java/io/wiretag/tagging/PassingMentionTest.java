package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretag.story.Story;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The war topic is {@code not_in_passing}: a story that says one sentence of the war, past its opening, under a
 * headline that names nothing Ukrainian and no word of war, is about something else. Most stories below are
 * told twice, once with the passing sentence alone and once with what makes it a report of the war.
 */
class PassingMentionTest {
    private static Tagger tagger;

    @BeforeAll
    static void compile() {
        tagger = Tagger.compile(Taxonomy.load(Path.of("config/taxonomy")));
    }

    private static boolean war(Story s) {
        return tagger.tag(s).topicIds().contains("ukraine-war");
    }

    private static final String FESTIVAL_LEAD = "The city's film critics gave their annual awards on Sunday night in a "
            + "packed hall, with documentaries taking most of the prizes.\n\n";
    private static final String FESTIVAL_END = "\n\nThe best feature went to a road movie shot in the Carpathians. "
            + "Organisers said tickets had sold out within a day.\n\nThe jury was chaired by a veteran editor.";

    @Test
    void oneSentenceOfTheWarDeepInAFestivalReportIsAPassingMention() {
        Story s = NameFinderSetTest.story("fest", "2024-10-21", "Critics name the year's best films", FESTIVAL_LEAD
                + "A special prize honoured a director who was killed by Russian troops in Mariupol in 2022." + FESTIVAL_END);
        assertFalse(war(s), () -> tagger.tag(s).topicIds().toString());
        String report = tagger.explain(s).render();
        assertTrue(report.contains("not this topic: named in passing"), report);
    }

    @Test
    void aSecondSentenceThatSpeaksOfTheWarMakesItAReportOfTheWar() {
        Story s = NameFinderSetTest.story("fest2", "2024-10-21", "Critics name the year's best films", FESTIVAL_LEAD
                + "A special prize honoured a director who was killed by Russian troops in Mariupol in 2022. "
                + "Three of the winning films were shot on the front line." + FESTIVAL_END);
        assertTrue(war(s), () -> tagger.explain(s).render());
    }

    @Test
    void aHeadlineThatNamesUkraineMakesTheOneSentenceCount() {
        Story s = NameFinderSetTest.story("fest3", "2024-10-21", "Ukraine's film critics name the year's best films",
                FESTIVAL_LEAD + "A special prize honoured a director who was killed by Russian troops in Mariupol in 2022."
                        + FESTIVAL_END);
        assertTrue(war(s), () -> tagger.explain(s).render());
    }

    @Test
    void aHeadlineThatNamesOnlyRussiaLeavesOneSentenceFurtherDownAPassingMention() {
        String body = "Crowds lined Red Square on Friday as the parade marked 80 years since the Soviet victory over "
                + "Nazi Germany.\n\nForeign leaders watched from the stands. Among those marching were soldiers who had "
                + "fought in Ukraine.\n\nThe parade ended with a fly-past.";
        Story s = NameFinderSetTest.story("parade", "2025-05-09", "Moscow holds Victory Day parade", body);
        assertFalse(war(s), () -> tagger.explain(s).render());
        Story front = NameFinderSetTest.story("parade2", "2025-05-09", "Moscow holds Victory Day parade", body
                .replace("The parade ended", "Drones were banned over the city for fear of Ukrainian attacks. The parade ended"));
        assertTrue(war(front), () -> tagger.explain(front).render());
    }

    @Test
    void theBodysFirstSentenceSaysWhatTheStoryIsAboutEvenWhenItIsTheOnlyOne() {
        Story s = NameFinderSetTest.story("talks", "2023-03-01", "Erdogan offers to host talks",
                "Turkish President Recep Tayyip Erdogan said Turkey was ready to host peace talks between Russia and "
                        + "Ukraine to end the war.\n\nHe spoke after a cabinet meeting in Ankara. His office gave no date.");
        assertTrue(war(s), () -> tagger.explain(s).render());
    }

    @Test
    void aCentralBanksReasonInTheLeadsSecondSentenceIsAPassingMentionInGerman() {
        String body = "Die Europäische Zentralbank lässt ihre Leitzinsen unverändert, obwohl die Teuerung im März auf 7,5 "
                + "Prozent gestiegen ist. Präsidentin Christine Lagarde begründete das Abwarten mit dem Krieg in der "
                + "Ukraine, der das Wachstum bremse.\n\nDie Anleihekäufe sollen im dritten Quartal enden. Einen genauen "
                + "Termin nannte die Notenbank nicht.";
        Story calm = MultilingualSetTest.story("ezb", "EZB hält still", body, "de");
        assertFalse(war(calm), () -> tagger.explain(calm).render());
        Story war = MultilingualSetTest.story("ezb2", "EZB hält still", body.replace("Einen genauen",
                "Russische Angriffe auf Häfen verteuern Getreide. Einen genauen"), "de");
        assertTrue(war(war), () -> tagger.explain(war).render());
    }
}
