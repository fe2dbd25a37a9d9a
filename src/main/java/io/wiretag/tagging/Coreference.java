package io.wiretag.tagging;

/**
 * Joins the name finder's mentions into entities within one story: the same words are the same entity;
 * a lone surname ("Yanukovych", "Mr Yanukovych") is the one person of that surname the story names in full
 * ("Viktor Yanukovych"), or of several, the one named first; an organisation's acronym ("NWS", "CDU") is the
 * one organisation the story names in full with those initials ("National Weather Service"), and one known by
 * its first words ("Bristol", "Bre-X") the one it names in full starting with that word ("Bristol Rovers"); a
 * name found with no cue of its own takes its type from another mention.
 */
final class Coreference {
    private Coreference() {
    }

    static void resolve(NameWork w, Tokens tk, String headline, String body) {
        w.clearKeys();
        for (int r = 0; r < w.runs; r++) {
            if (w.rType[r] <= NameFinder.UNKNOWN) { // untyped, linked, or read into a longer name
                continue;
            }
            int e = w.entityOfKey(w.rKey[r]);
            if (e < 0) {
                e = w.newEntity(w.rKey[r], w.rType[r], r, w.rSurname[r]);
                w.putKey(w.rKey[r], e);
            } else if (length(w, r) > length(w, w.eLongest[e])) {
                w.eLongest[e] = r;
            }
            w.rEntity[r] = e;
        }
        joinAcronyms(w, tk, headline, body);
        joinFirstWords(w, tk);
        // The people named in full (two words or more), by surname: from here on that set does not change,
        // for only people known by one word are merged away below.
        for (int e = 0; e < w.ents; e++) {
            if (w.eType[e] == NameFinder.PERSON && length(w, w.eLongest[e]) >= 2) {
                w.putSurname(w.eSurname[e], e);
            }
        }
        // A person known by one word joins the one person named in full with that surname.
        for (int e = 0; e < w.ents; e++) {
            if (w.eType[e] != NameFinder.PERSON || length(w, w.eLongest[e]) != 1) {
                continue;
            }
            int full = personOfSurname(w, tk, w.eLongest[e]);
            if (full >= 0) {
                mergeInto(w, e, full, -1); // a later lone surname finds the person by surname, not by key
            }
        }
        for (int r = 0; r < w.runs; r++) {
            if (w.rType[r] != NameFinder.UNKNOWN) {
                continue;
            }
            int e = -1;
            if (length(w, r) == 1) {
                e = personOfSurname(w, tk, r);
            }
            if (e < 0) {
                e = w.entityOfKey(w.rKey[r]);
            }
            if (e < 0 && (length(w, r) > 1 || (tk.flags[w.rFirst[r]] & Tokens.ALL_UPPER) == 0)) {
                // "Bre-X" after "Bre-X Minerals Ltd", "Goldman" after "Goldman Sachs"
                e = organisationStartingWith(w, tk, w.rFirst[r], w.rLast[r], -1);
            }
            w.rEntity[r] = e;
        }
    }

    /**
     * The person named in full whose surname one-word run {@code r} is: the only one of that surname, or where
     * the story names several, the one it names first, its subject, as agency style has it (a second person of
     * the name is told apart by given name: "Bob Woolmer" ... "his father, Clarence Woolmer" ... "Woolmer
     * said" is Bob; "Mussolini's granddaughter" in a headline is the Alessandra Mussolini named before Benito);
     * -1 when none is.
     */
    private static int personOfSurname(NameWork w, Tokens tk, int r) {
        long surname = tk.lower[w.rFirst[r]];
        int only = w.personOfSurname(surname);
        if (only >= 0 || !w.severalOfSurname(surname)) {
            return only;
        }
        int first = -1;
        int firstAt = Integer.MAX_VALUE;
        for (int q = 0; q < w.runs; q++) {
            int e = w.rEntity[q];
            if (e >= 0 && w.rFirst[q] < firstAt && w.eType[e] == NameFinder.PERSON && w.eSurname[e] == surname
                    && length(w, q) >= 2) {
                first = e;
                firstAt = w.rFirst[q];
            }
        }
        return first;
    }

    /**
     * An organisation known by its first word ("Bristol", "Goldman") joins the one organisation the story
     * names in full starting with it ("Bristol Rovers", "Goldman Sachs"); two such (a "Deutsche Bank" and a
     * "Deutsche Post", the gazetteer's or not): neither.
     */
    private static void joinFirstWords(NameWork w, Tokens tk) {
        for (int e = 0; e < w.ents; e++) {
            int r = w.eLongest[e];
            if (w.eType[e] != NameFinder.ORG || w.rFirst[r] != w.rLast[r] || (tk.flags[w.rFirst[r]] & Tokens.ALL_UPPER) != 0) {
                continue; // one word and not an acronym (those are joinAcronyms')
            }
            int full = organisationStartingWith(w, tk, w.rFirst[r], w.rFirst[r], e);
            if (full >= 0) {
                mergeInto(w, e, full, full);
            }
        }
    }

