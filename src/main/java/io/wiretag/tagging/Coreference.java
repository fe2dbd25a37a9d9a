package io.wiretag.tagging;

/**
 * Joins the name finder's mentions into entities within one story: the same words are the same entity;
 * a lone surname ("Yanukovych", "Mr Yanukovych") is the one person of that surname the story names in full
 * ("Viktor Yanukovych"); a name found with no cue of its own takes its type from another mention.
 */
final class Coreference {
    private Coreference() {
    }

    static void resolve(NameWork w, Tokens tk) {
        for (int r = 0; r < w.runs; r++) {
            if (w.rType[r] == NameFinder.UNKNOWN || w.rType[r] == NameFinder.LINKED) {
                continue;
            }
            int e = byKey(w, w.rKey[r]);
            if (e < 0) {
                e = w.newEntity(w.rKey[r], w.rType[r], r, w.rSurname[r]);
            } else if (length(w, r) > length(w, w.eLongest[e])) {
                w.eLongest[e] = r;
            }
            w.rEntity[r] = e;
        }
        // A person known by one word joins the one person named in full with that surname.
        for (int e = 0; e < w.ents; e++) {
            if (w.eType[e] != NameFinder.PERSON || length(w, w.eLongest[e]) != 1) {
                continue;
            }
            int full = fullPerson(w, tk.lower[w.rFirst[w.eLongest[e]]], e);
            if (full >= 0) {
                for (int r = 0; r < w.runs; r++) {
                    if (w.rEntity[r] == e) {
                        w.rEntity[r] = full;
                    }
                }
                w.eType[e] = NameFinder.UNKNOWN; // merged away
                w.eKey[e] = 0;
            }
        }
        for (int r = 0; r < w.runs; r++) {
            if (w.rType[r] != NameFinder.UNKNOWN) {
                continue;
            }
            int e = -1;
            if (length(w, r) == 1) {
                e = fullPerson(w, tk.lower[w.rFirst[r]], -1);
            }
            if (e < 0) {
                e = byKey(w, w.rKey[r]);
            }
            w.rEntity[r] = e;
        }
    }

    private static int length(NameWork w, int run) {
        return w.rLast[run] - w.rFirst[run] + 1;
    }

    private static int byKey(NameWork w, long key) {
        for (int e = 0; e < w.ents; e++) {
            if (w.eKey[e] == key && w.eType[e] != NameFinder.UNKNOWN) {
                return e;
            }
        }
        return -1;
    }

    /** The only person of at least two words whose last word is {@code surname}; -1 when none or several. */
    private static int fullPerson(NameWork w, long surname, int except) {
        int found = -1;
        for (int e = 0; e < w.ents; e++) {
            if (e != except && w.eType[e] == NameFinder.PERSON && w.eSurname[e] == surname
                    && length(w, w.eLongest[e]) >= 2) {
                if (found >= 0) {
                    return -1;
                }
                found = e;
            }
        }
        return found;
    }
}
