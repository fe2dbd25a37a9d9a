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
 * <p>Lingua is given the words of headline and lead that do not start with a capital or a digit: names
 * ("Berlusconi", "Wierzbicki", "Luiz Inacio Lula da Silva") say little of the language a story is written in
 * and much of another, and Lingua's cost is linear in the characters it reads. Text with fewer than
 * {@link #MIN_WORD_CHARS} of them (a wire in capitals, a short headline alone) is read plain.
 *
 * <p>The neighbours are there so that an Italian or Polish story is not taken for Spanish or Russian; when
 * one of them wins by a little over a language the wires send in (within {@link #PRIOR}), the wire language
 * is taken: a short Spanish text that reads a little more like Italian is still Spanish.
 *
 * <p>Measured on the 324 labelled texts of the tests and 16 Italian, Portuguese, Dutch and Polish ones
 * (headline and lead): 80 characters of lower-case words are right on all 340, 120 of the plain text on 338
 * (English stories full of foreign names taken for Spanish), for two thirds of the CPU; with a
 * {@link #PRIOR} of 0.01 they were right on 336 (an English story with Italian names was Italian, a
 * Spanish one about Georgian wine Italian), and from 0.12 on Portuguese stories were taken for French.
 */
public final class Languages {
    /** Characters of lower-case words of headline + lead looked at: enough for the detector, bounded CPU per story. */
    public static final int MAX_CHARS = 80;
    /** With fewer characters of lower-case words than this, the plain text is looked at instead. */
    static final int MIN_WORD_CHARS = 40;
    /** Characters of plain headline + lead looked at when it has too few lower-case words. */
    static final int PLAIN_CHARS = 120;
    /** A neighbour must beat the best wire language by more than this share of its confidence. */
    static final double PRIOR = 0.08;
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
        return detect(sample(headline, lead));
    }

    /**
     * Whether the headline is the lead's own start: a story that came without one (a plain file) is given the
     * first sentence of its body as headline. Read twice, that sentence fills the sample and leaves out the
     * rest of the lead ("la BCE prend le contre-pied des autres banques centrales" twice read as Spanish).
     */
    static boolean headlineOpensLead(String headline, String lead) {
        if (headline == null || lead == null) {
            return false;
        }
        String h = headline.strip();
        int n = h.endsWith("…") ? h.length() - 1 : h.length(); // a long first sentence cut to a headline
        return n > 0 && lead.stripLeading().regionMatches(0, h, 0, n);
    }

    /** As {@link #detect(String, String)}, looking at up to {@code maxChars} of the plain text (the bench's "before"). */
    public static String detectPlain(String headline, String lead, int maxChars) {
        return detect(plainSample(headline, lead, maxChars));
    }

    private static String detect(String text) {
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

    /** What Lingua is given: lower-case words of headline and lead, or the plain text when they are too few. */
    static String sample(String headline, String lead) {
        if (headlineOpensLead(headline, lead)) {
            headline = null;
        }
        StringBuilder b = new StringBuilder(MAX_CHARS + 40);
        appendLowerCaseWords(b, headline, MAX_CHARS);
        appendLowerCaseWords(b, lead, MAX_CHARS);
        if (b.length() < MIN_WORD_CHARS) {
            return plainSample(headline, lead, PLAIN_CHARS);
        }
        return cut(b, MAX_CHARS);
    }

    /**
     * Appends the words of {@code text} whose first letter or digit is neither a capital nor a digit, space
     * separated, until {@code b} holds {@code maxChars}; words without a letter are left out. Reads no further
     * into the text than that.
     */
    private static void appendLowerCaseWords(StringBuilder b, String text, int maxChars) {
        if (text == null) {
            return;
        }
        int n = text.length();
        int i = 0;
        while (i < n && b.length() < maxChars) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            int first = -1;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                if (first < 0 && Character.isLetterOrDigit(text.charAt(i))) {
                    first = i;
                }
                i++;
            }
            if (first < 0) {
                continue;
            }
            int c = text.codePointAt(first);
            if (Character.isUpperCase(c) || Character.isTitleCase(c) || Character.isDigit(c)) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(text, start, i);
        }
    }

    /** Headline and lead as written, cut at a word boundary near {@code maxChars}. */
    private static String plainSample(String headline, String lead, int maxChars) {
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
        return cut(b, maxChars);
    }

    private static String cut(StringBuilder b, int maxChars) {
        if (b.length() > maxChars) {
            int cut = b.lastIndexOf(" ", maxChars);
            b.setLength(cut > maxChars / 2 ? cut : maxChars);
        }
        return b.toString();
    }
}
