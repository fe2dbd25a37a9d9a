package io.wiretag.story;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * A story's language, for sources that do not declare one, by Lingua (n-gram models, made for short text)
 * on the headline and the lead. Only the languages wires send in and their close neighbours are loaded
 * (en, de, fr, es, it, pt, nl, pl, ru, uk, be), in Lingua's low-accuracy mode (trigram models only), which
 * keeps the heap and the CPU per story low; the models load on first use.
 *
 * <p>The neighbours are there so that an Italian or Polish story is not taken for Spanish or Russian; when
 * one of them wins by a hair over a language the wires send in (within {@link #PRIOR}), the wire language
 * is taken: a short Spanish headline that reads a little more like Italian is still Spanish.
 */
public final class Languages {
    /** Characters of headline + lead looked at: enough for the detector, bounded CPU per story. */
    public static final int MAX_CHARS = 120;
    /** A neighbour must beat the best wire language by more than this share of its confidence. */
    static final double PRIOR = 0.01;
    private static final java.util.Set<Language> WIRE = java.util.EnumSet.of(Language.ENGLISH, Language.GERMAN,
            Language.FRENCH, Language.SPANISH, Language.RUSSIAN, Language.UKRAINIAN);

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
        return detect(headline, lead, MAX_CHARS);
    }

    /** As {@link #detect(String, String)}, looking at up to {@code maxChars} of headline and lead (for the bench). */
    public static String detect(String headline, String lead, int maxChars) {
        String text = sample(headline, lead, maxChars);
        if (text.isBlank()) {
            return null;
        }
        SortedMap<Language, Double> confidence = Holder.DETECTOR.computeLanguageConfidenceValues(text);
        Language best = null;
        double top = 0;
        Language bestWire = null;
        double topWire = 0;
        for (Map.Entry<Language, Double> e : confidence.entrySet()) {
            double c = e.getValue();
            if (c > top) {
                best = e.getKey();
                top = c;
            }
            if (WIRE.contains(e.getKey()) && c > topWire) {
                bestWire = e.getKey();
                topWire = c;
            }
        }
        if (best == null || top <= 0) {
            return null;
        }
        Language l = bestWire != null && topWire >= top * (1 - PRIOR) ? bestWire : best;
        return l.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    /** Loads the models now (at startup) rather than on the first story. */
    public static void warmUp() {
        detect("Warm-up", null);
    }

    /** Headline and lead, cut at a word boundary near {@link #MAX_CHARS}. */
    static String sample(String headline, String lead) {
        return sample(headline, lead, MAX_CHARS);
    }

    private static String sample(String headline, String lead, int maxChars) {
        StringBuilder b = new StringBuilder(maxChars + 40);
        if (headline != null) {
            b.append(headline.strip());
        }
        if (lead != null && !lead.isBlank()) {
            if (b.length() > 0) {
                b.append(". ");
            }
            // The lead is the story's body: only its start is looked at, so only that is copied.
            String start = lead.length() > maxChars + 40 ? lead.substring(0, maxChars + 40) : lead;
            b.append(start.strip());
        }
        if (b.length() > maxChars) {
            int cut = b.lastIndexOf(" ", maxChars);
            b.setLength(cut > maxChars / 2 ? cut : maxChars);
        }
        return b.toString();
    }
}
