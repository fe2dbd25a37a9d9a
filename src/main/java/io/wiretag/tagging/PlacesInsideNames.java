package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_ACRONYM;
import static io.wiretag.tagging.NameFinder.ORG;
import static io.wiretag.tagging.NameFinder.SWALLOWED;
import static io.wiretag.tagging.NameFinder.UNKNOWN;
import static io.wiretag.tagging.NameFinder.adjacent;
import static io.wiretag.tagging.NameFinder.covered;
import static io.wiretag.tagging.NameFinder.insideMatch;
import static io.wiretag.tagging.NameFinder.key;
import static io.wiretag.tagging.NameFinder.surname;

/**
 * Countries and places the gazetteer matched that the story names inside a longer name: an organisation's
 * ("Palestine Liberation Organisation", "Rubber Board of India", "China Airlines"), an event's or an
 * agreement's ("the Zimbabwe Open", "the Warsaw Pact"), a college team's on a sports page ("Ohio State"). The
 * name finder reads the longer name; the match is marked {@link Scratch#mWithin}, so that it still counts for
 * its entity (relevance, topic rules) but is listed apart from the entity's mentions, in {@code inside}.
 */
final class PlacesInsideNames {
    private final NameCues cues;
    private final boolean[] entityIsPlace;
    private final boolean[] entityIsCountry;

    PlacesInsideNames(NameCues cues, boolean[] entityIsPlace, boolean[] entityIsCountry) {
        this.cues = cues;
        this.entityIsPlace = entityIsPlace;
        this.entityIsCountry = entityIsCountry;
    }

    /**
     * "Palestine Liberation Organisation", "South African Breweries Ltd", "U.S. Municipal Desk", "Singapore
     * Newsroom": an organisation whose name opens with a country the gazetteer matched is read with it (a head
     * word alone after the country is such a name). The country is named inside the organisation's name: it still
     * counts for the country (the topic rules count a country's bodies for it), listed apart from its mentions
     * ({@link Scratch#mWithin}); the organisation's mention is its whole name, where it was the words after the
     * country ("Liberation Organisation"). The same for a country or a place that closes the name after "of"
     * ("Rubber Board of India", "National University of Singapore").
     */
    void withTheCountryBefore(Tokens tk, Scratch s, NameWork w, String headline, String body, Explanation.Builder explain) {
        for (int r = 0; r < w.runs; r++) {
            int f = w.rFirst[r];
            boolean headAlone = w.rType[r] == UNKNOWN && w.rJoinable[r] && f == w.rLast[r]
                    && (tk.flags[f] & Tokens.ALL_UPPER) == 0 && (cues.of(tk.lower[f]) & (NameCues.ORG_HEAD | NameCues.COMMON)) == NameCues.ORG_HEAD;
            if (w.rType[r] == ORG && w.rWhy[r] != BY_ACRONYM) {
                withThePlaceAfterOf(tk, s, w, r, headline, body, explain);
            }
            if (w.rType[r] != ORG && !headAlone || w.rWhy[r] == BY_ACRONYM || f == 0) {
                continue; // an acronym is a name of its own: "Japan NTT" is Japan and NTT
            }
            String text = Tagger.source(tk, f, headline, body);
            // Common words the scan trimmed from the name's front come back after the country: "Irish Republican
            // Army", "Albanian Football Association" (two at most, capitalised, in the body).
            int g = f;
            while (g > 0 && g > f - 2 && Tagger.field(tk, g - 1) == Tagger.BODY
                    && (tk.flags[g - 1] & (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)) == Tokens.FIRST_UPPER
                    && !covered(w, g - 1) && adjacent(tk, text, g - 1, g) && (cues.of(tk.lower[g - 1]) & NameCues.COMMON) != 0
                    && (cues.of(tk.lower[w.rLast[r]]) & NameCues.ORG_HEAD) != 0) {
                g--;
            }
            for (int c = f; c >= g && c > 0; c--) { // the country's match ends right before c: asked of each token
                int m = s.matchAt(c - 1);
                int e = m >= 0 ? s.mEntity[m] : -1;
                if (m >= 0 && s.mLast[m] == c - 1 && e >= 0 && entityIsCountry[e] && (tk.flags[s.mFirst[m]] & Tokens.FIRST_UPPER) != 0
                        && adjacent(tk, text, c - 1, c)) {
                    s.mWithin[m] = true;
                    if (explain != null) {
                        explain.why(m, "inside the name of an organisation that opens with it");
                    }
                    if (headAlone) {
                        w.rType[r] = ORG;
                        w.rWhy[r] = NameFinder.BY_ORG;
                    }
                    int country = s.mFirst[m];
                    int first = country;
                    // And the capitalised words before the country that no match took: "Pan American Health
                    // Organization"; in the body only (a title-case headline capitalises every word), and only
                    // words no rule typed ("John Smith" before "American Airlines" stays a person).
                    while (first > 0 && Tagger.field(tk, first - 1) == Tagger.BODY && (tk.flags[first - 1] & Tokens.FIRST_UPPER) != 0
                            && !covered(w, first - 1) && adjacent(tk, text, first - 1, first)
                            && (cues.of(tk.lower[first - 1]) & NameCues.COMMON) == 0) {
                        first--;
                    }
                    // The runs are in token order: those between the first word and the country are right before r.
                    for (int q = r - 1; q >= 0 && w.rLast[q] >= first && first < country; q--) {
                        if (w.rFirst[q] < country && w.rType[q] != UNKNOWN) {
                            first = country;
                        }
                    }
                    for (int q = r - 1; q >= 0 && w.rLast[q] >= first; q--) {
                        if (w.rFirst[q] >= first && w.rLast[q] < country) {
                            w.rType[q] = SWALLOWED;
                        }
                    }
                    w.rFirst[r] = first;
                    w.rKey[r] = key(tk, first, w.rLast[r]);
                    break;
                }
            }
        }
    }

