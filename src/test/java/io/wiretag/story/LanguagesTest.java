package io.wiretag.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Language detection on headline and lead, and the declared language winning over it. */
class LanguagesTest {
    /**
     * Stream threads of one instance detect at the same time. Lingua hands each text's n-gram work to the
     * common fork-join pool and waits; with that pool's parallelism at 0 (shipped for one release, to run the
     * work on the caller) threads detecting at once could wait for ever, and a pipeline with two stream threads
     * sent nothing on. A race, but with that setting this test failed in 3 runs of 3.
     */
    @Test
    void severalThreadsDetectAtOnceAndAllFinish() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            String[] texts = {"Zelensky arrived in Kharkiv on Monday", "Selenskyj ist am Montag in Charkiw eingetroffen",
                "Зеленський прибув до Харкова у понеділок"};
            String[] expected = {"en", "de", "uk"};
            for (int t = 0; t < 4; t++) {
                int first = t;
                runs.add(pool.submit(() -> {
                    int right = 0;
                    for (int i = 0; i < 5000; i++) {
                        int k = (first + i) % 3;
                        right += expected[k].equals(Languages.detect(texts[k] + " " + i, null)) ? 1 : 0;
                    }
                    return right;
                }));
            }
            for (Future<Integer> r : runs) {
                assertEquals(5000, r.get(60, TimeUnit.SECONDS), "detections right out of 5,000");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tellsUkrainianFromRussianAndBelarusianOnAHeadline() {
        assertEquals("uk", Languages.detect("Зеленський прибув до Харкова", null));
        assertEquals("ru", Languages.detect("Зеленский прибыл в Харьков", null));
        assertEquals("be", Languages.detect("Лукашэнка сустрэўся з прэм'ер-міністрам у Мінску", null));
    }

    @Test
    void tellsTheLatinScriptLanguagesApart() {
        assertEquals("de", Languages.detect("Russland greift Kiew mit Drohnen an", "Die Luftabwehr war die ganze Nacht im Einsatz."));
        assertEquals("fr", Languages.detect("La Russie attaque Kiev", "Les défenses aériennes ont été actives toute la nuit."));
        assertEquals("es", Languages.detect("Rusia ataca Kiev con drones", "La defensa aérea estuvo activa toda la noche."));
        assertEquals("it", Languages.detect("La Russia attacca Kiev con i droni", "La difesa aerea è stata attiva tutta la notte."));
        assertEquals("pl", Languages.detect("Rosja atakuje Kijów dronami", "Obrona przeciwlotnicza działała przez całą noc."));
        assertEquals("en", Languages.detect("Russia attacks Kyiv with drones", "Air defences were active all night."));
    }

    @Test
    void nothingToDetectIsNull() {
        assertNull(Languages.detect("", "  "));
        assertNull(Languages.detect(null, null));
    }

    @Test
    void theSourcesDeclaredLanguageWins() {
        StoryDraft d = new StoryDraft();
        d.provider = "test";
        d.guid = "x";
        d.headline = "Russland greift Kiew mit Drohnen an";
        d.language = "en";
        Story s = d.build(new StoryDraft.Delivery(new byte[0], "test", "test", "test", Instant.EPOCH, null, null));
        assertEquals("en", s.language());
        d.language = null;
        assertEquals("de", d.build(new StoryDraft.Delivery(new byte[0], "test", "test", "test", Instant.EPOCH, null, null)).language());
    }

    @Test
    void theSampleIsTheLowerCaseWordsOfHeadlineAndTheStartOfTheLead() {
        String lead = "Silvio Berlusconi said on Monday in 2004 that \"the\" word " + "word ".repeat(200);
        String s = Languages.sample("Putin and Berlusconi welcome the Bush win", lead);
        assertTrue(s.startsWith("and welcome the win said on in that \"the\" word word word"), s);
        assertTrue(s.length() <= Languages.MAX_CHARS, s);
    }

    @Test
    void aHeadlineTakenFromTheLeadIsReadOnce() {
        // A plain file without a headline: its body's first sentence is the headline and still opens the body.
        String first = "Inflation : la banque centrale garde le cap malgré les autres instituts";
        String lead = first + ". Le conseil laisse ses taux directeurs inchangés, malgré une inflation de 7 % en mars.";
        String s = Languages.sample(first, lead);
        assertTrue(s.startsWith("la banque centrale garde le cap malgré les autres instituts. conseil laisse ses"), s);
        assertEquals(s, Languages.sample(null, lead));
        // Cut to a headline when the sentence runs on: still the lead's start.
        assertTrue(Languages.headlineOpensLead("Inflation : la banque centrale…", lead));
        assertFalse(Languages.headlineOpensLead("Les taux restent inchangés", lead));
        assertEquals("fr", Languages.detect(first, lead));
    }

    @Test
    void aTextOfFewLowerCaseWordsIsLookedAtPlain() {
        // A wire in capitals, and a headline alone in title case: too little is left without the capitals.
        assertEquals("RUSSIA ATTACKS KYIV WITH DRONES. AIR DEFENCES WERE ACTIVE ALL NIGHT.",
                Languages.sample("RUSSIA ATTACKS KYIV WITH DRONES", "AIR DEFENCES WERE ACTIVE ALL NIGHT."));
        assertEquals("Zelensky Visits Kharkiv", Languages.sample("Zelensky Visits Kharkiv", null));
        assertEquals("en", Languages.detect("RUSSIA ATTACKS KYIV WITH DRONES", "AIR DEFENCES WERE ACTIVE ALL NIGHT."));
    }

    @Test
    void namesOfAnotherLanguageDoNotDecideAnEnglishStory() {
        // Both were taken for Italian and Polish when Lingua read the names too.
        assertEquals("en", Languages.detect("Putin and Berlusconi welcome the Bush win",
                "Russian President Vladimir Putin and Italian Prime Minister Silvio Berlusconi welcomed the "
                        + "re-election of President Bush."));
        assertEquals("en", Languages.detect("Court hears case",
                "Lawyers for Tomasz Wierzbicki and Anna Kowalczyk told the court in Gdansk that the charges were false."));
    }

    @Test
    void theNeighboursStayThemselvesThoughAWireLanguageIsPreferredWhenClose() throws Exception {
        // Italian, Portuguese, Dutch and Polish news written for this test: headline, tab, lead.
        List<String> wrong = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/languages/neighbours.tsv"));
        for (String line : lines) {
            String[] f = line.split("\t");
            String detected = Languages.detect(f[1], f[2]);
            if (!f[0].equals(detected)) {
                wrong.add(f[0] + " taken for " + detected + ": " + f[1]);
            }
        }
        assertEquals(16, lines.size());
        assertEquals(List.of(), wrong);
    }
}
