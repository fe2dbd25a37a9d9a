package io.wiretag.tagging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The inflected forms of a name or keyword, generated when the taxonomy is compiled, so that matching stays
 * one pass through the token trie with no stemming per token. Rules by word ending, for the declensions
 * names and news words follow: Russian and Ukrainian six cases (singular nouns by ending, adjectives,
 * plurals; Ukrainian і/о alternation as in Харків, Харкова), German case endings (Russlands, russischen),
 * French and Spanish plural and gender forms, French elision (l'Ukraine, d'Ukraine). A form too many is
 * harmless (it never occurs in text); a phrase that must not be inflected is written with a leading "=".
 * In Russian and Ukrainian every word of a phrase takes the same case (Белого дома); in the other
 * languages the last word is inflected.
 */
final class Inflection {
    private static final int CASES = 6; // nominative, genitive, dative, accusative, instrumental, prepositional

    private Inflection() {
    }

    /** The phrase itself and its inflected forms, in a stable order. */
    static Set<String> forms(String lang, String phrase) {
        Set<String> out = new LinkedHashSet<>();
        if (phrase == null || phrase.isBlank()) {
            return out;
        }
        if (phrase.startsWith("=")) {
            out.add(phrase.substring(1));
            return out;
        }
        String[] words = phrase.split(" ");
        switch (lang == null ? "" : lang) {
            case "ru", "uk" -> {
                List<List<List<String>>> perWord = new ArrayList<>();
                for (String w : words) {
                    perWord.add("ru".equals(lang) ? russian(w) : ukrainian(w));
                }
                out.add(phrase);
                // Every word in the same case (Белого дома), and, for a name that ends in a genitive
                // (Совет Безопасности), every word but the last.
                for (int keepLast = 0; keepLast <= (words.length > 1 ? 1 : 0); keepLast++) {
                    for (int c = 0; c < CASES; c++) {
                        List<String> acc = List.of("");
                        for (int k = 0; k < perWord.size(); k++) {
                            List<String> alts = keepLast == 1 && k == perWord.size() - 1 ? List.of(words[k])
                                    : perWord.get(k).get(c);
                            List<String> next = new ArrayList<>();
                            for (String prefix : acc) {
                                for (String alt : alts) {
                                    next.add(prefix.isEmpty() ? alt : prefix + " " + alt);
                                }
                            }
                            acc = next.size() > 32 ? next.subList(0, 32) : next;
                        }
                        out.addAll(acc);
                    }
                }
            }
            case "de", "fr", "es" -> {
                String head = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
                String last = words[words.length - 1];
                List<String> lastForms = switch (lang) {
                    case "de" -> german(last);
                    case "fr" -> french(last);
                    default -> spanish(last);
                };
                for (String f : lastForms) {
                    out.add(head.isEmpty() ? f : head + " " + f);
                }
                if ("de".equals(lang) && words.length > 1) {
                    // German may inflect the first word instead: des Atomkraftwerks Saporischschja.
                    String rest = phrase.substring(words[0].length());
                    for (String f : german(words[0])) {
                        out.add(f + rest);
                    }
                }
                if ("fr".equals(lang)) {
                    for (String f : List.copyOf(out)) {
                        if (startsWithVowel(f)) {
                            out.add("l'" + f);
                            out.add("d'" + f);
                            out.add("qu'" + f);
                        }
                    }
                }
            }
            default -> out.add(phrase);
        }
        return out;
    }

