package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import java.util.List;

/**
 * Finds the people a German, French or Spanish story names that the gazetteer does not know, by the two cues
 * those languages share with English: a title or role right before the name ("Bürgermeister Vitali Klitschko",
 * "le maire Pierre Hurmic", "la alcaldesa Ada Colau", "M. Barrot") and a given name that opens a name of two to
 * four capitalised words ("Andrij Sybiha"). A lone surname is then that person ("Sybiha sagte"), as in
 * English ({@link Coreference}). Organisations and places it leaves to the gazetteer: German writes every noun
 * with a capital, and the English finder's other cues ("Ministry", "in", "-based") are English words.
 * Russian and Ukrainian names decline (Лавров, Лаврова, Лавровым): those stories have {@link CyrillicNames}.
 */
final class ForeignNames {
    /** The longest run read as one person's name, in words (after a title or the opening given name). */
    private static final int MAX_WORDS = 4;
    private final NameCues cues;

    ForeignNames(String language) {
        this.cues = NameCues.forLanguage(language);
    }

    /** Whether stories in this language get a finder of their own. */
    static boolean supports(String language) {
        return "de".equals(language) || "fr".equals(language) || "es".equals(language);
    }

    List<EntityTag> find(Tokens tk, Scratch s, String headline, String body, int leadParagraph,
                         Explanation.Builder explain) {
        NameWork w = s.namesAroundMatches(tk.count); // what the gazetteer matched is not read again
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
