package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_ACRONYM;
import static io.wiretag.tagging.NameFinder.BY_DATELINE;
import static io.wiretag.tagging.NameFinder.ELSEWHERE;
import static io.wiretag.tagging.NameFinder.LINKED;
import static io.wiretag.tagging.NameFinder.ORG;
import static io.wiretag.tagging.NameFinder.SWALLOWED;
import static io.wiretag.tagging.NameFinder.UNKNOWN;
import static io.wiretag.tagging.NameFinder.adjacent;
import static io.wiretag.tagging.NameFinder.covered;
import static io.wiretag.tagging.NameFinder.insideMatch;
import static io.wiretag.tagging.NameFinder.key;
import static io.wiretag.tagging.NameFinder.surname;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The gazetteer's matches as the name finder meets them: which words they cover (and which matches give way
 * to a longer name or to someone else of that surname), the short names they lend to the rest of the story
 * (a person's surname, an organisation's first word), and the organisations that open with a country.
 */
final class KnownNames {
    private final NameCues cues;
    private final byte[] aliasTarget;
    final boolean[] entityIsPerson;
    final boolean[] entityIsPlace;
    final boolean[] entityIsCountry;
    final boolean[] entityIsOrganisation;
    /**
     * Per person: the first words of its names of two words or more ("Joe", "Joseph" of Joe Biden), those of
     * entity e at [givenStart[e], givenStart[e + 1]) of one flat array, as a gazetteer of 100,000 people has them.
     */
    private final int[] givenStart;
    private final long[] givenWords;
    /** Cue words that are no organisation's short name though they open its full one. */
    private static final int NOT_A_SHORT_NAME = NameCues.COMMON | NameCues.TITLE | NameCues.FIRST | NameCues.ORG_HEAD
            | NameCues.ORG_WORD | NameCues.PLACE_HEAD | NameCues.ADJ | NameCues.CONNECT_ORG | NameCues.CONNECT_PERSON;

    KnownNames(Gazetteer g, NameCues cues) {
        this.cues = cues;
        this.aliasTarget = g.aliasTarget;
        int n = g.entities.length;
        this.entityIsPerson = new boolean[n];
        this.entityIsPlace = new boolean[n];
        this.entityIsCountry = new boolean[n];
        this.entityIsOrganisation = new boolean[n];
        for (int e = 0; e < n; e++) {
            entityIsPerson[e] = "person".equals(g.entities[e].type());
            entityIsPlace[e] = "place".equals(g.entities[e].type());
            entityIsCountry[e] = "country".equals(g.entities[e].type());
            entityIsOrganisation[e] = "organisation".equals(g.entities[e].type());
        }
        this.givenStart = new int[n + 1];
        long[] words = new long[n];
        int count = 0;
        for (int e = 0; e < n; e++) {
            givenStart[e] = count;
            if (entityIsPerson[e]) {
                for (long word : givenNames(g.entities[e])) {
                    if (count == words.length) {
                        words = Arrays.copyOf(words, count * 2);
                    }
                    words[count++] = word;
                }
            }
        }
        givenStart[n] = count;
        this.givenWords = Arrays.copyOf(words, count);
    }

