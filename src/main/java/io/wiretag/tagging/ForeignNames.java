package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the people a German, French or Spanish story names that the gazetteer does not know, by the two cues
 * those languages share with English: a title or role right before the name ("Bürgermeister Vitali Klitschko",
 * "le maire Pierre Hurmic", "la alcaldesa Ada Colau", "M. Barrot") and a given name that opens a name of two to
 * four capitalised words ("Andrij Sybiha"). A lone surname is then that person ("Sybiha sagte"), as in
 * English ({@link Coreference}). Organisations and places it leaves to the gazetteer (German writes every noun
 * with a capital, and the English finder's other cues, "Ministry", "in", "-based", are English words), but for
 * German ones a capitalised demonym opens ("die Deutsche Bahn").
 * Russian and Ukrainian names decline (Лавров, Лаврова, Лавровым): those stories have {@link CyrillicNames}.
 */
final class ForeignNames {
    /** The longest run read as one person's name, in words (after a title or the opening given name). */
    private static final int MAX_WORDS = 4;
    private final NameCues cues;
    /** German writes an adjective with a capital only inside a name: "die Deutsche Bahn", "deutsche Soldaten". */
    private final boolean german;
    private final boolean[] aliasDemonym;
    private final List<String> aliasText;
    /** An inflected alias's dictionary form ("Deutsche": "deutsch"), by its text in lower case. */
    private final Map<String, String> formOf;

    ForeignNames(String language, Gazetteer g, Map<String, String> formOf) {
        this.cues = NameCues.forLanguage(language);
        this.german = "de".equals(language);
        this.aliasDemonym = g.aliasDemonym;
        this.aliasText = g.aliasText;
        this.formOf = formOf;
    }

    /** Whether stories in this language get a finder of their own. */
    static boolean supports(String language) {
        return "de".equals(language) || "fr".equals(language) || "es".equals(language);
    }

    List<EntityTag> find(Tokens tk, Scratch s, String headline, String body, int leadParagraph,
                         Explanation.Builder explain) {
        NameWork w = s.namesAroundMatches(tk.count); // what the gazetteer matched is not read again
        boolean named = german && namesOpenedByADemonym(tk, s, w, headline, body, explain);
        for (int f = Tagger.HEADLINE; f <= Tagger.BODY; f++) {
            int from = tk.fieldStart[f];
            int to = tk.fieldStart[f + 1];
            String text = f == Tagger.HEADLINE ? headline : body;
            if (NameText.capsShape(tk, from, to) == NameText.SHAPE_CAPS) {
                continue; // all capitals: every word looks like a name
            }
            scan(tk, w, text, f, from, to);
        }
        if (w.runs == 0) {
            return List.of();
        }
        if (named) {
            w.orderRuns(); // the names opened by a demonym were read before the scan
        }
        // Then a capitalised word alone that is the surname of a person found in full ("Hebestreit verwies"):
        // read only now, and only where the surname is, for German writes every noun with a capital.
        int people = w.runs;
        // A bit per surname's top six bits: most capitalised words (every German noun) are no surname, told by one test.
        long surnames = 0;
        for (int r = 0; r < people; r++) {
            if (w.rLast[r] > w.rFirst[r]) {
                surnames |= 1L << (w.rSurname[r] >>> 58);
            }
        }
        for (int f = Tagger.HEADLINE; f <= Tagger.BODY; f++) {
            String text = f == Tagger.HEADLINE ? headline : body;
            for (int c = tk.fieldCaps[f], end = tk.fieldCaps[f + 1]; c < end; c++) {
                int t = tk.caps[c];
                if ((surnames & 1L << (tk.lower[t] >>> 58)) != 0 && surnameOf(tk, w, people, t) && !NameFinder.covered(w, t)
                        && alone(tk, text, t, tk.fieldStart[f], tk.fieldStart[f + 1])) {
                    NameFinder.add(w, tk, t, t, NameFinder.UNKNOWN, 0, true);
                }
            }
        }
        Coreference.resolve(w, tk, headline, body);
        return UnlinkedTags.build(tk, w, headline, body, leadParagraph, explain);
    }

    /**
     * German: a demonym adjective the gazetteer matched, written with a capital inside a sentence of the body and
     * followed by capitalised words, opens an organisation's name ("die Deutsche Bahn", "die Deutsche Welle", "der
     * Georgische Traum"): German writes the adjective in lower case elsewhere ("deutsche Soldaten"). Not a noun of
     * the people ("die Russen Raketen"), nor before a given name ("den Deutschen Alexander Zverev"), nor a prize or
     * a title ("der Deutsche Buchpreis"). The run is read as an organisation, the demonym inside it (it still
     * counts for its country). Whether any was read.
     */
    private boolean namesOpenedByADemonym(Tokens tk, Scratch s, NameWork w, String headline, String body, Explanation.Builder explain) {
        boolean any = false;
        for (int m = 0; m < s.matches; m++) {
            int d = s.mFirst[m];
            int n = s.mLast[m] + 1;
            if (s.mEntity[m] < 0 || !aliasDemonym[s.mAlias[m]] || s.mLast[m] != d || d == 0 || n >= tk.count
                    || Tagger.field(tk, d) != Tagger.BODY || !adjective(aliasText.get(s.mAlias[m]))
                    || (tk.flags[d] & (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)) != Tokens.FIRST_UPPER
                    || (tk.flags[n] & (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)) != Tokens.FIRST_UPPER
                    || tk.sentence[d - 1] != tk.sentence[d] || Tagger.field(tk, d - 1) != Tagger.field(tk, d)
                    || NameFinder.covered(w, n) || (cues.of(tk.lower[n]) & NameCues.FIRST) != 0) {
                continue; // "den Deutschen Alexander Zverev", "der Russe Andrej Rubljow": the people, a noun before
            }
            String text = Tagger.source(tk, d, headline, body);
            if (!NameFinder.adjacent(tk, text, d, n)) {
                continue;
            }
            int l = n;
            while (l + 1 < tk.count && l - d < MAX_WORDS - 1 && (tk.flags[l + 1] & Tokens.FIRST_UPPER) != 0
                    && !NameFinder.covered(w, l + 1) && NameFinder.sameSentence(tk, l, l + 1)
                    && NameText.gap(text, tk.end[l], tk.start[l + 1]) == NameText.GAP_HYPHEN) {
                l++; // "Deutsche Presse-Agentur"
            }
            String last = text.substring(tk.start[l], tk.end[l]).toLowerCase(Locale.ROOT);
            if (last.endsWith("preis") || last.endsWith("pokal") || last.endsWith("meister")) {
                continue; // "der Deutsche Buchpreis", "der Deutsche Meister": a prize, a title
            }
            s.mWithin[m] = true;
            if (explain != null) {
                explain.why(m, "opens the name of an organisation: a capitalised adjective inside a sentence");
            }
            NameFinder.add(w, tk, d, l, NameFinder.ORG, NameFinder.BY_ORG, true);
            for (int t = n; t <= l; t++) {
                w.cover[t] = w.stamp;
            }
            any = true;
        }
        return any;
    }

    /** Whether a demonym is an adjective: its dictionary form in lower case ("deutsch"), not a noun ("Russe"). */
    private boolean adjective(String alias) {
        String base = formOf.getOrDefault(alias.toLowerCase(Locale.ROOT), alias);
        return !base.isEmpty() && Character.isLowerCase(base.charAt(0));
    }

    /** Reads the runs of capitalised words of field {@code field}, tokens [from, to): only those start one. */
    private void scan(Tokens tk, NameWork w, String text, int field, int from, int to) {
        int[] caps = tk.caps;
        int last = -1;
        for (int c = tk.fieldCaps[field], end = tk.fieldCaps[field + 1]; c < end; c++) {
            int t = caps[c];
            if (t <= last || NameFinder.covered(w, t)) {
                continue;
            }
            int l = t;
            while (l + 1 < to && (tk.flags[l + 1] & Tokens.FIRST_UPPER) != 0 && !NameFinder.covered(w, l + 1)
                    && tk.sentence[l + 1] == tk.sentence[l] && joined(text, tk.end[l], tk.start[l + 1])) {
                l++;
            }
            read(tk, w, text, from, t, l);
            last = l;
        }
    }

    /** Whether token {@code t} is the surname of one of the first {@code people} runs, and in none of them. */
    private static boolean surnameOf(Tokens tk, NameWork w, int people, int t) {
        long h = tk.lower[t];
        boolean surname = false;
        for (int r = 0; r < people; r++) {
            if (t >= w.rFirst[r] && t <= w.rLast[r]) {
                return false; // read already ("M. Hurmic")
            }
            surname |= w.rSurname[r] == h && w.rLast[r] > w.rFirst[r];
        }
        return surname;
    }

    /** Whether token {@code t} is a capitalised word alone: no capitalised word joined to it either side. */
    private static boolean alone(Tokens tk, String text, int t, int from, int to) {
        return (t == from || (tk.flags[t - 1] & Tokens.FIRST_UPPER) == 0 || tk.sentence[t - 1] != tk.sentence[t]
                || !joined(text, tk.end[t - 1], tk.start[t]))
                && (t + 1 >= to || (tk.flags[t + 1] & Tokens.FIRST_UPPER) == 0 || tk.sentence[t + 1] != tk.sentence[t]
                || !joined(text, tk.end[t], tk.start[t + 1]));
    }

    /** Whether two capitalised words are one name's: a space or a hyphen between ("Jean-Noël Barrot"). */
    private static boolean joined(String text, int end, int start) {
        return NameText.gapJoins(NameText.gap(text, end, start));
    }

    /** Types one run, tokens {@code first} to {@code last}. */
    private void read(Tokens tk, NameWork w, String text, int fieldFrom, int first, int last) {
        int f = first;
        // Words a sentence opens with ("Der", "Le", "El") and titles written with a capital ("Bürgermeister",
        // "Präsident", "M.") go first; a title there or right before the run makes a person of the rest.
        boolean titled = f > fieldFrom && titleBefore(tk, text, f);
        int bits = 0;
        while (f <= last && ((bits = cues.of(tk.lower[f])) & (NameCues.COMMON | NameCues.TITLE)) != 0) {
            titled |= (bits & NameCues.TITLE) != 0;
            f++;
        }
        int len = last - f + 1;
        if (len <= 0 || len > MAX_WORDS || len == 1 && tk.end[f] - tk.start[f] == 1) {
            return; // nothing left, too long for a name, or an initial or a letter
        }
        if (titled || len >= 2 && (bits & NameCues.FIRST) != 0) { // bits: the cues of token f, read by the loop
            if (!NameText.hasDigit(text, tk.start[f], tk.end[last])) {
                NameFinder.add(w, tk, f, last, NameFinder.PERSON, titled ? NameFinder.BY_TITLE : NameFinder.BY_FIRST, true);
            }
        }
    }

    /** Whether a title stands right before token {@code t}, in its sentence ("le maire Pierre", "M. Barrot"). */
    private boolean titleBefore(Tokens tk, String text, int t) {
        int b = t - 1;
        if ((cues.of(tk.lower[b]) & NameCues.TITLE) == 0) {
            return false;
        }
        int gap = NameText.gap(text, tk.end[b], tk.start[t]);
        // "M. Barrot", "Sr. Sánchez": the abbreviation's full stop may end the sentence for the tokeniser.
        return gap == NameText.GAP_SPACE && tk.sentence[b] == tk.sentence[t] || gap == NameText.GAP_DOT && tk.end[b] - tk.start[b] <= 3;
    }
}
