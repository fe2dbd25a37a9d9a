package io.wiretag.tagging;

/**
 * What the words around a run of capitalised words say of it being a place, beyond a one-word cue before
 * it ({@link NameCues#PLACE_CUE}): a place name joined by hyphens around a lower-case particle
 * ("Colombey-les-Deux-Eglises", "Stratford-upon-Avon"), a place located after a comma ("Watford, near London",
 * "Bucha, north-west of Kyiv"), and a journey's end ("a flight from Surgut", "fled to Lviv").
 */
final class PlaceContext {
    /** Particles that join a place's name by hyphens: French, English, German, Italian and Spanish ones. */
    private static final long[] HYPHEN_PARTICLES = Tokens.hashesLower("les", "le", "la", "de", "du", "des", "sur",
            "sous", "en", "et", "on", "upon", "under", "am", "an", "im", "bei", "di", "del", "sul");
    /** Words after a place's comma that locate it: "Watford, near London". */
    private static final long[] LOCATED = Tokens.hashesLower("near", "outside");
    private static final long[] COMPASS = Tokens.hashesLower("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest");
    private static final long OF = Tokens.hashLower("of");
    private static final long FROM = Tokens.hashLower("from");
    private static final long TO = Tokens.hashLower("to");
    /**
     * Words of travel before "from" or "to": what follows is where the journey starts or ends. Not "moved" nor
     * "returned", which people do to companies too ("returned to Apple").
     */
    private static final long[] TRAVEL = Tokens.hashesLower("flight", "flights", "flew", "fly", "flying", "fled",
            "flee", "fleeing", "travelled", "traveled", "travel", "travelling", "traveling", "trip", "journey", "drove",
            "train", "trains", "road", "highway", "route", "deported", "evacuated");

    private PlaceContext() {
    }

    /**
     * Whether lower-case token {@code t} is a particle joined by a hyphen on both sides to capitalised words of
     * its sentence: "les" of "Colombey-les-Deux-Eglises", "upon" of "Stratford-upon-Avon".
     */
    static boolean hyphenParticle(Tokens tk, String text, int t, int to) {
        return t > 0 && t + 1 < to && (tk.flags[t] & Tokens.FIRST_LOWER) != 0 && Tokens.among(HYPHEN_PARTICLES, tk.lower[t])
                && (tk.flags[t - 1] & Tokens.FIRST_UPPER) != 0 && (tk.flags[t + 1] & Tokens.FIRST_UPPER) != 0
                && tk.sentence[t - 1] == tk.sentence[t + 1]
                && NameText.gap(text, tk.end[t - 1], tk.start[t]) == NameText.GAP_HYPHEN
                && NameText.gap(text, tk.end[t], tk.start[t + 1]) == NameText.GAP_HYPHEN;
    }

    /** Whether tokens {@code f} to {@code l} have a hyphen particle inside: such a name is a place's. */
    static boolean hasHyphenParticle(Tokens tk, String text, int f, int l) {
        for (int t = f + 1; t < l; t++) {
            if ((tk.flags[t] & Tokens.FIRST_LOWER) != 0 && hyphenParticle(tk, text, t, l + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the run ending at {@code l} is followed by a comma and what locates a place: "near" or "outside"
     * ("Watford, near London"), or a compass point and "of" ("Bucha, north-west of Kyiv").
     */
    static boolean locatedAfter(Tokens tk, String text, int l, int to) {
        int t = l + 1;
        if (t >= to || !PlaceSenses.commaBetween(tk, text, l, t) || (tk.flags[t] & Tokens.FIRST_LOWER) == 0) {
            return false;
        }
        if (Tokens.among(LOCATED, tk.lower[t])) {
            return true;
        }
        if (!Tokens.among(COMPASS, tk.lower[t])) {
            return false;
        }
        int next = t + 1;
        if (next < to && Tokens.among(COMPASS, tk.lower[next]) && NameText.gap(text, tk.end[t], tk.start[next]) == NameText.GAP_HYPHEN) {
            next++; // "north-west"
        }
        return next < to && tk.lower[next] == OF && tk.sentence[next] == tk.sentence[l];
    }

    /** Whether "from" or "to" before token {@code first} follows a word of travel: "a flight from Surgut". */
    static boolean journeyBefore(Tokens tk, int first, int fieldFrom) {
        int cue = first - 1;
        int travel = first - 2;
        return travel >= fieldFrom && (tk.lower[cue] == FROM || tk.lower[cue] == TO)
                && (tk.flags[cue] & Tokens.FIRST_LOWER) != 0 && (tk.flags[travel] & Tokens.FIRST_LOWER) != 0
                && tk.sentence[travel] == tk.sentence[first] && Tokens.among(TRAVEL, tk.lower[travel]);
    }
}