    /** Whether a name of two words or more the name finder read (not run {@code r}) starts with the word {@code h}. */
    private static boolean startsAnotherName(Tokens tk, NameWork w, int r, long h) {
        for (int p = 0; p < w.runs; p++) {
            if (p != r && w.rLast[p] > w.rFirst[p] && w.rType[p] > 0 && tk.lower[w.rFirst[p]] == h) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lone surname of a person the gazetteer found by full name in this story ("Colin Powell" ... "Mr Powell")
     * is another mention of that person, and an organisation's first word one of that organisation ("Norilsk
     * Nickel" ... "Norilsk"): it joins the gazetteer's matches and its entity's weight.
     */
    static void linkSurnames(Tokens tk, Scratch s, NameWork w, int leadParagraph, Explanation.Builder explain) {
        if (w.linked == 0) {
            return;
        }
        for (int r = 0; r < w.runs; r++) {
            // A dateline is where the story was filed: "INDIANAPOLIS" is the city though "Indianapolis Colts" is in it.
            if (w.rFirst[r] != w.rLast[r] || w.rType[r] == SWALLOWED || w.rWhy[r] == BY_DATELINE) {
                continue;
            }
            long h = tk.lower[w.rFirst[r]];
            int found = -1;
            for (int k = 0; k < w.linked; k++) {
                if (w.linkedSurname[k] == h) {
                    if (found >= 0 && w.linkedEntity[found] != w.linkedEntity[k]) {
                        found = -2; // two people of that surname: cannot tell
                        break;
                    }
                    found = k;
                }
            }
            if (found < 0 || w.linkedOrganisation[found] && startsAnotherName(tk, w, r, h)) {
                continue; // "Deutsche" after "Deutsche Bank" and "Deutsche Post AG": neither's
            }
            int e = w.linkedEntity[found];
            int slot = s.entitySlot[e];
            if (slot < 0) {
                continue;
            }
            int t = w.rFirst[r];
            s.addMatch(t, t, w.linkedAlias[found]);
            s.mEntity[s.matches - 1] = e;
            s.slotWeight[slot] += EntityTags.weight(tk, t, leadParagraph);
            s.slotMentions[slot]++;
            if (explain != null) {
                explain.why(s.matches - 1, w.linkedOrganisation[found] ? "first word of an organisation named in full in the story"
                        : "surname of a person named in full in the story");
            }
            w.rType[r] = LINKED;
        }
    }

    void markCovered(Tokens tk, Scratch s, NameWork w, String headline, String body, Explanation.Builder explain) {
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e == ELSEWHERE) {
                continue; // another place of that name ("Cairo, Illinois"): the name finder reads it
            }
            // A shared name that resolved to nothing ("Georgia" without a cue) and an ignore phrase ("Washington
            // Post", "Melania Trump": no entity of the gazetteer, but a name) are left to the name finder.
            if (e < 0 && aliasTarget[s.mAlias[m]] != Gazetteer.TARGET_ENTITY) {
                continue;
            }
            if (e >= 0 && entityIsCountry[e] && Crews.numeralAfter(tk, Tagger.source(tk, s.mLast[m], headline, body), s.mLast[m])) {
                // "USA III", "Canada I (Pierre Lueders, ...)": a crew, which the name finder reads as a team.
                if (explain != null) {
                    explain.why(m, "a crew named after the country (a numeral after it), read whole");
                }
                s.mEntity[m] = -1;
                w.addCrew(s.mFirst[m], s.mLast[m] + 1);
                continue;
            }
            if (e >= 0 && entityIsPlace[e] && opensLongerName(tk, s, m, Tagger.source(tk, s.mLast[m], headline, body))) {
                // "Illinois Emergency Management Agency", "Arkansas City": the place only opens a longer name,
                // which the name finder reads whole; the place itself is not named here.
                if (explain != null) {
                    explain.why(m, "opens a longer name, read whole");
                }
                s.mEntity[m] = -1;
                continue;
            }
            if (e >= 0 && (entityIsPlace[e] || entityIsOrganisation[e] || entityIsCountry[e] && twoWordName(tk, s.mFirst[m]))
                    && s.mFirst[m] == s.mLast[m] && followsGivenName(tk, s, s.mFirst[m], Tagger.source(tk, s.mFirst[m], headline, body))) {
                // "Dion Dublin", "Jack London", "Bill Jordan", "Michael Bloomberg", "Henry Ford": a given name
                // before the place, the country or the organisation makes it a surname, read whole.
                if (explain != null) {
                    explain.why(m, "a surname after a given name, read whole");
                }
                if (!entityIsOrganisation[e]) {
                    w.addSurnamePlace(m, e);
                }
                s.mEntity[m] = -1;
                continue;
            }
            if (e >= 0 && entityIsPerson[e] && s.mFirst[m] == s.mLast[m]
                    && followsGivenName(tk, s, s.mFirst[m], Tagger.source(tk, s.mFirst[m], headline, body))
                    && !isGivenNameOf(e, tk.lower[s.mFirst[m] - 1])) {
                // "Jill Biden", "Chris Aspin": a given name the person never goes by makes it someone else of
                // that surname, read whole.
                if (explain != null) {
                    explain.why(m, "another given name before the surname: someone else, read whole");
                }
                s.mEntity[m] = -1;
                continue;
            }
            if (e >= 0 && entityIsPerson[e] && s.mFirst[m] == s.mLast[m] && s.mFirst[m] >= tk.fieldStart[Tagger.BODY]
                    && beforeAnUnknownName(tk, s, s.mLast[m], body)) {
                // "Widodo Putra", "Clinton Whitelaw 70 70 67": a capitalised word no list knows after the surname
                // makes it someone else's name, read whole (not in a headline, which capitalises every word).
                if (explain != null) {
                    explain.why(m, "a name no list knows right after the surname: someone else, read whole");
                }
                s.mEntity[m] = -1;
                continue;
            }
            if (e >= 0 && (entityIsPlace[e] || entityIsCountry[e])) {
                w.regionAt[s.mFirst[m]] = w.stamp;
            }
            int mark = e >= 0 && entityIsPerson[e] ? w.stamp + 1 : w.stamp;
            if (mark != w.stamp && s.mLast[m] > s.mFirst[m]) {
                w.addLinkedSurname(surname(tk, s.mFirst[m], s.mLast[m]), e, s.mAlias[m], false);
            } else if (e >= 0 && entityIsOrganisation[e] && s.mLast[m] > s.mFirst[m]
                    && (tk.flags[s.mFirst[m]] & Tokens.ALL_UPPER) == 0
                    && (cues.of(tk.lower[s.mFirst[m]]) & NOT_A_SHORT_NAME) == 0) {
                // "Norilsk Nickel" ... "Norilsk said": an organisation goes by its first word, unless that is a
                // word of the lists ("General Motors" ... "General", "Bank of Russia" ... "Bank").
                w.addLinkedSurname(tk.lower[s.mFirst[m]], e, s.mAlias[m], true);
            }
            for (int t = s.mFirst[m]; t <= s.mLast[m]; t++) {
                w.cover[t] = mark;
            }
        }
    }