    /**
     * The one organisation other than {@code except} named in more words than tokens {@code first} to
     * {@code last}, starting with the same words, or -1 (also when the one word starts an organisation the
     * gazetteer found).
     */
    private static int organisationStartingWith(NameWork w, Tokens tk, int first, int last, int except) {
        int n = last - first + 1;
        if (n == 1 && w.hasLinkedOrganisationStartingWith(tk.lower[first])) {
            return -1; // a known organisation starts with the word too ("Deutsche Bank" and "Deutsche Post AG")
        }
        int found = -1;
        for (int g = 0; g < w.ents; g++) {
            int rg = w.eLongest[g];
            if (g == except || w.eType[g] != NameFinder.ORG || length(w, rg) <= n || !startsWith(tk, w.rFirst[rg], first, n)
                    || w.cover[w.rFirst[rg]] == w.stamp) {
                continue; // opened by a country ("Palestine Liberation Organisation"): "Palestine" alone is the country
            }
            if (found >= 0) {
                return -1;
            }
            found = g;
        }
        return found;
    }

    private static boolean startsWith(Tokens tk, int name, int first, int n) {
        for (int k = 0; k < n; k++) {
            if (tk.lower[name + k] != tk.lower[first + k]) {
                return false;
            }
        }
        return true;
    }

    /** An organisation known by an acronym joins the one organisation named in full with its initials. */
    private static void joinAcronyms(NameWork w, Tokens tk, String headline, String body) {
        for (int e = 0; e < w.ents; e++) {
            int r = w.eLongest[e];
            if (w.eType[e] != NameFinder.ORG || w.rFirst[r] != w.rLast[r]
                    || (tk.flags[w.rFirst[r]] & Tokens.ALL_UPPER) == 0) {
                continue;
            }
            String letters = capitals(tk, w.rFirst[r], headline, body);
            if (letters.length() < 2 || letters.length() > 6) {
                continue;
            }
            int full = -1;
            for (int g = 0; g < w.ents && full != -2; g++) {
                int rg = w.eLongest[g];
                if (g != e && w.eType[g] == NameFinder.ORG && length(w, rg) >= 2
                        && abbreviates(letters, initials(tk, w.rFirst[rg], w.rLast[rg], headline, body))) {
                    full = full < 0 ? g : -2; // two organisations with those initials: cannot tell
                }
            }
            if (full < 0) {
                continue;
            }
            mergeInto(w, e, full, full); // a later mention of the acronym with no type of its own is it too
        }
    }

    /** Entity {@code e}'s mentions become {@code into}'s; its key now names {@code keyNow} (-1: none). */
    private static void mergeInto(NameWork w, int e, int into, int keyNow) {
        for (int r = 0; r < w.runs; r++) {
            if (w.rEntity[r] == e) {
                w.rEntity[r] = into;
            }
        }
        w.eType[e] = NameFinder.UNKNOWN; // merged away
        w.putKey(w.eKey[e], keyNow);
        w.eKey[e] = 0;
    }

    /**
     * Whether an acronym stands for a name with these initials: all of them, or, from three letters, its last
     * words after an adjective the acronym leaves out ("CSU" for "Bavarian Christian Social Union").
     */
    private static boolean abbreviates(String acronym, String initials) {
        return acronym.equals(initials) || acronym.length() >= 3 && initials.endsWith(acronym);
    }

    /** The capitals of an acronym token: "N.W.S." and "NWS" are NWS. */
    private static String capitals(Tokens tk, int t, String headline, String body) {
        String text = Tagger.source(tk, t, headline, body);
        StringBuilder b = new StringBuilder(8);
        for (int i = tk.start[t]; i < tk.end[t]; i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                b.append(text.charAt(i));
            }
        }
        return b.toString();
    }

    /** The first letters of a name's capitalised words: "National Weather Service" is NWS ("of", "for" add none). */
    private static String initials(Tokens tk, int first, int last, String headline, String body) {
        String text = Tagger.source(tk, first, headline, body);
        StringBuilder b = new StringBuilder(8);
        for (int t = first; t <= last; t++) {
            if ((tk.flags[t] & Tokens.FIRST_UPPER) != 0) {
                b.append(Character.toUpperCase(text.charAt(tk.start[t])));
            }
        }
        return b.toString();
    }

    private static int length(NameWork w, int run) {
        return w.rLast[run] - w.rFirst[run] + 1;
    }
}
