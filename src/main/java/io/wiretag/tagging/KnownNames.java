package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_DATELINE;
import static io.wiretag.tagging.NameFinder.ELSEWHERE;
import static io.wiretag.tagging.NameFinder.LINKED;
import static io.wiretag.tagging.NameFinder.SWALLOWED;
import static io.wiretag.tagging.NameFinder.UNKNOWN;
import static io.wiretag.tagging.NameFinder.adjacent;
import static io.wiretag.tagging.NameFinder.insideMatch;
import static io.wiretag.tagging.NameFinder.key;
import static io.wiretag.tagging.NameFinder.surname;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gazetteer's matches as the name finder meets them: which words they cover (and which matches give way
 * to a longer name or to someone else of that surname), the short names they lend to the rest of the story
 * (a person's surname, an organisation's first word), and a place's name read as a person's surname ("Bill
 * Jordan") where the word alone names that person again. Places inside longer names: {@link PlacesInsideNames}.
 */
final class KnownNames {
    private final NameCues cues;
    private final byte[] aliasTarget;
    private final int[][] affiliations;
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

    KnownNames(Gazetteer g, NameCues cues, int[][] affiliations) {
        this.cues = cues;
        this.aliasTarget = g.aliasTarget;
        this.affiliations = affiliations;
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

    /**
     * "the Florida Supreme Court", "the Russian Supreme Court", "the Czech Civic Democratic Party": a place,
     * another country or a name before an organisation's name makes it another body's; the match gives way and
     * the name finder reads the longer name (a place before it opens it, a country is inside it).
     */
    private void otherBodiesOfTheName(Tokens tk, Scratch s, String headline, String body, Explanation.Builder explain) {
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e >= 0 && entityIsOrganisation[e] && s.mLast[m] > s.mFirst[m]
                    && qualifiedByTheWordBefore(tk, s, m, e, Tagger.source(tk, s.mFirst[m], headline, body))) {
                if (explain != null) {
                    explain.why(m, "the end of a longer name, another body's: read whole");
                }
                s.mEntity[m] = -1;
            }
        }
    }

    void markCovered(Tokens tk, Scratch s, NameWork w, String headline, String body, Explanation.Builder explain) {
        otherBodiesOfTheName(tk, s, headline, body, explain);
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
                    && followsGivenName(tk, s, s.mFirst[m], Tagger.source(tk, s.mFirst[m], headline, body))) {
                if (isGivenNameOf(e, tk.lower[s.mFirst[m] - 1])) {
                    // "Valery Zaluzhny", the alias "Zaluzhny": a spelling of the person's given name is the name's.
                    s.extendMatchBack(m, s.mFirst[m] - 1);
                } else {
                    // "Jill Biden", "Chris Aspin": a given name the person never goes by makes it someone else of
                    // that surname, read whole.
                    if (explain != null) {
                        explain.why(m, "another given name before the surname: someone else, read whole");
                    }
                    s.mEntity[m] = -1;
                    continue;
                }
            }
            if (e >= 0 && entityIsPerson[e] && s.mFirst[m] == s.mLast[m] && s.mFirst[m] >= tk.fieldStart[Tagger.BODY]
                    && (beforeAnUnknownName(tk, s, s.mLast[m], body) || afterAFamilyName(tk, s, s.mFirst[m], body))) {
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
            if (e >= 0 && entityIsOrganisation[e]) {
                withItsLegalForms(tk, s, m, Tagger.source(tk, s.mLast[m], headline, body));
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
     * After the scan, runs in token order: an organisation the gazetteer matched that opens an organisation's
     * name the name finder read right after it, ending in a head word ("U.S. Senate Banking Committee", "ILO
     * Workers Group", "Rosneft Oil Company") is named inside that longer name: the run takes it, and the match
     * still counts for its organisation, listed apart from its mentions ({@link Scratch#mWithin}).
     */
    void organisationsOpeningLongerNames(Tokens tk, Scratch s, NameWork w, String headline, String body, Explanation.Builder explain) {
        for (int r = 0; r < w.runs; r++) {
            int f = w.rFirst[r];
            if (w.rType[r] != NameFinder.ORG || f == 0 || (cues.of(tk.lower[w.rLast[r]]) & NameCues.ORG_HEAD) == 0) {
                continue;
            }
            int m = s.matchAt(f - 1);
            if (m < 0 || s.mLast[m] != f - 1 || s.mEntity[m] < 0 || !entityIsOrganisation[s.mEntity[m]] || s.mWithin[m]
                    || !adjacent(tk, Tagger.source(tk, f, headline, body), f - 1, f)) {
                continue;
            }
            s.mWithin[m] = true;
            if (explain != null) {
                explain.why(m, "inside the name of an organisation that opens with it");
            }
            int first = s.mFirst[m];
            w.rFirst[r] = first;
            w.rKey[r] = key(tk, first, w.rLast[r]);
        }
    }

    /**
     * A company's legal forms right after its match are its name's ("Honda Motor Co Ltd", "British Airways
     * Plc", "Siemens AG"): the match goes on over them, capitalised, one space between, two at most.
     */
    private static void withItsLegalForms(Tokens tk, Scratch s, int m, String text) {
        for (int k = 0; k < 2; k++) {
            int n = s.mLast[m] + 1;
            if (n >= tk.count || (tk.flags[n] & Tokens.FIRST_UPPER) == 0 || !NameFinder.isLegalForm(tk.lower[n])
                    || s.matchAt(n) >= 0 || !adjacent(tk, text, n - 1, n)) {
                return;
            }
            s.extendMatch(m, n);
        }
    }

    /** Cue words that open no longer name before an institution's ("Former", "President", "Joe", "Senate"...). */
    private static final int NOT_A_QUALIFIER = NameCues.COMMON | NameCues.TITLE | NameCues.TITLE_PART | NameCues.FIRST
            | NameCues.ROLE | NameCues.ORG_HEAD | NameCues.ORG_WORD | NameCues.ADJ | NameCues.CONNECT_ORG | NameCues.CONNECT_PERSON;

    /**
     * Whether organisation match {@code m} (of entity {@code e}, two words or more) follows, in its sentence with
     * one space between, a word that makes it another body's name: a place the gazetteer matched ("Florida
     * Supreme Court"); a country that is not the organisation's ("Russian Supreme Court", not "German Bundestag
     * Committee" nor "US Democratic Party"); in the body, a capitalised word no list knows, not the sentence's
     * first ("Civic Democratic Party", "Social Democratic Party").
     */
    private boolean qualifiedByTheWordBefore(Tokens tk, Scratch s, int m, int e, String text) {
        int p = s.mFirst[m] - 1;
        if (p < 0 || (tk.flags[s.mFirst[m]] & Tokens.ALL_UPPER) != 0 || !adjacent(tk, text, p, p + 1)
                || (tk.flags[p] & Tokens.FIRST_UPPER) == 0) {
            return false;
        }
        int q = s.matchAt(p);
        if (q >= 0) {
            int before = s.mEntity[q];
            if (s.mLast[q] != p || before < 0) {
                return false;
            }
            if (entityIsPlace[before]) {
                return true;
            }
            if (!entityIsCountry[before] || affiliations[e].length == 0) {
                return false; // a body of no country ("EU", "UN") may be named after any
            }
            for (int a : affiliations[e]) {
                if (a == before) {
                    return false;
                }
            }
            return true;
        }
        return Tagger.field(tk, p) == Tagger.BODY && (tk.flags[p] & Tokens.ALL_UPPER) == 0 && p > 0 && tk.sentence[p - 1] == tk.sentence[p]
                && Tagger.field(tk, p - 1) == Tagger.BODY && (cues.of(tk.lower[p]) & NOT_A_QUALIFIER) == 0;
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
     * Whether token {@code t} ends an East Asian name that opens with its family name, one or two words before it
     * ("Kim Do Hoon", "Kim Hoon"): someone else than the person of that surname ("Geoff Hoon").
     */
    private boolean afterAFamilyName(Tokens tk, Scratch s, int t, String body) {
        for (int k = t - 1; k >= t - 2 && k >= tk.fieldStart[Tagger.BODY]; k--) {
            if ((tk.flags[k] & (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)) != Tokens.FIRST_UPPER || !adjacent(tk, body, k, k + 1)
                    || insideMatch(s, k)) {
                return false;
            }
            if ((cues.of(tk.lower[k]) & (NameCues.FAMILY_PINYIN | NameCues.FAMILY_SYLLABLE)) != 0) {
                return true;
            }
        }
        return false;
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

    /** Endings of a given name romanised from Russian or Ukrainian that spellings trade ("Valerii", "Valeriy", "Valery"). */
    private static final Pattern SLAVIC_ENDING = Pattern.compile("(.*[^aeiouy])(ii|iy|yi|y|i)");
    private static final String[] SLAVIC_ENDINGS = {"ii", "iy", "yi", "y", "i"};

    private static long[] givenNames(EntityDef def) {
        List<String> names = new ArrayList<>(def.aliases());
        names.add(def.name());
        List<String> words = new ArrayList<>();
        for (String name : names) {
            Tokens t = Tokens.of(name);
            if (t.count >= 2) {
                String word = name.substring(t.start[0], t.end[0]).toLowerCase(Locale.ROOT);
                Matcher slavic = SLAVIC_ENDING.matcher(word);
                if (slavic.matches() && slavic.group(1).length() >= 3) {
                    for (String ending : SLAVIC_ENDINGS) { // "Valery Zaluzhny" is Valerii Zaluzhnyi
                        words.add(slavic.group(1) + ending);
                    }
                } else {
                    words.add(word);
                }
            }
        }
        long[] out = new long[words.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Tokens.hashLower(words.get(k));
        }
        return out;
    }

    private boolean isGivenNameOf(int person, long word) {
        for (int k = givenStart[person]; k < givenStart[person + 1]; k++) {
            if (givenWords[k] == word) {
                return true;
            }
        }
        return false;
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
        long[] done = new long[4]; // each place read as a surname, once: entity and word ("Bill Jordan" again)
        int nDone = 0;
        for (int d = 0; d < w.surnamePlaces; d++) {
            int e = w.surnamePlaceEntity[d];
            long word = tk.lower[s.mFirst[w.surnamePlaceMatch[d]]];
            long pair = word * 31 + e;
            boolean seen = false;
            for (int k = 0; k < nDone && !seen; k++) {
                seen = done[k] == pair;
            }
            if (seen) {
                continue;
            }
            if (nDone == done.length) {
                done = Arrays.copyOf(done, nDone * 2);
            }
            done[nDone++] = pair;
            boolean person = false;
            for (int r = 0; r < w.runs && !person; r++) {
                person = w.rType[r] == NameFinder.PERSON && w.rLast[r] > w.rFirst[r] && tk.lower[w.rLast[r]] == word;
            }
            if (!person) {
                continue;
            }
            for (int m = 0; m < s.matches; m++) {
                int t = s.mFirst[m];
                if (s.mEntity[m] != e || s.mLast[m] != t || tk.lower[t] != word || t + 1 >= tk.count
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
                w.addRun(t, t, UNKNOWN, 0, key(tk, t, t), tk.lower[t], true);
            }
        }
    }
}
