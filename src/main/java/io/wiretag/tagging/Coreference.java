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
        w.clearKeys();
        for (int r = 0; r < w.runs; r++) {
            if (w.rType[r] == NameFinder.UNKNOWN || w.rType[r] == NameFinder.LINKED) {
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
            int full = w.personOfSurname(tk.lower[w.rFirst[w.eLongest[e]]]);
            if (full >= 0) {
                for (int r = 0; r < w.runs; r++) {
                    if (w.rEntity[r] == e) {
                        w.rEntity[r] = full;
                    }
                }
                w.eType[e] = NameFinder.UNKNOWN; // merged away
                w.putKey(w.eKey[e], -1);
                w.eKey[e] = 0;
            }
        }
        for (int r = 0; r < w.runs; r++) {
            if (w.rType[r] != NameFinder.UNKNOWN) {
                continue;
            }
            int e = -1;
            if (length(w, r) == 1) {
                e = w.personOfSurname(tk.lower[w.rFirst[r]]);
            }
            if (e < 0) {
                e = w.entityOfKey(w.rKey[r]);
            }
            w.rEntity[r] = e;
        }
    }

    private static int length(NameWork w, int run) {
        return w.rLast[run] - w.rFirst[run] + 1;
    }
}
