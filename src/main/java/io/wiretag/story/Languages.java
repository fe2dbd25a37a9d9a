package io.wiretag.story;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses a story's language from its most common function words, for sources that do not say. Good
 * enough to tell the languages wires send in (en, de, fr, es, it, nl, pt, ru, uk) apart on a paragraph.
 */
public final class Languages {
    private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>(Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "said", "has", "by", "he", "it", "from", "at"),
            "de", Set.of("der", "die", "und", "das", "nicht", "ist", "den", "mit", "sich", "des", "auf", "ein", "eine", "dem", "im", "sagte", "wird", "auch"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "pour", "dans", "qui", "du", "que", "au", "sur", "pas", "il", "a", "aux"),
            "es", Set.of("el", "los", "las", "del", "que", "y", "en", "una", "por", "con", "para", "es", "se", "su", "al", "lo", "como", "dijo"),
            "it", Set.of("il", "di", "che", "della", "per", "una", "sono", "del", "nel", "gli", "alla", "con", "non", "anche", "ha", "dei", "è", "le"),
            "nl", Set.of("de", "het", "een", "van", "en", "dat", "niet", "zijn", "met", "voor", "op", "is", "ook", "werd", "door", "naar", "bij", "aan"),
            "pt", Set.of("o", "os", "do", "da", "que", "em", "um", "uma", "para", "com", "não", "dos", "das", "se", "ao", "foi", "disse", "mais"),
            "ru", Set.of("и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "от", "он", "года", "к", "для", "также", "заявил"),
            "uk", Set.of("і", "в", "не", "на", "що", "з", "та", "у", "до", "як", "це", "за", "від", "року", "для", "також", "його", "заявив")));

    private Languages() {
    }

    /** The BCP 47 tag of the language the text is most likely in, or null when there is too little text. */
    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+", 2000);
        String best = null;
        int bestScore = 0;
        for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
            int score = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    score++;
                }
            }
            if (score > bestScore || (score == bestScore && score > 0 && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return bestScore >= 2 ? best : null;
    }
}