    private static final long OF = Tokens.hashLower("of");

    /**
     * Organisation run {@code r} followed by "of" and a country or a place the gazetteer matched, the name's last
     * words ("Rubber Board of India"), or under a legal form written first by its country ("PT Telekomunikasi
     * Indonesia"): the run takes them, and the match is named inside it.
     */
    private void withThePlaceAfterOf(Tokens tk, Scratch s, NameWork w, int r, String headline, String body, Explanation.Builder explain) {
        int of = w.rLast[r] + 1;
        if (of + 1 >= tk.count) {
            return;
        }
        String text = Tagger.source(tk, of, headline, body);
        // "PT Telekomunikasi Indonesia": a company under a legal form written first may end with its country.
        boolean legalForm = Tokens.among(NameFinder.LEADING_FORMS, tk.lower[w.rFirst[r]]) && adjacent(tk, text, of - 1, of);
        if (!legalForm && (tk.lower[of] != OF || !adjacent(tk, text, of - 1, of) || !adjacent(tk, text, of, of + 1)
                || (tk.flags[of] & Tokens.FIRST_LOWER) == 0)) {
            return;
        }
        int at = legalForm && tk.lower[of] != OF ? of : of + 1;
        int m = s.matchAt(at);
        if (m >= 0) {
            int e = s.mEntity[m];
            if (s.mFirst[m] != at || e < 0 || !(entityIsCountry[e] || entityIsPlace[e] && at == of + 1)) {
                return;
            }
            int last = s.mLast[m];
            if (last + 1 < tk.count && (tk.flags[last + 1] & Tokens.FIRST_UPPER) != 0 && adjacent(tk, text, last, last + 1)) {
                return; // "Bank of Japan Governor": the match goes on into another name
            }
            s.mWithin[m] = true;
            if (explain != null) {
                explain.why(m, "inside the name of an organisation it closes after \"of\"");
            }
            w.rLast[r] = last;
            w.rKey[r] = key(tk, w.rFirst[r], last);
            w.rSurname[r] = surname(tk, w.rFirst[r], last);
        }
    }

    private static final long STATE = Tokens.hashLower("state");
    private static final long TECH = Tokens.hashLower("tech");
    /**
     * Words after a place that make it open an event's or an agreement's name: "Zimbabwe Open", "Warsaw Pact",
     * "Monaco Grand Prix", "Commonwealth Games", "Tokyo Olympics".
     */
    private static final long[] EVENTS = Tokens.hashesLower(new String[] {"Open", "Masters", "Classic", "Convention",
        "Pact", "Treaty", "Accords", "Protocol", "Declaration", "Marathon", "Grand", "Games", "Olympics"});