    /**
     * Whether match {@code m} is followed, in its sentence and with a space between, by capitalised words the
     * gazetteer did not match that end in an organisation's or a place's head word ("Agency", "City",
     * "University", "River"): then the match only opens that longer name.
     */
    private boolean opensLongerName(Tokens tk, Scratch s, int m, String text) {
        int last = s.mLast[m];
        int to = Math.min(tk.count, last + 6);
        for (int t = last + 1; t < to; t++) {
            if (tk.sentence[t] != tk.sentence[last] || (tk.flags[t] & Tokens.FIRST_UPPER) == 0
                    || NameText.gap(text, tk.end[t - 1], tk.start[t]) != NameText.GAP_SPACE || insideMatch(s, t)) {
                return false;
            }
            if ((cues.of(tk.lower[t]) & (NameCues.ORG_HEAD | NameCues.PLACE_HEAD)) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether token {@code last} is followed, in its sentence with one space between, by a capitalised word (not
     * in capitals) that no match covers and no list knows: not a common word, a title, a head word of an
     * organisation or a place, a role, nor "Jr" ("Biden Monday", "Putin Kremlin aide", "Trump Jr" stay theirs).
     */
    private boolean beforeAnUnknownName(Tokens tk, Scratch s, int last, String body) {
        int t = last + 1;
        if (t >= tk.count || !adjacent(tk, body, last, t) || (tk.flags[t] & Tokens.FIRST_UPPER) == 0
                || (tk.flags[t] & Tokens.ALL_UPPER) != 0 || insideMatch(s, t) || NameFinder.isSuffix(tk.lower[t])) {
            return false;
        }
        return (cues.of(tk.lower[t]) & (NameCues.COMMON | NameCues.TITLE | NameCues.TITLE_PART | NameCues.ORG_HEAD
                | NameCues.ORG_WORD | NameCues.PLACE_HEAD | NameCues.ADJ | NameCues.ROLE)) == 0;
    }

    /**
     * Whether token {@code t} follows, in its sentence and field with one space between, a capitalised given name
     * ("Dion", "Jack") the gazetteer did not match.
     */
    private boolean followsGivenName(Tokens tk, Scratch s, int t, String text) {
        int g = t - 1;
        return g >= 0 && (tk.flags[g] & (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)) == Tokens.FIRST_UPPER
                && adjacent(tk, text, g, t) && (cues.of(tk.lower[g]) & NameCues.FIRST) != 0 && !insideMatch(s, g);
    }

    /**
     * Whether the country's one word at {@code t}, not in capitals, ends a name of two words: a results table's
     * "Greg Norman Australia" and "Michael Johnson USA" are a player and a country, "Bill Jordan" is a person.
     */
    private static boolean twoWordName(Tokens tk, int t) {
        int g = t - 1;
        return (tk.flags[t] & Tokens.ALL_UPPER) == 0 && g >= 0
                && (g == 0 || tk.sentence[g - 1] != tk.sentence[g] || (tk.flags[g - 1] & Tokens.FIRST_UPPER) == 0);
    }

    private static long[] givenNames(EntityDef def) {
        List<String> names = new ArrayList<>(def.aliases());
        names.add(def.name());
        long[] out = new long[names.size()];
        int n = 0;
        for (String name : names) {
            Tokens t = Tokens.of(name);
            if (t.count >= 2) {
                out[n++] = t.lower[0];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private boolean isGivenNameOf(int person, long word) {
        for (int k = givenStart[person]; k < givenStart[person + 1]; k++) {
            if (givenWords[k] == word) {
                return true;
            }
        }
        return false;
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
            for (int m = 0; m < s.matches; m++) {
                int e = s.mEntity[m];
                int c = s.mLast[m] + 1;
                if ((c == f || c >= g && c < f) && e >= 0 && entityIsCountry[e] && (tk.flags[s.mFirst[m]] & Tokens.FIRST_UPPER) != 0
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
                    for (int q = 0; q < w.runs && first < country; q++) {
                        if (q != r && w.rLast[q] >= first && w.rFirst[q] < country && w.rType[q] != UNKNOWN) {
                            first = country;
                        }
                    }
                    for (int q = 0; q < w.runs; q++) {
                        if (q != r && w.rFirst[q] >= first && w.rLast[q] < country) {
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
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (s.mFirst[m] != at || e < 0 || !(entityIsCountry[e] || entityIsPlace[e] && at == of + 1)) {
                continue;
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
            return;
        }
    }

    private static final long STATE = Tokens.hashLower("state");
    private static final long TECH = Tokens.hashLower("tech");
    /** Last words of the names of events and agreements that open with a place: "Zimbabwe Open", "Warsaw Pact". */
    private static final long[] EVENTS = Tokens.hashesLower(new String[] {"Open", "Masters", "Classic", "Convention",
        "Pact", "Treaty", "Accords", "Protocol", "Declaration", "Marathon"});

    /**
     * A country or a place the gazetteer matched that opens the name of something else, in the body: an event or
     * an agreement ("the Zimbabwe Open", "the Warsaw Pact", "the Berne Convention"), which the name finder does not
     * type, or on a sports page a college's team ("Ohio State", "Virginia Tech"), an organisation. The match is
     * named inside that name ({@link Scratch#mWithin}).
     */
    void placesOpeningOtherNames(Tokens tk, Scratch s, NameWork w, String body, boolean sportsStory, Explanation.Builder explain) {
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
                boolean extended = false;
                for (int r = 0; r < w.runs; r++) {
                    if (w.rFirst[r] == n) {
                        w.rFirst[r] = f;
                        w.rType[r] = ORG;
                        w.rWhy[r] = NameFinder.BY_TEAM;
                        w.rKey[r] = key(tk, f, w.rLast[r]);
                        extended = true;
                    }
                }
                if (!extended) {
                    w.insertRun(f, n, ORG, NameFinder.BY_TEAM, key(tk, f, n), surname(tk, f, n), true);
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
        for (int m = 0; m < s.matches; m++) {
            int n = s.mLast[m] + 1;
            if (s.mFirst[m] >= bodyStart || s.mEntity[m] < 0 || s.mWithin[m] || n >= bodyStart) {
                continue;
            }
            for (int k = 0; k < s.matches; k++) {
                int kn = s.mLast[k] + 1;
                if (s.mWithin[k] && s.mEntity[k] == s.mEntity[m] && s.mFirst[k] >= bodyStart && kn < tk.count
                        && tk.lower[kn] == tk.lower[n] && tk.start[n] == tk.end[n - 1] + 1) {
                    s.mWithin[m] = true;
                    if (explain != null) {
                        explain.why(m, "inside the longer name the body reads with the same words");
                    }
                    break;
                }
            }
        }
    }

    /** Verbs of saying, right after a lone surname: "Jordan said" is a person speaking. */
    private static final long[] SAYING = Tokens.hashesLower(new String[] {"said", "says", "told", "added", "stated",
        "warned", "argued", "noted", "insisted", "replied", "wrote"});

    /**
     * After the scan: where a place's or a country's name was read as the surname of a person named in full
     * ("Bill Jordan", "Dion Dublin"; {@link NameWork#addSurnamePlace}), the same word alone right before a verb of
     * saying ("Jordan said the WTO's credibility was at stake") is that person, not the place: the match gives
     * way to a run that {@link Coreference} joins to the person. Elsewhere ("King Hussein of Jordan") the place
     * stays.
     */
    void surnamesThatArePlaces(Tokens tk, Scratch s, NameWork w, String headline, String body, Explanation.Builder explain) {
        for (int d = 0; d < w.surnamePlaces; d++) {
            int full = w.surnamePlaceMatch[d];
            int e = w.surnamePlaceEntity[d];
            int t0 = s.mFirst[full];
            boolean person = false;
            for (int r = 0; r < w.runs && !person; r++) {
                person = w.rType[r] == NameFinder.PERSON && w.rLast[r] == t0 && w.rFirst[r] < t0;
            }
            if (!person) {
                continue;
            }
            for (int m = 0; m < s.matches; m++) {
                int t = s.mFirst[m];
                if (s.mEntity[m] != e || s.mLast[m] != t || tk.lower[t] != tk.lower[t0] || t + 1 >= tk.count
                        || !Tokens.among(SAYING, tk.lower[t + 1])) {
                    continue;
                }
                String text = Tagger.source(tk, t, headline, body);
                if (!adjacent(tk, text, t, t + 1) || t > 0 && (tk.flags[t - 1] & Tokens.FIRST_UPPER) != 0 && adjacent(tk, text, t - 1, t)) {
                    continue; // "King Abdullah of Jordan said" is the king; "Bill Jordan said" was read whole
                }
                s.mEntity[m] = -1;
                if (explain != null) {
                    explain.why(m, "the surname of a person the story names in full, speaking");
                }
                w.insertRun(t, t, UNKNOWN, 0, key(tk, t, t), tk.lower[t], true);
            }
        }
    }
}
