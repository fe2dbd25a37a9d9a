package io.wiretag.story;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;

/**
 * A story's language, for sources that do not declare one, by Lingua (n-gram models, made for short text)
 * on the headline and the lead. Only the languages wires send in and their close neighbours are loaded
 * (en, de, fr, es, it, pt, nl, pl, ru, uk, be), in Lingua's low-accuracy mode (trigram models only), which
 * keeps the heap and the CPU per story low; the models load on first use.
 */
public final class Languages {
    /** Characters of headline + lead looked at: enough for the detector, bounded CPU per story. */
    static final int MAX_CHARS = 400;

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder
                .fromLanguages(Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
                        Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.POLISH,
                        Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN)
                .withLowAccuracyMode()
                .build();
    }

    private Languages() {
    }

    /** The ISO 639-1 code of the language of a headline and lead ("uk"), or null when it cannot tell. */
    public static String detect(String headline, String lead) {
        String text = sample(headline, lead);
        if (text.isBlank()) {
            return null;
        }
        Language l = Holder.DETECTOR.detectLanguageOf(text);
        return l == Language.UNKNOWN ? null : l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** Loads the models now (at startup) rather than on the first story. */
    public static void warmUp() {
        detect("Warm-up", null);
    }

    /** Headline and lead, cut at a word boundary near {@link #MAX_CHARS}. */
    static String sample(String headline, String lead) {
        StringBuilder b = new StringBuilder(MAX_CHARS + 40);
        if (headline != null) {
            b.append(headline.strip());
        }
        if (lead != null && !lead.isBlank()) {
            if (b.length() > 0) {
                b.append(". ");
            }
            b.append(lead.strip());
        }
        if (b.length() > MAX_CHARS) {
            int cut = b.lastIndexOf(" ", MAX_CHARS);
            b.setLength(cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
        }
        return b.toString();
    }
}
