package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the people a Russian or Ukrainian story names that the gazetteer does not know, by a given name that
 * opens the name ("Вячеслав Гладков", "губернатора Вячеслава Гладкова"), then the surname alone ("Гладков
 * заявил", "по словам Гладкова"). Names decline, so the entity is named in the nominative: the given name's
 * case (from its list, {@code names/<lang>/given.txt}, with the cases generated here) says the surname's, and
 * the surname's ending is undone by the patterns Russian and Ukrainian surnames follow (-ов/-ев/-ин, -ский/
 * -ський, a consonant stem; a woman's -ова/-ська; Ukrainian -енко declines for a man). A surname that follows
 * none of them stays as written. The id is the name in Latin letters: Russian by BGN/PCGN (1947), Ukrainian by
 * the national standard (Cabinet of Ministers Resolution 55 of 2010), as the gazetteer's own ids are.
 */
final class CyrillicNames {
    static final int NOM = 0;
    static final int GEN = 1;
    static final int DAT = 2;
    static final int ACC = 3;
    static final int INS = 4;
    static final int LOC = 5;

    private final boolean ukrainian;
    /** Every case form of every given name, by token hash: index of its nominative << 4 | case << 1 | female. */
    private final HashCodes forms = new HashCodes();
    /** The same forms as a small bit filter, so most capitalised words cost one bit test, not a probe. */
    private final TokenFilter formFilter;
    private final List<String> nominatives = new ArrayList<>();

    CyrillicNames(String language) {
        this.ukrainian = "uk".equals(language);
        this.formFilter = new TokenFilter(load("names/" + language + "/given.txt"));
    }

    static boolean supports(String language) {
        return "ru".equals(language) || "uk".equals(language);
    }

    /** Reads the given names and puts every case form of each in {@link #forms}; returns those forms' hashes. */
    private List<Long> load(String resource) {
        List<Long> hashes = new ArrayList<>();
        try (InputStream in = CyrillicNames.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Boolean> female = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                nominatives.add(parts[0]);
                female.add(parts.length > 1 && parts[1].equals("f"));
            }
            // Nominatives first: a form that is one name's nominative and another's case ("Валентина",
            // "Александра", "Евгения") is read as the nominative, the likelier in a news sentence.
            for (int pass = 0; pass < 2; pass++) {
                for (int index = 0; index < nominatives.size(); index++) {
                    for (String[] form : givenNameForms(nominatives.get(index), female.get(index), ukrainian)) {
                        int cas = Integer.parseInt(form[1]);
                        if ((cas == NOM) == (pass == 0)) {
                            long h = Tokens.hashLower(form[0]);
                            forms.putIfAbsent(h, index << 4 | cas << 1 | (female.get(index) ? 1 : 0));
                            hashes.add(h);
                        }
                    }
                }
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<EntityTag> find(Tokens tk, Scratch s, String headline, String body, int leadParagraph,
                         Explanation.Builder explain) {
        NameWork w = s.namesAroundMatches(tk.count); // what the gazetteer matched is not read again
        List<Person> people = null;
        for (int f = Tagger.HEADLINE; f <= Tagger.BODY; f++) {
            int from = tk.fieldStart[f];
            int to = tk.fieldStart[f + 1];
            if (NameText.capsShape(tk, from, to) == NameText.SHAPE_CAPS) {
                continue; // all capitals: every word looks like a name
            }
            String text = f == Tagger.HEADLINE ? headline : body;
            for (int c = tk.fieldCaps[f], end = tk.fieldCaps[f + 1]; c < end; c++) {
                int t = tk.caps[c];
                int code = formFilter.mayContain(tk.lower[t]) ? forms.get(tk.lower[t]) : -1;
                if (code < 0 || NameFinder.covered(w, t)) {
                    continue;
                }
                int last = surnameAfter(tk, w, text, t, to);
                if (last < 0) {
                    continue;
                }
                boolean female = (code & 1) != 0;
                int cas = code >>> 1 & 7;
                String given = nominatives.get(code >>> 4);
                String surname = nominative(text.substring(tk.start[last], tk.end[last]), female, cas, ukrainian);
                String name = given + " " + surname;
                long key = Tokens.hashLower(name);
                if (people == null) {
                    people = new ArrayList<>(4);
                }
                Person person = null;
                for (Person p : people) {
                    if (p.key == key) {
                        person = p; // named in full again: its surname's forms are made already
                    }
                }
                if (person == null) {
                    person = new Person(surnameForms(surname, female, ukrainian), name, key);
                    people.add(person);
                }
                NameFinder.add(w, tk, t, last, NameFinder.PERSON, NameFinder.BY_FIRST, true);
                w.rKey[w.runs - 1] = key;
                w.rSurname[w.runs - 1] = person.surnameForms[0];
                w.nameLastRun(person.name, this);
                for (int k = t; k <= last; k++) {
                    w.cover[k] = w.stamp + 1; // read: not a lone surname below
                }
            }
        }
        if (people == null) {
            return List.of();
        }
        // Then the surname alone, in whatever case the sentence puts it ("Гладков заявил", "слова Гладкова").
        for (int f = Tagger.HEADLINE; f <= Tagger.BODY; f++) {
            for (int c = tk.fieldCaps[f], end = tk.fieldCaps[f + 1]; c < end; c++) {
                int t = tk.caps[c];
                Person person = NameFinder.covered(w, t) ? null : personOfSurname(people, tk.lower[t]);
                if (person != null) {
                    NameFinder.add(w, tk, t, t, NameFinder.PERSON, NameFinder.BY_COREF, true);
                    w.rKey[w.runs - 1] = person.key;
                    w.rSurname[w.runs - 1] = person.surnameForms[0];
                    w.nameLastRun(person.name, this);
                }
            }
        }
        Coreference.resolve(w, tk, headline, body);
        return UnlinkedTags.build(tk, w, headline, body, leadParagraph, explain);
    }

    /** The surname's token after a given name at {@code t}: the next word, or the one after a patronymic; -1 if none. */
    private int surnameAfter(Tokens tk, NameWork w, String text, int t, int to) {
        int next = t + 1;
        if (!capitalisedCyrillicWord(tk, w, text, t, next, to)) {
            return -1;
        }
        // "Владимир Владимирович Путин": a patronymic between given name and surname.
        if (capitalisedCyrillicWord(tk, w, text, next, next + 1, to) && patronymic(text.substring(tk.start[next], tk.end[next]))) {
            return next + 1;
        }
        return next;
    }

    /** Whether token {@code t} is a capitalised Cyrillic word right after {@code prev}, in its sentence, not matched yet. */
    private static boolean capitalisedCyrillicWord(Tokens tk, NameWork w, String text, int prev, int t, int to) {
        if (t >= to || (tk.flags[t] & Tokens.FIRST_UPPER) == 0 || tk.sentence[t] != tk.sentence[prev]
                || NameFinder.covered(w, t) || tk.end[t] - tk.start[t] < 2) {
            return false;
        }
        char c = text.charAt(tk.start[t]);
        return c >= '\u0400' && c <= '\u04FF' && NameText.gap(text, tk.end[prev], tk.start[t]) == NameText.GAP_SPACE
                && !NameText.hasDigit(text, tk.start[t], tk.end[t]);
    }

    private static boolean patronymic(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String end : new String[] {"вич", "вича", "вичу", "вичем", "виче", "вна", "вны", "вне", "вну", "вной",
            "ович", "йович", "івна", "ївна"}) {
            if (w.endsWith(end) && w.length() > end.length() + 2) {
                return true;
            }
        }
        return false;
    }

    /** A person found in full: the hashes of the surname's case forms (the nominative first), name, run key. */
    private record Person(long[] surnameForms, String name, long key) {
    }

    /** The person found in full whose surname the token is, in some case; null when none is. */
    private static Person personOfSurname(List<Person> people, long token) {
        for (Person p : people) {
            for (long form : p.surnameForms) {
                if (form == token) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * The hashes of a surname's case forms, the nominative first: each ending {@link #nominative} undoes, put
     * back ("Гладков": Гладкова, Гладкову, Гладковым, Гладкове).
     */
    static long[] surnameForms(String nominative, boolean female, boolean ukrainian) {
        String lower = nominative.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(12);
        out.add(lower);
        String[][] table = ukrainian ? (female ? UK_FEMALE : UK_MALE) : (female ? RU_FEMALE : RU_MALE);
        for (String[] e : table) {
            if (lower.endsWith(e[1]) && lower.length() > e[1].length() + 1) {
                out.add(lower.substring(0, lower.length() - e[1].length()) + e[0]);
            }
        }
        if (!female && out.size() == 1 && lower.length() >= 3) {
            char last = lower.charAt(lower.length() - 1);
            boolean ko = ukrainian && lower.endsWith("ко");
            String stem = ko ? lower.substring(0, lower.length() - 1) : last == 'й' ? lower.substring(0, lower.length() - 1) : lower;
            if (ko || consonant(last) || last == 'й') {
                for (String[] endings : ukrainian ? UK_STEM : RU_STEM) {
                    for (String end : endings) {
                        out.add(stem + end);
                    }
                }
            }
        }
        long[] hashes = new long[out.size()];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Tokens.hashLower(out.get(i));
        }
        return hashes;
    }

    // Surname endings by case, undone: {ending, nominative ending}; the longest that fits wins.
    private static final String[][] RU_MALE = {
        {"ского", "ский"}, {"цкого", "цкий"}, {"скому", "ский"}, {"цкому", "цкий"}, {"ским", "ский"}, {"цким", "цкий"},
        {"ском", "ский"}, {"цком", "цкий"},
        {"ова", "ов"}, {"ову", "ов"}, {"овым", "ов"}, {"ове", "ов"}, {"ева", "ев"}, {"еву", "ев"}, {"евым", "ев"},
        {"еве", "ев"}, {"ёва", "ёв"}, {"ёву", "ёв"}, {"ёвым", "ёв"}, {"ёве", "ёв"}, {"ина", "ин"}, {"ину", "ин"},
        {"иным", "ин"}, {"ине", "ин"}, {"ына", "ын"}, {"ыну", "ын"}, {"ыным", "ын"}, {"ыне", "ын"}};
    private static final String[][] RU_FEMALE = {
        {"овой", "ова"}, {"ову", "ова"}, {"евой", "ева"}, {"еву", "ева"}, {"ёвой", "ёва"}, {"иной", "ина"}, {"ину", "ина"},
        {"ыной", "ына"}, {"ской", "ская"}, {"скую", "ская"}, {"цкой", "цкая"}, {"цкую", "цкая"}};
    private static final String[][] UK_MALE = {
        {"ського", "ський"}, {"цького", "цький"}, {"ському", "ський"}, {"цькому", "цький"}, {"ським", "ський"},
        {"цьким", "цький"}, {"ськім", "ський"}, {"ого", "ий"}, {"ому", "ий"},
        {"енка", "енко"}, {"енку", "енко"}, {"енкові", "енко"}, {"енком", "енко"},
        {"ова", "ов"}, {"ову", "ов"}, {"ові", "ов"}, {"овим", "ов"}, {"ева", "ев"}, {"еву", "ев"}, {"еві", "ев"},
        {"евим", "ев"}, {"єва", "єв"}, {"єву", "єв"}, {"єві", "єв"}, {"євим", "єв"}, {"іна", "ін"}, {"іну", "ін"},
        {"іним", "ін"}, {"ина", "ин"}, {"ину", "ин"}, {"иним", "ин"}};
    private static final String[][] UK_FEMALE = {
        {"ової", "ова"}, {"овій", "ова"}, {"ову", "ова"}, {"овою", "ова"}, {"євої", "єва"}, {"євій", "єва"},
        {"єву", "єва"}, {"євою", "єва"}, {"евої", "ева"}, {"евій", "ева"}, {"еву", "ева"}, {"евою", "ева"},
        {"іної", "іна"}, {"іній", "іна"}, {"іну", "іна"}, {"іною", "іна"}, {"иної", "ина"}, {"иній", "ина"},
        {"ину", "ина"}, {"иною", "ина"}, {"ської", "ська"}, {"ській", "ська"}, {"ську", "ська"}, {"ською", "ська"},
        {"цької", "цька"}, {"цькій", "цька"}, {"цьку", "цька"}, {"цькою", "цька"}};
    /** A man's surname of a consonant stem ("Трампа", "Ковальчука"): the endings each case adds. */
    private static final String[][] RU_STEM = {{}, {"а", "я"}, {"у", "ю"}, {"а", "я"}, {"ом", "ем"}, {"е"}};
    private static final String[][] UK_STEM = {{}, {"а", "я"}, {"ові", "еві", "у", "ю"}, {"а", "я"}, {"ом", "ем"}, {"ові", "і"}};

    /** The nominative of a surname written in case {@code cas} of a man's or woman's name; as written when unsure. */
    static String nominative(String surname, boolean female, int cas, boolean ukrainian) {
        if (cas == NOM || surname.length() < 4) {
            return surname;
        }
        String lower = surname.toLowerCase(Locale.ROOT);
        String[][] table = ukrainian ? (female ? UK_FEMALE : UK_MALE) : (female ? RU_FEMALE : RU_MALE);
        String[] best = null;
        for (String[] e : table) {
            if (lower.endsWith(e[0]) && lower.length() > e[0].length() + 1 && (best == null || e[0].length() > best[0].length())) {
                best = e;
            }
        }
        if (best != null) {
            return surname.substring(0, surname.length() - best[0].length()) + best[1];
        }
        if (female) {
            return surname; // a woman's surname of another shape does not decline
        }
        for (String end : (ukrainian ? UK_STEM : RU_STEM)[cas]) {
            int stem = lower.length() - end.length();
            if (lower.endsWith(end) && stem >= 3 && consonant(lower.charAt(stem - 1))) {
                String nom = surname.substring(0, stem); // a soft stem's sign stays lost ("Коваля" gives Ковал)
                // A Ukrainian man's -ко declines ("Попка", "Шевченку"): a consonant before the к was the stem's.
                return ukrainian && stem >= 2 && lower.charAt(stem - 1) == 'к' && consonant(lower.charAt(stem - 2)) ? nom + "о" : nom;
            }
            if (lower.endsWith(end) && stem >= 3 && "аеоуяию".indexOf(lower.charAt(stem - 1)) >= 0
                    && (end.equals("я") || end.equals("ю") || end.equals("ем") || end.equals("е"))) {
                return surname.substring(0, stem) + "й"; // Гайдая, Гайдаю, Гайдаем: Гайдай
            }
        }
        return surname;
    }

    private static boolean consonant(char c) {
        return Character.isLetter(c) && "аеёиоуыэюяіїєьъ'’".indexOf(c) < 0;
    }

    /** The case forms of a given name, as {form, case}: the patterns of Russian and Ukrainian given names. */
    static List<String[]> givenNameForms(String name, boolean female, boolean ukrainian) {
        List<String[]> out = new ArrayList<>(8);
        add(out, name, NOM);
        String lower = name.toLowerCase(Locale.ROOT);
        String stem;
        if (lower.endsWith("ия") || lower.endsWith("ія")) { // Мария, Юлия; Марія, Юлія
            stem = name.substring(0, name.length() - 1);
            String i = ukrainian ? "ї" : "и";
            add(out, stem + i, GEN);
            add(out, stem + i, DAT);
            add(out, stem + "ю", ACC);
            add(out, stem + (ukrainian ? "єю" : "ей"), INS);
            add(out, stem + i, LOC);
        } else if (lower.endsWith("а") || lower.endsWith("я")) { // Ирина, Никита, Микола; Наталья, Илья, Наталя
            stem = name.substring(0, name.length() - 1);
            boolean soft = lower.endsWith("я");
            char before = lower.length() > 1 ? lower.charAt(lower.length() - 2) : ' ';
            String gen = ukrainian ? (soft ? "і" : "и") : (soft ? "и" : "гкхжшчщ".indexOf(before) >= 0 ? "и" : "ы");
            String dat = ukrainian ? "і" : "е";
            add(out, stem + gen, GEN);
            add(out, stem + dat, DAT);
            add(out, stem + (soft ? "ю" : "у"), ACC);
            add(out, stem + (ukrainian ? (soft ? "ею" : "ою") : (soft ? "ей" : "жшчщц".indexOf(before) >= 0 ? "ей" : "ой")), INS);
            add(out, stem + dat, LOC);
        } else if (female) {
            return out; // a woman's name of another shape does not decline
        } else if (lower.endsWith("ий") || lower.endsWith("ій") || lower.endsWith("й")) { // Юрий, Андрей; Андрій
            stem = name.substring(0, name.length() - 1);
            boolean iy = lower.endsWith("ий");
            add(out, stem + "я", GEN);
            add(out, stem + "ю", DAT);
            add(out, stem + (ukrainian ? "єві" : "ю"), DAT);
            add(out, stem + (ukrainian ? "єм" : "ем"), INS);
            add(out, stem + (ukrainian ? "ї" : iy ? "и" : "е"), LOC);
        } else if (lower.endsWith("ь") || ukrainian && lower.equals("ігор")) { // Игорь, Василь; Ігор
            stem = lower.endsWith("ь") ? name.substring(0, name.length() - 1) : name;
            add(out, stem + "я", GEN);
            add(out, stem + "ю", DAT);
            if (ukrainian) {
                add(out, stem + "еві", DAT);
            }
            add(out, stem + "ем", INS);
            add(out, stem + (ukrainian ? "і" : "е"), LOC);
        } else if (ukrainian && lower.endsWith("о")) { // Дмитро, Петро, Михайло
            stem = name.substring(0, name.length() - 1);
            add(out, stem + "а", GEN);
            add(out, stem + "у", DAT);
            add(out, stem + "ові", DAT);
            add(out, stem + "ом", INS);
            add(out, stem + "і", LOC);
        } else { // Олег, Иван, Вячеслав
            char last = lower.charAt(lower.length() - 1);
            add(out, name + "а", GEN);
            add(out, name + "у", DAT);
            if (ukrainian) {
                add(out, name + "ові", DAT);
            }
            add(out, name + ("жшчщц".indexOf(last) >= 0 ? "ем" : "ом"), INS);
            add(out, name + (ukrainian ? "і" : "е"), LOC);
        }
        return out;
    }

    private static void add(List<String[]> out, String form, int cas) {
        out.add(new String[] {form, Integer.toString(cas)});
    }

    private static final String RU_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] RU_LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
        "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
    private static final String UK_CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя";
    private static final String[] UK_LATIN = {"a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k",
        "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia"};
    /** Ukrainian letters written otherwise at a word's start (є, ї, й, ю, я: ye, yi, y, yu, ya). */
    private static final String UK_INITIAL = "єїйюя";
    private static final String[] UK_INITIAL_LATIN = {"ye", "yi", "y", "yu", "ya"};
    /** The tables above by char (lower case, U+0400 to U+04FF): the Latin letters of each, null for none. */
    private static final String[] RU_BY_CHAR = byChar(RU_CYRILLIC, RU_LATIN);
    private static final String[] UK_BY_CHAR = byChar(UK_CYRILLIC, UK_LATIN);
    private static final String[] UK_INITIAL_BY_CHAR = byChar(UK_INITIAL, UK_INITIAL_LATIN);

    private static String[] byChar(String letters, String[] latin) {
        String[] out = new String[256];
        for (int i = 0; i < letters.length(); i++) {
            out[letters.charAt(i) - 0x400] = latin[i];
        }
        return out;
    }

    /** A name in Latin letters, each word capitalised ("Oleh Syniehubov"). */
    String latin(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        String[] table = ukrainian ? UK_BY_CHAR : RU_BY_CHAR;
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char l = Character.toLowerCase(c);
            boolean cyrillic = l >= 0x400 && l < 0x500;
            String out = !cyrillic ? null : ukrainian && start && UK_INITIAL_BY_CHAR[l - 0x400] != null
                    ? UK_INITIAL_BY_CHAR[l - 0x400] : table[l - 0x400];
            boolean apostrophe = c == '\'' || c == '\u2019';
            if (out == null) {
                if (!apostrophe) {
                    b.append(c);
                }
            } else if (!out.isEmpty()) {
                b.append(start ? Character.toUpperCase(out.charAt(0)) : out.charAt(0)).append(out, 1, out.length());
            }
            start = !Character.isLetter(c) && !apostrophe;
        }
        return b.toString();
    }

    /** A map of token hashes to codes, open addressing: the lookup of every capitalised word of a story. */
    private static final class HashCodes {
        private long[] keys = new long[1024];
        private int[] values = new int[1024];
        private int size;

        void putIfAbsent(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                long[] k = keys;
                int[] v = values;
                keys = new long[k.length * 2];
                values = new int[k.length * 2];
                size = 0;
                for (int i = 0; i < k.length; i++) {
                    if (v[i] != 0) {
                        putIfAbsent(k[i], v[i] - 1);
                    }
                }
            }
            int i = slot(key);
            while (values[i] != 0) {
                if (keys[i] == key) {
                    return;
                }
                i = (i + 1) & (keys.length - 1);
            }
            keys[i] = key;
            values[i] = value + 1;
            size++;
        }

        int get(long key) {
            int i = slot(key);
            while (values[i] != 0) {
                if (keys[i] == key) {
                    return values[i] - 1;
                }
                i = (i + 1) & (keys.length - 1);
            }
            return -1;
        }

        private int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & (keys.length - 1);
        }
    }
}