    /** Acronyms (НАТО, ЕС, USA), short words and words with digits are not inflected. */
    private static boolean fixed(String w) {
        if (w.length() < 3) {
            return true;
        }
        int letters = 0;
        int uppers = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '\u2019') {
                return true;
            }
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    uppers++;
                }
            }
        }
        return uppers == letters;
    }

    /** Per case, the forms of every paradigm given, without repeats. */
    @SafeVarargs
    private static List<List<String>> merge(List<List<String>>... paradigms) {
        List<List<String>> out = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            Set<String> forms = new LinkedHashSet<>();
            for (List<List<String>> p : paradigms) {
                forms.addAll(p.get(c));
            }
            out.add(List.copyOf(forms));
        }
        return out;
    }

    private static List<List<String>> same(String w) {
        List<List<String>> slots = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            slots.add(List.of(w));
        }
        return slots;
    }

    /** Slots: genitive, dative, accusative, instrumental, prepositional (nominative is the word). */
    private static List<List<String>> slots(String w, String stem, String[] gen, String[] dat, String[] acc,
                                            String[] ins, String[] prep) {
        List<List<String>> s = new ArrayList<>();
        s.add(List.of(w));
        for (String[] ends : new String[][] {gen, dat, acc, ins, prep}) {
            List<String> alts = new ArrayList<>();
            for (String e : ends) {
                alts.add(e == null ? w : stem + e);
            }
            s.add(alts);
        }
        return s;
    }

    private static String[] a(String... s) {
        return s;
    }

    private static boolean endsWith(String w, String suffix) {
        return w.toLowerCase(Locale.ROOT).endsWith(suffix);
    }

    private static String cut(String w, int n) {
        return w.substring(0, w.length() - n);
    }

    /**
     * A Russian word's forms per case. A common noun (a keyword, written in lower case) also gets its plural
     * (дрон: дроны, дронов, дронами; ракета: ракеты, ракет; посольство: посольств): reports count drones and
     * missiles. Names do not: a plural of one name could be a case of another, and neither would keep it.
     */
    static List<List<String>> russian(String w) {
        if (fixed(w)) {
            return same(w);
        }
        List<List<String>> singular = russianSingular(w);
        return Character.isLowerCase(w.charAt(0)) ? merge(singular, plural(w, RUSSIAN_PLURALS, RUSSIAN_HARD)) : singular;
    }

    /**
     * Plural endings by the word's ending, for common nouns: {ending, letters cut, nominative, genitive (| between
     * alternatives), а or я}, the last for the dative, instrumental and prepositional (+ам/ами/ах or +ям/ями/ях).
     * Adjectives and words already plural are left to the singular rules, which give their plural too. A form
     * that is no word (the rules do not know fleeting vowels: бомбардировк) is harmless: no text has it.
     */
    private static final String[][] RUSSIAN_PLURALS = {
        {"ия", "1", "и", "й", "я"},
        {"ие", "1", "я", "й", "я"},
        {"о", "1", "а", "", "а"},
        {"ка", "1", "и", "", "а"},
        {"га", "1", "и", "", "а"},
        {"ха", "1", "и", "", "а"},
        {"жа", "1", "и", "", "а"},
        {"ша", "1", "и", "", "а"},
        {"ча", "1", "и", "", "а"},
        {"ща", "1", "и", "", "а"},
        {"а", "1", "ы", "", "а"},
        {"я", "1", "и", "ь", "я"},
        {"ь", "1", "и", "ей", "я"},
        {"ж", "0", "и", "ей", "а"},
        {"ш", "0", "и", "ей", "а"},
        {"ч", "0", "и", "ей", "а"},
        {"щ", "0", "и", "ей", "а"},
        {"к", "0", "и", "ов", "а"},
        {"г", "0", "и", "ов", "а"},
        {"х", "0", "и", "ов", "а"},
        {"ц", "0", "ы", "ев", "а"},
    };

    private static final String[][] UKRAINIAN_PLURALS = {
        {"ія", "1", "ї", "й", "я"},
        {"я", "1", "і", "ь", "я"},
        {"о", "1", "а", "", "а"},
        {"ка", "1", "и", "", "а"},
        {"жа", "1", "і", "", "а"},
        {"ча", "1", "і", "", "а"},
        {"ша", "1", "і", "", "а"},
        {"ща", "1", "і", "", "а"},
        {"а", "1", "и", "", "а"},
        {"ь", "1", "і", "ів|ей", "я"},
        {"ж", "0", "і", "ів|ей", "а"},
        {"ч", "0", "і", "ів|ей", "а"},
        {"ш", "0", "і", "ів|ей", "а"},
        {"щ", "0", "і", "ів|ей", "а"},
    };

    /** Russian and Ukrainian consonants a hard-stem noun may end in, for the rows below. */
    private static final String HARD_CONSONANTS = "бвгґджзклмнпрстфхцчшщ";
    /** The plural row of a hard consonant with no row of its own: дрон, дроны, дронов; дрон, дрони, дронів. */
    private static final String[] RUSSIAN_HARD = {"", "0", "ы", "ов", "а"};
    private static final String[] UKRAINIAN_HARD = {"", "0", "и", "ів", "а"};

    /**
     * The plural forms of a common noun per case slot (nominative, genitive, dative, accusative, instrumental,
     * prepositional), from the first row of {@code rows} whose ending the word has, else {@code hard} for a
     * word ending in a hard consonant. Nothing for adjectives and plurals.
     */
    private static List<List<String>> plural(String w, String[][] rows, String[] hard) {
        String l = w.toLowerCase(Locale.ROOT);
        if (l.endsWith("ий") || l.endsWith("ый") || l.endsWith("ой") || l.endsWith("ій") || l.endsWith("ые")
                || l.endsWith("ое") || l.endsWith("ее") || l.endsWith("ая") || l.endsWith("яя")
                || l.endsWith("ие") && l.length() > 2 && "кгхжшчщ".indexOf(l.charAt(l.length() - 3)) >= 0
                || l.endsWith("ы") || l.endsWith("и") || l.endsWith("і")) {
            return emptySlots();
        }
        for (String[] row : rows) {
            if (l.endsWith(row[0])) {
                return pluralSlots(w, row);
            }
        }
        return HARD_CONSONANTS.indexOf(l.charAt(l.length() - 1)) >= 0 ? pluralSlots(w, hard) : emptySlots();
    }

    private static List<List<String>> pluralSlots(String w, String[] row) {
        String stem = cut(w, Integer.parseInt(row[1]));
        String nom = row[2];
        String gen = row[3];
        String vowel = row[4];
        List<String> gens = new ArrayList<>();
        for (String g : gen.split("\\|", -1)) {
            gens.add(stem + g);
        }
        List<String> acc = new ArrayList<>(gens);
        acc.add(0, stem + nom);
        return List.of(List.of(stem + nom), List.copyOf(gens), List.of(stem + vowel + "м"), List.copyOf(acc),
                List.of(stem + vowel + "ми"), List.of(stem + vowel + "х"));
    }

    private static List<List<String>> emptySlots() {
        List<List<String>> slots = new ArrayList<>();
        for (int c = 0; c < CASES; c++) {
            slots.add(List.of());
        }
        return slots;
    }

    private static List<List<String>> russianSingular(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        char before = l.length() >= 2 ? l.charAt(l.length() - 2) : ' ';
        if (l.endsWith("ий") || l.endsWith("ый") || l.endsWith("ой")) {
            // An adjective: the masculine as written, and the feminine, neuter and plural (грузинское вино).
            String st = cut(w, 2);
            boolean soft = l.endsWith("ий");
            String i = soft ? "им" : "ым";
            return merge(slots(w, st, a("ого", "его"), a("ому", "ему"), a(null, "ого"), a(i), a("ом", "ем")),
                    russian(st + "ая"), russian(st + "ое"), russian(st + (soft ? "ие" : "ые")));
        }
        if (l.endsWith("ая") || l.endsWith("яя")) {
            String st = cut(w, 2);
            return slots(w, st, a("ой", "ей"), a("ой", "ей"), a("ую", "юю"), a("ой", "ей"), a("ой", "ей"));
        }
        if (l.endsWith("ое") || l.endsWith("ее")) {
            String st = cut(w, 2);
            return slots(w, st, a("ого", "его"), a("ому", "ему"), a((String) null), a("ым", "им"), a("ом", "ем"));
        }
        if (l.endsWith("ие")) {
            // An adjective in the plural (российские) or a neuter noun (соглашение, перемирие): both.
            String st = cut(w, 2);
            String n = cut(w, 1);
            List<List<String>> s = new ArrayList<>();
            s.add(List.of(w));
            s.add(List.of(st + "их", n + "я"));
            s.add(List.of(st + "им", n + "ю"));
            s.add(List.of(w, st + "их"));
            s.add(List.of(st + "ими", n + "ем"));
            s.add(List.of(st + "их", n + "и"));
            return s;
        }
        if (l.endsWith("ые")) {
            String st = cut(w, 2);
            return slots(w, st, a("ых"), a("ым"), a(null, "ых"), a("ыми"), a("ых"));
        }
        if (l.endsWith("ия")) {
            String st = cut(w, 1);
            return slots(w, st, a("и"), a("и"), a("ю"), a("ей"), a("и"));
        }
        if (l.endsWith("ье")) {
            String st = cut(w, 1);
            return slots(w, st, a("я"), a("ю"), a((String) null), a("ем"), a("е"));
        }
        if (l.endsWith("а")) {
            String st = cut(w, 1);
            String gen = "гкхжшщч".indexOf(before) >= 0 ? "и" : "ы";
            return slots(w, st, a(gen), a("е"), a("у"), a("ой", "ою"), a("е"));
        }
        if (l.endsWith("я")) {
            String st = cut(w, 1);
            return slots(w, st, a("и"), a("е", "и"), a("ю"), a("ей"), a("е", "и"));
        }
        if (l.endsWith("ь")) {
            String st = cut(w, 1);
            return slots(w, st, a("я", "и"), a("ю", "и"), a(null, "я"), a("ем", "ью"), a("е", "и"));
        }
        if (l.endsWith("й")) {
            String st = cut(w, 1);
            return slots(w, st, a("я"), a("ю"), a(null, "я"), a("ем"), a("е"));
        }
        if (l.endsWith("ы") || l.endsWith("и")) {
            String st = cut(w, 1);
            return slots(w, st, a("ов", "ей", ""), a("ам", "ям"), a(null, "ов"), a("ами", "ями"), a("ах", "ях"));
        }
        char last = l.charAt(l.length() - 1);
        if ("бвгджзклмнпрстфхцчшщ".indexOf(last) >= 0) {
            String ins = "жшчщц".indexOf(last) >= 0 ? "ем"
                    : l.endsWith("ин") || l.endsWith("ов") || l.endsWith("ев") || l.endsWith("ын") ? "ым" : "ом";
            return slots(w, w, a("а"), a("у"), a(null, "а"), a(ins, "ом"), a("е"));
        }
        if (l.endsWith("о") && Character.isLowerCase(w.charAt(0))) {
            // A common neuter noun (посольство, соглашение is -ие above); names in -о are not declined (Токио).
            String st = cut(w, 1);
            return slots(w, st, a("а"), a("у"), a((String) null), a("ом"), a("е"));
        }
        return same(w); // -о, -е, -у, -ю and foreign endings: not declined (Токио, Шойгу)
    }

    /** A Ukrainian word's forms per case; a common noun also gets its plural, as in {@link #russian}. */
    static List<List<String>> ukrainian(String w) {
        if (fixed(w)) {
            return same(w);
        }
        List<List<String>> singular = ukrainianSingular(w);
        return Character.isLowerCase(w.charAt(0)) ? merge(singular, plural(w, UKRAINIAN_PLURALS, UKRAINIAN_HARD)) : singular;
    }

    private static List<List<String>> ukrainianSingular(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        char before = l.length() >= 2 ? l.charAt(l.length() - 2) : ' ';
        if (l.endsWith("ий") || l.endsWith("ій")) {
            // An adjective: the masculine as written, and the feminine, neuter and plural (грузинське вино).
            String st = cut(w, 2);
            List<List<String>> fem = slots(st + "а", st, a("ої"), a("ій"), a("у"), a("ою"), a("ій"));
            List<List<String>> neuter = slots(st + "е", st, a("ого"), a("ому"), a((String) null), a("им"), a("ому", "ім"));
            List<List<String>> plural = slots(st + "і", st, a("их"), a("им"), a(null, "их"), a("ими"), a("их"));
            return merge(slots(w, st, a("ого", "ього"), a("ому", "ьому"), a(null, "ого"), a("им", "ім"), a("ому", "ім")),
                    fem, neuter, plural);
        }
        if (l.endsWith("а")) {
            String st = cut(w, 1);
            String dat = switch (before) {
                case 'к' -> cut(st, 1) + "ці";
                case 'г' -> cut(st, 1) + "зі";
                case 'х' -> cut(st, 1) + "сі";
                default -> st + "і";
            };
            String gen = "жчшщ".indexOf(before) >= 0 ? "і" : "и";
            List<List<String>> s = slots(w, st, a(gen), a("і"), a("у"), a("ою", "ею"), a("і"));
            s.set(2, List.of(dat, st + "і"));
            s.set(5, List.of(dat, st + "і"));
            // The same ending is an adjective's feminine (Запорізька, Запорізької, Запорізькій): both.
            return merge(s, slots(w, st, a("ої"), a("ій"), a("у"), a("ою"), a("ій")));
        }
        if (l.endsWith("ія")) {
            String st = cut(w, 1);
            return slots(w, st, a("ї"), a("ї"), a("ю"), a("єю"), a("ї"));
        }
        if (l.endsWith("я")) {
            String st = cut(w, 1);
            return slots(w, st, a("і"), a("і"), a("ю"), a("ею", "ям"), a("і"));
        }
        if (l.endsWith("і") || l.endsWith("и")) {
            String st = cut(w, 1);
            return slots(w, st, a("их", "ів", ""), a("им", "ам", "ям"), a(null, "их", "ів"), a("ими", "ами", "ями"),
                    a("их", "ах", "ях"));
        }
        if (l.endsWith("ь")) {
            String st = cut(w, 1);
            return slots(w, st, a("я", "і"), a("ю", "і"), a((String) null), a("ем", "ю"), a("і"));
        }
        if (l.endsWith("й")) {
            String st = cut(w, 1);
            return slots(w, st, a("я", "ю"), a("ю", "єві"), a((String) null), a("єм"), a("ї", "ю"));
        }
        if (l.endsWith("о")) {
            String st = cut(w, 1);
            return slots(w, st, a("а"), a("у", "ові"), a((String) null), a("ом"), a("і", "ові"));
        }
        char last = l.charAt(l.length() - 1);
        if ("бвгґджзклмнпрстфхцчшщ".indexOf(last) >= 0) {
            String ins = "жшчщц".indexOf(last) >= 0 ? "ем"
                    : l.endsWith("ін") || l.endsWith("ов") || l.endsWith("ев") || l.endsWith("ин") ? "им" : "ом";
            List<List<String>> s = slots(w, w, a("а", "у"), a("у", "ові"), a(null, "а"), a(ins, "ом"), a("і", "у", "ові"));
            // і/ї in the last, closed syllable alternates: Харків, Харкова; Київ, Києва; Львів, Львова.
            int k = l.length() - 2;
            if (k > 0 && (l.charAt(k) == 'і' || l.charAt(k) == 'ї')) {
                String alt = w.substring(0, k) + (l.charAt(k) == 'і' ? 'о' : 'є') + w.substring(k + 1);
                List<List<String>> t = slots(w, alt, a("а", "у"), a("у", "ові"), a(null, "а"), a("ом"), a("і", "у", "ові"));
                for (int c = 1; c < CASES; c++) {
                    List<String> merged = new ArrayList<>(s.get(c));
                    merged.addAll(t.get(c));
                    s.set(c, merged);
                }
            }
            return s;
        }
        return same(w);
    }

    static List<String> german(String w) {
        List<String> out = new ArrayList<>();
        out.add(w);
        if (fixed(w)) {
            return out;
        }
        String l = w.toLowerCase(Locale.ROOT);
        if (l.endsWith("isch")) {
            for (String e : a("e", "en", "er", "es", "em")) {
                out.add(w + e);
            }
        } else if (l.endsWith("ische") || l.endsWith("ischen")) {
            String st = l.endsWith("ische") ? w : cut(w, 1);
            for (String e : a("", "n", "r", "s", "m")) {
                out.add(st + e);
            }
        } else if (l.endsWith("e")) {
            out.add(w + "n");
            out.add(w + "s");
        } else if (l.endsWith("er") || l.endsWith("el") || l.endsWith("en")) {
            out.add(w + "s");
            out.add(w + "n");
        } else if (l.endsWith("s") || l.endsWith("ß") || l.endsWith("x") || l.endsWith("z")) {
            out.add(w + "es");
            out.add(w + "e");
            out.add(w + "en");
        } else {
            for (String e : a("s", "es", "e", "en", "n")) {
                out.add(w + e);
            }
        }
        return out;
    }

    static List<String> french(String w) {
        List<String> out = new ArrayList<>();
        out.add(w);
        if (fixed(w)) {
            return out;
        }
        String l = w.toLowerCase(Locale.ROOT);
        if (l.endsWith("ien")) {
            out.addAll(List.of(w + "s", w + "ne", w + "nes"));
        } else if (l.endsWith("al")) {
            out.addAll(List.of(cut(w, 2) + "aux", w + "e", w + "es", w + "s"));
        } else if (l.endsWith("eau")) {
            out.add(w + "x");
        } else if (l.endsWith("é")) {
            out.addAll(List.of(w + "e", w + "s", w + "es"));
        } else if (l.endsWith("e")) {
            out.add(w + "s");
        } else if (l.endsWith("s") || l.endsWith("x") || l.endsWith("z")) {
            out.addAll(List.of(w + "e", w + "es"));
        } else {
            out.addAll(List.of(w + "s", w + "e", w + "es"));
        }
        return out;
    }

    static List<String> spanish(String w) {
        List<String> out = new ArrayList<>();
        out.add(w);
        if (fixed(w)) {
            return out;
        }
        String l = w.toLowerCase(Locale.ROOT);
        if (l.endsWith("o")) {
            String st = cut(w, 1);
            out.addAll(List.of(st + "a", st + "os", st + "as"));
        } else if (l.endsWith("és") || l.endsWith("án") || l.endsWith("ín") || l.endsWith("ón")) {
            String st = cut(w, 2) + plain(l.charAt(l.length() - 2)) + w.charAt(w.length() - 1);
            out.addAll(List.of(st + "a", st + "es", st + "as"));
        } else if ("aeiouáéíóú".indexOf(l.charAt(l.length() - 1)) >= 0) {
            out.add(w + "s");
            if ("íú".indexOf(l.charAt(l.length() - 1)) >= 0) {
                out.add(w + "es");
            }
        } else if (l.endsWith("z")) {
            out.add(cut(w, 1) + "ces");
        } else {
            out.addAll(List.of(w + "es", w + "a", w + "as"));
        }
        return out;
    }

    private static char plain(char c) {
        return switch (c) {
            case 'á' -> 'a';
            case 'é' -> 'e';
            case 'í' -> 'i';
            case 'ó' -> 'o';
            case 'ú' -> 'u';
            default -> c;
        };
    }

    private static boolean startsWithVowel(String w) {
        return !w.isEmpty() && "aeiouyhàâéèêëîïôöûüAEIOUYHÀÂÉÈÊËÎÏÔÖÛÜ".indexOf(w.charAt(0)) >= 0;
    }
}
