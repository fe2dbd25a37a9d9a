package io.wiretag.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Language detection on headline and lead, and the declared language winning over it. */
class LanguagesTest {
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
    void theSampleIsHeadlineAndTheStartOfTheLead() {
        String lead = "word ".repeat(200);
        String s = Languages.sample("Headline", lead);
        assertEquals(true, s.startsWith("Headline. word"));
        assertEquals(true, s.length() <= Languages.MAX_CHARS);
    }
}