    /**
     * A country or a place the gazetteer matched that opens the name of something else, in the body: an event or
     * an agreement ("the Zimbabwe Open", "the Warsaw Pact", "the Berne Convention"), which the name finder does not
     * type, or on a sports page a college's team ("Ohio State", "Virginia Tech"), an organisation. The match is
     * named inside that name ({@link Scratch#mWithin}).
     */
    void placesOpeningOtherNames(Tokens tk, Scratch s, NameWork w, String body, boolean sportsStory, Explanation.Builder explain) {
        int sorted = w.runs; // the scan's runs, in token order; a team's added here comes after them (NameWork.orderRuns)
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            int n = s.mLast[m] + 1;
            if (e < 0 || n >= tk.count || (tk.flags[n] & (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)) != Tokens.FIRST_UPPER
                    || s.mWithin[m] || !(entityIsPlace[e] || entityIsCountry[e])) {
                continue;
            }
            long word = tk.lower[n];
            boolean event = Tokens.among(EVENTS, word);
            if (!event && !(sportsStory && (word == TECH || word == STATE))
                    || Tagger.field(tk, s.mFirst[m]) != Tagger.BODY || !adjacent(tk, body, n - 1, n) || insideMatch(s, n)) {
                continue;
            }
            if (event) {
                s.mWithin[m] = true;
                if (explain != null) {
                    explain.why(m, "inside the name of an event or an agreement");
                }
            } else if (sportsStory && (word == TECH || word == STATE && entityIsPlace[e])
                    && !(n + 1 < tk.count && (tk.flags[n + 1] & Tokens.FIRST_UPPER) != 0 && adjacent(tk, body, n, n + 1))) {
                int f = s.mFirst[m];
                int r = w.runCovering(n, sorted);
                if (r >= 0 && w.rFirst[r] == n) {
                    w.rFirst[r] = f;
                    w.rType[r] = ORG;
                    w.rWhy[r] = NameFinder.BY_TEAM;
                    w.rKey[r] = key(tk, f, w.rLast[r]);
                } else if (r < 0) {
                    w.addRun(f, n, ORG, NameFinder.BY_TEAM, key(tk, f, n), surname(tk, f, n), true);
                }
                s.mWithin[m] = true;
                if (explain != null) {
                    explain.why(m, "inside the name of a college's team on a sports page");
                }
            }
        }
        insideInTheHeadline(tk, s, explain);
    }

    /**
     * A headline, in capitals or title case, names what the body names: a place in the headline followed by the
     * word that follows it where the body read it inside a longer name ("ZIMBABWE OPEN SECOND ROUND SCORES" over
     * "the Zimbabwe Open") is inside that name too.
     */
    private static void insideInTheHeadline(Tokens tk, Scratch s, Explanation.Builder explain) {
        int bodyStart = tk.fieldStart[Tagger.BODY];
        // The body's places inside a longer name, with the word after each: a few pairs, gathered once.
        long[] pairs = null;
        int n = 0;
        for (int k = 0; k < s.matches && n < 16; k++) {
            int kn = s.mLast[k] + 1;
            if (s.mWithin[k] && s.mFirst[k] >= bodyStart && kn < tk.count && s.mEntity[k] >= 0) {
                if (pairs == null) {
                    pairs = new long[16];
                }
                pairs[n++] = tk.lower[kn] * 31 + s.mEntity[k];
            }
        }
        for (int m = 0; m < s.matches && n > 0; m++) {
            int next = s.mLast[m] + 1;
            if (s.mFirst[m] >= bodyStart || s.mEntity[m] < 0 || s.mWithin[m] || next >= bodyStart
                    || tk.start[next] != tk.end[next - 1] + 1) {
                continue;
            }
            long pair = tk.lower[next] * 31 + s.mEntity[m];
            for (int k = 0; k < n; k++) {
                if (pairs[k] == pair) {
                    s.mWithin[m] = true;
                    if (explain != null) {
                        explain.why(m, "inside the longer name the body reads with the same words");
                    }
                    break;
                }
            }
        }
    }
}
