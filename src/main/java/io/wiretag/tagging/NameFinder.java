package io.wiretag.tagging;

import io.wiretag.story.EntityTag;
import io.wiretag.story.Mention;
import java.util.List;

/**
 * Finds the people, organisations and places a story names that the gazetteer does not know, from what the
 * text shows: runs of capitalised words, typed by the words around and inside them ({@link NameCues}: titles,
 * given names, organisation and place words, "in", datelines, "-based"), then joined within the story
 * ({@link Coreference}: "Viktor Yanukovych" ... "Yanukovych"). What the gazetteer's matches cover and lend
 * (surnames, an organisation's first word) belongs to {@link KnownNames}, which place a place name is to
 * {@link PlaceSenses}, which names are teams in a sports story to {@link SportsTeams} (and which of those are
 * the gazetteer's clubs by their short names to {@link ClubNames}), the players of results lines and team
 * sheets to {@link Lineups}, a person named with a role after a comma to {@link Appositions}. Reads the thread's
 * tokens and the gazetteer's matches; allocates only for the names it reports.
 */
final class NameFinder {
    static final int UNKNOWN = 0;
    static final int PERSON = 1;
    static final int ORG = 2;
    static final int PLACE = 3;
    /** A run that turned out to be a gazetteer entity (a surname): not reported as unlinked. */
    static final int LINKED = -1;
    /** A run read into a longer name after it was found ("Pan" of "Pan American Health Organization"). */
    static final int SWALLOWED = -2;
    /** A match's entity when the match was another place of that name: the name finder reads it (below -1). */
    static final int ELSEWHERE = -3;
    static final String[] TYPE_NAMES = {"", "person", "organisation", "place"};

    /** Why a run got its type, for the explanation. */
    static final String[] WHY = {"", "a title before it", "a role word before it", "a given name", "an organisation word",
        "a place word", "a place cue before it", "-based/-born after it", "the dateline", "an acronym",
        "an institution's name", "same name as another mention", "a team's place in a sports story",
        "a state or country after it", "a river: \"the\" before a state's name", "what a title heads (\"CEO of\")",
        "a list of people it is in", "a player: a club or country in parentheses after it",
        "a family name before a romanised given name (\"Kim Do Hoon\")",
        "what the person is after a comma (\"Hank Note, chief dealer at\")",
        "a player of a results line or team sheet (a scorer's minute, a shirt number, a position, a scorecard)",
        "a crew: a country and a numeral (\"USA III\")",
        "where it is, after a comma (\"Watford, near London\")", "a journey's start or end (\"a flight from Surgut\")",
        "a place's particle between hyphens (\"Stratford-upon-Avon\")",
        "the words its acronym spells (\"South Lebanon Army (SLA)\")"};
    static final int BY_TITLE = 1;
    static final int BY_ROLE = 2;
    static final int BY_FIRST = 3;
    static final int BY_ORG = 4;
    static final int BY_PLACE_WORD = 5;
    static final int BY_PLACE_CUE = 6;
    static final int BY_BASED = 7;
    static final int BY_DATELINE = 8;
    static final int BY_ACRONYM = 9;
    static final int BY_ORG_WORD = 10;
    static final int BY_COREF = 11;
    static final int BY_TEAM = 12;
    static final int BY_REGION = 13;
    static final int BY_RIVER = 14;
    static final int BY_TITLE_OF = 15;
    static final int BY_LIST = 16;
    static final int BY_PLAYER = 17;
    static final int BY_FAMILY_FIRST = 18;
    static final int BY_APPOSITION = 19;
    static final int BY_LINEUP = 20;
    static final int BY_CREW = 21;
    static final int BY_LOCATED = 22;
    static final int BY_JOURNEY = 23;
    static final int BY_HYPHEN_PARTICLE = 24;
    static final int BY_SPELLED = 25;

    private final NameCues cues;
    /** What the gazetteer's matches cover and lend to the rest of the story. */
    private final KnownNames known;
    /** Which place a place name is in this story: another of that name, a river, a state's abbreviation. */
    private final PlaceSenses places;
    /** Which names are teams in a sports story. */
    private final SportsTeams sports;
    /** Which of those teams the gazetteer knows by a short name ("Porto" for FC Porto). */
    private final ClubNames clubs;
    /** Who a name is by what follows it after a comma ("Hank Note, chief dealer at"). */
    private final Appositions appositions;
    /** Which places the story names inside a longer name ("Rubber Board of India", "the Zimbabwe Open"). */
    private final PlacesInsideNames inside;
    private static final long OF = Tokens.hashLower("of");
    private static final long AND = Tokens.hashLower("and");
    private static final long MAYOR = Tokens.hashLower("mayor");
    private static final long GOVERNOR = Tokens.hashLower("governor");
    private static final long UNITED = Tokens.hashLower("united");
    private static final long GOVERNMENT = Tokens.hashLower("government");
    /**
     * Legal forms of companies: alone they are no acronym of a name ("Deutsche Bank AG" where the gazetteer
     * knows Deutsche Bank leaves "AG" after its match).
     */
    private static final long[] LEGAL_FORMS = Tokens.hashesLower("ag", "sa", "nv", "bv", "plc", "ltd", "inc",
            "co", "corp", "gmbh", "se", "spa", "llc", "ab", "asa", "oyj");
    /** Whether a word is a company's legal form written after its name ("Ltd", "AG", "Inc"). */
    static boolean isLegalForm(long lower) {
        return Tokens.among(LEGAL_FORMS, lower);
    }

    /** Legal forms written before a company's name: Indonesian "PT", Russian "OAO", "ZAO", "PAO", "OOO", "PJSC". */
    static final long[] LEADING_FORMS = Tokens.hashesLower("pt", "tbk", "oao", "zao", "pao", "ooo", "jsc", "pjsc", "ojsc", "cjsc");

    /** Generational suffixes: "John Mills Jr." is Mr Mills, so his surname is the word before. */
    private static final long[] SUFFIXES = Tokens.hashesLower("jr", "sr", "ii", "iii", "iv");

    /** Whether a word is a generational suffix ("Jr", "III"). */
    static boolean isSuffix(long lower) {
        return Tokens.among(SUFFIXES, lower);
    }

    NameFinder(Gazetteer g, NameCues cues) {
        this.cues = cues;
        int[][] affiliations = g.affiliations();
        this.known = new KnownNames(g, cues, affiliations);
        this.places = new PlaceSenses(g, cues, known.entityIsPlace, known.entityIsCountry, affiliations);
        this.clubs = new ClubNames(g, known.entityIsOrganisation);
        this.sports = new SportsTeams(g, cues, known.entityIsPlace, known.entityIsOrganisation, clubs);
        this.appositions = new Appositions(cues);
        this.inside = new PlacesInsideNames(cues, known.entityIsPlace, known.entityIsCountry);
    }

    /** The names found in the story that no gazetteer match covers, as unlinked entity tags, most relevant first. */
    List<EntityTag> find(Tokens tk, Scratch s, String headline, String body, int leadParagraph, Explanation.Builder explain) {
        NameWork w = s.names;
        w.reset(tk.count);
        places.elsewhere(tk, s, headline, body, explain);
        places.rivers(tk, s, w, headline, body, explain);
        boolean sportsStory = sports.isSportsStory(tk, s, body);
        if (sportsStory) {
            sports.citiesNamedAsClubs(tk, s, headline, body, leadParagraph, explain);
            sports.clubsNamedAfterCities(tk, s, headline, body, explain);
        }
        known.markCovered(tk, s, w, headline, body, explain);
        for (int f = Tagger.HEADLINE; f <= Tagger.BODY; f++) {
            int from = tk.fieldStart[f];
            int to = tk.fieldStart[f + 1];
            String text = f == Tagger.HEADLINE ? headline : body;
            int shape = f == Tagger.HEADLINE ? NameText.shape(tk, from, to) : NameText.capsShape(tk, from, to);
            if (shape == NameText.SHAPE_CAPS) {
                if (f == Tagger.BODY) {
                    dateline(tk, w, text, from, to);
                    if (sportsStory) {
                        sports.teamsOfTableRows(tk, w, text, f);
                    }
                }
                continue; // all capitals: every word looks like a name, so none is read as one
            }
            scan(tk, w, text, f, from, to, f == Tagger.HEADLINE && shape == NameText.SHAPE_TITLE);
        }
        if (w.crews > 0) {
            Crews.type(tk, w);
        }
        if (w.states > 0) {
            places.linkStateAbbreviations(tk, s, w, leadParagraph, explain);
        }
        inside.placesOpeningOtherNames(tk, s, w, body, sportsStory, explain);
        w.orderRuns();
        if (w.runs == 0) {
            return List.of();
        }
        if (sportsStory || sports.hasSportWord(s)) {
            // Before the teams: "(Millar 43," reads like a table's row. A squad under its positions needs no score.
            Lineups.people(tk, w, headline, body, sportsStory);
        }
        if (sportsStory) {
            sports.teams(tk, s, w, headline, body);
        }
        appositions.people(tk, w, headline, body, sportsStory);
        NameLists.peopleInLists(tk, w, headline, body);
        inside.withTheCountryBefore(tk, s, w, headline, body, explain);
        known.organisationsOpeningLongerNames(tk, s, w, headline, body, explain);
        Acronyms.spelledOut(tk, s, w, headline, body, known.entityIsPlace, known.entityIsCountry, explain);
        Acronyms.read(tk, s, w, headline, body);
        if (w.surnamePlaces > 0) {
            known.surnamesThatArePlaces(tk, s, w, headline, body, explain);
        }
        w.orderRuns(); // the acronyms' and the surnames' runs in token order
        KnownNames.linkSurnames(tk, s, w, leadParagraph, explain);
        Coreference.resolve(w, tk, headline, body);
        if (sportsStory) {
            clubs.link(tk, s, w, leadParagraph, explain);
        }
        return UnlinkedTags.build(tk, w, headline, body, leadParagraph, explain);
    }

    /**
     * Whether the lower-case word {@code cue} stands right beside token {@code other} (either side), in its
     * sentence and field with one space between.
     */
    static boolean sameClause(Tokens tk, String text, int cue, int other) {
        return (tk.flags[cue] & Tokens.FIRST_LOWER) != 0 && adjacent(tk, text, Math.min(cue, other), Math.max(cue, other));
    }

    /** Whether token {@code b} follows token {@code a} in its sentence and field, with one space between. */
    static boolean adjacent(Tokens tk, String text, int a, int b) {
        return sameSentence(tk, a, b) && NameText.gap(text, tk.end[a], tk.start[b]) == NameText.GAP_SPACE;
    }

    /** Whether tokens {@code a} and {@code b} are in one sentence of one field. */
    static boolean sameSentence(Tokens tk, int a, int b) {
        return tk.sentence[a] == tk.sentence[b] && Tagger.field(tk, a) == Tagger.field(tk, b);
    }

    static boolean surnameOfAPerson(NameWork w, int r) {
        long last = w.rSurname[r];
        for (int p = 0; p < w.runs; p++) {
            if (p != r && w.rType[p] == PERSON && w.rSurname[p] == last) {
                return true;
            }
        }
        return w.hasLinkedSurname(last);
    }

    /**
     * The first token after a title inside a run, when what follows it is a name of one to three words that
     * no head word makes a place's or an organisation's ("Roman Catholic Bishop Carlos Belo"): the words before
     * the title describe the person ("Roman Catholic", "East Timorese"), they are not part of the name.
     * Otherwise -1. For runs whose first given name {@link #innerGivenName} cannot find (the run opens with one).
     */
    private static int afterInnerTitle(Tokens tk, NameWork w, String text, int f, int l) {
        if ((tk.flags[f] & Tokens.ALL_UPPER) != 0) {
            return -1;
        }
        int[] bits = w.bits;
        for (int k = l - 1; k > f && k >= l - 3; k--) {
            if ((bits[k] & (NameCues.TITLE | NameCues.TITLE_PART)) != NameCues.TITLE || (tk.flags[k] & Tokens.FIRST_UPPER) == 0
                    || NameText.gap(text, tk.end[k], tk.start[k + 1]) != NameText.GAP_SPACE) {
                continue;
            }
            for (int t = k + 1; t <= l; t++) {
                if ((bits[t] & (NameCues.TITLE | NameCues.ORG_HEAD | NameCues.PLACE_HEAD | NameCues.COMMON)) != 0
                        || (tk.flags[t] & Tokens.FIRST_LOWER) != 0) {
                    return -1;
                }
            }
            return k + 1;
        }
        return -1;
    }

    /** Whether token {@code t} is part of a gazetteer match that resolved to an entity. */
    static boolean insideMatch(Scratch s, int t) {
        int m = s.matchAt(t);
        return m >= 0 && s.mEntity[m] >= 0;
    }

    static boolean covered(NameWork w, int t) {
        return w.cover[t] == w.stamp || w.cover[t] == w.stamp + 1;
    }

    /** Reads the runs of capitalised words in field {@code f}, tokens [from, to); only capitalised tokens start one. */
    private void scan(Tokens tk, NameWork w, String text, int f, int from, int to, boolean titleCase) {
        int[] caps = tk.caps;
        int last = from - 1;
        for (int c = tk.fieldCaps[f], end = tk.fieldCaps[f + 1]; c < end; c++) {
            int t = caps[c];
            if (t <= last || covered(w, t)) {
                continue; // inside the run read before, or a gazetteer name
            }
            last = t;
            if (!titleCase) {
                last = extend(tk, w, text, t, to);
            } else {
                w.bits[t] = cues.of(tk.lower[t]);
            }
            run(tk, w, text, t, last, from, to, titleCase);
        }
    }

    /** The last token of the run of capitalised words from {@code first}, with "of" and "von" inside it. */
    private int extend(Tokens tk, NameWork w, String text, int first, int to) {
        int[] flags = tk.flags;
        int[] bits = w.bits;
        int last = first;
        int heads = cues.of(tk.lower[first]);
        bits[first] = heads;
        while (last + 1 < to && tk.sentence[last + 1] == tk.sentence[first]) {
            int nx = last + 1;
            int gap = NameText.gap(text, tk.end[last], tk.start[nx]);
            // After a full stop only an initial, a title or a place prefix joins: "George W. Bush", "Gen. Valery",
        // "St. Louis", not "Co. President".
            boolean dotJoins = gap == NameText.GAP_DOT && (tk.end[last] - tk.start[last] == 1
                    || (bits[last] & (NameCues.TITLE | NameCues.PLACE_PREFIX)) != 0);
            // An ampersand joins two capitalised words into one name: "Procter & Gamble", "AT&T".
            if ((flags[nx] & Tokens.FIRST_UPPER) != 0 && !covered(w, nx)
                    && (gap == NameText.GAP_SPACE || gap == NameText.GAP_HYPHEN || gap == NameText.GAP_AMP || dotJoins)) {
                last = nx;
                bits[nx] = cues.of(tk.lower[nx]);
                heads |= bits[nx];
                continue;
            }
            if (gap == NameText.GAP_HYPHEN && PlaceContext.hyphenParticle(tk, text, nx, to) && !covered(w, nx + 1)) {
                last = nx + 1; // "Colombey-les-Deux-Eglises", "Stratford-upon-Avon"
                bits[nx] = cues.of(tk.lower[nx]);
                bits[last] = cues.of(tk.lower[last]);
                heads |= bits[last];
                continue;
            }
            if (gap != NameText.GAP_SPACE || (flags[nx] & Tokens.FIRST_LOWER) == 0) {
                break;
            }
            // Lower-case connectors: "Ministry of Defence", "Charles de Gaulle", "Ursula von der Leyen".
            int c = cues.of(tk.lower[nx]);
            bits[nx] = c;
            int orgEnd = tk.lower[nx] == AND && (heads & NameCues.ORG_HEAD) == 0 && last - first < 2
                    ? orgAfterAnd(tk, w, text, nx, to) : -1;
            if (orgEnd > nx) {
                for (int t = nx + 1; t <= orgEnd; t++) {
                    bits[t] = cues.of(tk.lower[t]);
                    heads |= bits[t];
                }
                last = orgEnd;
                continue;
            }
            boolean org = (c & NameCues.CONNECT_ORG) != 0
                    && (heads & (NameCues.ORG_HEAD | NameCues.PLACE_HEAD | NameCues.TITLE)) != 0;
            boolean person = (c & NameCues.CONNECT_PERSON) != 0;
            if (!org && !person) {
                break;
            }
            int k = nx;
            if (person && k + 1 < to && (flags[k + 1] & Tokens.FIRST_LOWER) != 0) {
                int c2 = cues.of(tk.lower[k + 1]);
                if ((c2 & NameCues.CONNECT_PERSON) != 0 && NameText.gap(text, tk.end[k], tk.start[k + 1]) == NameText.GAP_SPACE) {
                    k++; // "von der"
                    bits[k] = c2;
                }
            }
            int after = k + 1;
            if (after < to && tk.sentence[after] == tk.sentence[first] && (flags[after] & Tokens.FIRST_UPPER) != 0
                    && !covered(w, after) && NameText.gapJoins(NameText.gap(text, tk.end[k], tk.start[after]))) {
                last = after;
                bits[after] = cues.of(tk.lower[after]);
                heads |= bits[after];
            } else {
                break;
            }
        }
        return last;
    }

    /**
     * The last token of an organisation's name that goes on after "and" at token {@code and}, or -1: the
     * capitalised words after it (up to three, spaced, none a gazetteer name) reach a head word
     * ("Monopolies and Mergers Commission", "Nippon Telegraph and Telephone Corp"). Called only when the one or
     * two words before "and" have no head word of their own: a head word makes two names of the two sides ("the
     * Finance Ministry and Central Bank"), and so do three words, more likely a company's name of its own
     * ("Retail Fusion Brands and Dymocks Group").
     */
    private int orgAfterAnd(Tokens tk, NameWork w, String text, int and, int to) {
        int t = and + 1;
        if (t >= to || (tk.flags[t] & Tokens.FIRST_UPPER) == 0 || covered(w, t) || tk.sentence[t] != tk.sentence[and]
                || NameText.gap(text, tk.end[and], tk.start[t]) != NameText.GAP_SPACE) {
            return -1;
        }
        int end = t;
        while ((cues.of(tk.lower[end]) & NameCues.ORG_HEAD) == 0) {
            if (end + 1 >= to || end - t == 2 || (tk.flags[end + 1] & Tokens.FIRST_UPPER) == 0 || covered(w, end + 1)
                    || tk.sentence[end + 1] != tk.sentence[t] || NameText.gap(text, tk.end[end], tk.start[end + 1]) != NameText.GAP_SPACE) {
                return -1;
            }
            end++;
        }
        return end;
    }

    /** Trims a run to its name and types it from its words and neighbours; records it in the work. */
    private void run(Tokens tk, NameWork w, String text, int first, int last, int fieldFrom, int fieldTo, boolean titleCase) {
        if (first == last && first > fieldFrom && tk.start[first] == tk.end[first - 1] + 2
                && (tk.flags[first - 1] & Tokens.FIRST_UPPER) != 0 && PlaceSenses.commaBetween(tk, text, first - 1, first)
                && places.stateAbbreviation(tk, text, first)) {
            w.addStateToken(first); // "CAIRO, Ill.": the state, linked once the scan is done
            return;
        }
        long[] lower = tk.lower;
        int[] bits = w.bits; // the cue bits of each token of the run, read once by extend()
        int f = first;
        int l = last;
        // Function words go first; adjectives ("Central", "Soviet") only when the run is not an organisation.
        while (f <= l && ((bits[f] & (NameCues.COMMON | NameCues.TITLE | NameCues.ADJ | NameCues.PLACE_PREFIX)) == NameCues.COMMON
                && !(f < l && initial(tk, text, f)) || (tk.flags[f] & Tokens.FIRST_LOWER) != 0)) {
            f++; // not "A." before a surname: an initial, not the article
        }
        // "United" last is the name's own ("Manchester United", "Leeds United"), though alone it is an adjective; so
        // is a head word that is also a common one ("Irish Republican Army", "Border Police"), but "Government".
        while (l >= f && ((bits[l] & (NameCues.COMMON | NameCues.TITLE)) == NameCues.COMMON
                && (l == f || lower[l] != UNITED && ((bits[l] & NameCues.ORG_HEAD) == 0 || lower[l] == GOVERNMENT))
                || (tk.flags[l] & Tokens.FIRST_LOWER) != 0)) {
            l--;
        }
        if (f > l || NameText.hasDigit(text, tk.start[f], tk.end[l])) {
            return;
        }
        if (f == l && (bits[f] & NameCues.TITLE) != 0 && w.hasLinkedSurname(lower[f])) {
            // "Major's office" after "Prime Minister John Major": the surname, though "Major" is also a rank.
            add(w, tk, f, l, UNKNOWN, 0, true);
            return;
        }
        int type = UNKNOWN;
        int why = 0;
        if (l > f && (NameSignals.ampersandInside(tk, text, f, l) || NameSignals.opensACompany(lower[f]))
                || NameSignals.pressAfter(tk, text, l, fieldTo)) {
            // "Ernst & Young", "Marks & Spencer": no person's name holds an ampersand; "Deutsche Bahn"; "the Wen
            // Hui Bao newspaper", "the official TASR news agency": a title, a role or a given name notwithstanding
            type = ORG;
            why = BY_ORG;
        }
        int lastBits = bits[l];
        // An organisation: its last word ("Foreign Ministry", "Gazprom Neft Inc") or a head word before "of".
        // ... or a legal form that opens it, in capitals ("PT Tambang Timah", "OAO Gazprom Neft").
        boolean legalFormFirst = l > f && (tk.flags[f] & Tokens.ALL_UPPER) != 0 && Tokens.among(LEADING_FORMS, lower[f]);
        if (l > f && ((lastBits & NameCues.ORG_HEAD) != 0 || orgHeadBeforeOf(tk, w, f, l) || anyOrgWord(w, f, l) || legalFormFirst)
                && !givenNameAndSurname(w, f, l)) {
            if (onlyHeads(tk, w, f, l) && f > fieldFrom && (covered(w, f - 1) || f - 1 > fieldFrom
                    && (cues.of(lower[f - 1]) & NameCues.COORD) != 0 && (tk.flags[f - 2] & Tokens.FIRST_UPPER) != 0)) {
                // "Oil Co" after "Lukoil", "Co Inc" after "Russ Berrie and": the rest of a longer name ("Union
                // Bank", "Energy Ministry" alone are names)
                return;
            }
            type = ORG;
            why = BY_ORG;
            int given = (lastBits & NameCues.ORG_HEAD) == 0 ? givenNameAfterInstitution(tk, bits, f, l) : -1;
            if (given > f) {
                // "Member of Parliament Tony Marlow": the institution, then a person named after it; "Senate
                // Majority Leader Chuck Schumer": the title between them is neither's.
                int orgEnd = given - 1;
                while (orgEnd > f && (bits[orgEnd] & (NameCues.TITLE | NameCues.TITLE_PART)) != 0) {
                    orgEnd--;
                }
                add(w, tk, f, orgEnd, ORG, BY_ORG, true);
                f = given;
                type = PERSON;
                why = BY_FIRST;
            }
        }
        if (type == UNKNOWN && f == l && (bits[f] & NameCues.ADJ) != 0) {
            return; // "Soviet", "Western" alone; in a longer name they stay ("Latin America", "Central Asia")
        }
        boolean titled = false;
        int nf = f;
        int titleOf = -1; // a title right before "of" ("CEO of", "mayor of"): what follows is what it heads
        if (type == UNKNOWN) {
            while (nf <= l && ((bits[nf] & NameCues.TITLE) != 0 || (tk.flags[nf] & Tokens.FIRST_LOWER) != 0)) {
                titled |= (bits[nf] & (NameCues.TITLE | NameCues.TITLE_PART)) == NameCues.TITLE;
                if ((tk.flags[nf] & Tokens.FIRST_LOWER) != 0 && nf > f && (bits[nf - 1] & NameCues.TITLE) != 0
                        && tk.lower[nf] == OF) {
                    titleOf = nf - 1;
                }
                nf++;
            }
            while (nf <= l && (bits[nf] & (NameCues.COMMON | NameCues.PLACE_PREFIX)) == NameCues.COMMON
                    && !(nf < l && initial(tk, text, nf))) {
                nf++;
            }
            if (nf > l) {
                return; // only a title: "Foreign Minister" before a name the gazetteer knows
            }
            // A role word capitalised at the start of a sentence ("Analyst Tatiana Stanovaya said") before a
            // given name is not part of the name; the given name then makes it a person.
            if (!titled && nf < l && (bits[nf] & NameCues.ROLE) != 0 && (bits[nf + 1] & NameCues.FIRST) != 0
                    && (tk.flags[nf] & Tokens.ALL_UPPER) == 0) {
                nf++;
            }
            f = nf;
        }
        if (titleCase) {
            add(w, tk, f, l, UNKNOWN, 0, false); // a title-case headline only names what the body names
            return;
        }
        int before = first - 1; // the word before the run as found, before any trimming
        if (fragmentOfPerson(tk, w, text, last, fieldTo)) {
            return; // "Vladimir V." before "Putin": part of a name the gazetteer knows
        }
        int firstBits = bits[f];
        int len = l - f + 1;
        int beforeBits = before >= fieldFrom && !titled && tk.sentence[before] == tk.sentence[first]
                && (tk.flags[before] & Tokens.FIRST_LOWER) != 0 ? cues.of(lower[before]) : 0;
        if (type == UNKNOWN && titled && titleOf >= 0 && titleOf + 2 == f && (firstBits & NameCues.FIRST) == 0) {
            // "Jeff Lautt, CEO of Poet": Poet is what the title heads, not a person; a place for a mayor or governor.
            type = headsAPlace(tk.lower[titleOf]) ? PLACE : ORG;
            why = BY_TITLE_OF;
        }
        if (type == UNKNOWN && titled) {
            type = PERSON;
            why = BY_TITLE;
        }
        if (type == UNKNOWN && (beforeBits & NameCues.CONNECT_ORG) != 0 && lower[before] == OF && len <= 3
                && before - 1 >= fieldFrom && tk.sentence[before - 1] == tk.sentence[first]
                && (tk.flags[before - 1] & Tokens.FIRST_LOWER) != 0
                && headsAPlace(lower[before - 1])) {
            type = PLACE; // "the governor of Helmand", "the mayor of Kherson": what the title heads
            why = BY_TITLE_OF;
        }
        if (type == UNKNOWN && (beforeBits & NameCues.ROLE) != 0 && (firstBits & NameCues.ORG_WORD) == 0) {
            type = PERSON;
            why = BY_ROLE;
        }
        if (type == UNKNOWN && len >= 2 && (lastBits & NameCues.PLACE_HEAD) != 0) {
            type = PLACE;
            why = BY_PLACE_WORD;
        }
        if (type == UNKNOWN && len >= 3 && PlaceContext.hasHyphenParticle(tk, text, f, l)) {
            type = PLACE;
            why = BY_HYPHEN_PARTICLE;
        }
        if (type == UNKNOWN && fieldFrom == tk.fieldStart[Tagger.BODY] && tk.paragraph[first] - tk.paragraph[fieldFrom] < 3
                && (first == fieldFrom || tk.paragraph[first - 1] != tk.paragraph[first])
                && (tk.flags[f] & Tokens.ALL_UPPER) != 0 && NameText.datelineEnd(text, tk.end[l])
                && !afterADateline(tk, text, fieldFrom, first)) {
            type = PLACE; // "DES MOINES, Iowa": a dateline in capitals, though "Des" is a given name
            why = BY_DATELINE;
        }
        if (type == UNKNOWN && len >= 2 && len <= 3 && (firstBits & (NameCues.FAMILY_PINYIN | NameCues.FAMILY_SYLLABLE)) != 0
                && romanisedGivenName(tk, text, firstBits, f + 1, l)) {
            type = PERSON; // "Ye Zhaoying", "Kim Do Hoon": the family name first, so the lone one is the first word
            why = BY_FAMILY_FIRST;
        }
        if (type == UNKNOWN && len >= 2 && len <= 4 && (firstBits & NameCues.FIRST) != 0 && !NameSignals.endsAnEvent(lower[l])) {
            type = PERSON; // not "the Davis Cup", "the Sheffield Shield", "the Marshall Plan": a given name opens them
            why = BY_FIRST;
        }
        if (type == UNKNOWN && len >= 2 && (firstBits & NameCues.PLACE_PREFIX) != 0) {
            type = PLACE; // "St. Louis", "Ft. Myers", "Mt. Vernon"
            why = BY_PLACE_WORD;
        }
        if (type == UNKNOWN && len >= 2 && len <= 3 && initial(tk, text, f) && (tk.flags[l] & Tokens.ALL_UPPER) == 0
                && (lastBits & (NameCues.ORG_HEAD | NameCues.PLACE_HEAD | NameCues.COMMON)) == 0) {
            type = PERSON; // "M. Waugh", "A. Parore": an initial before a surname
            why = BY_FIRST;
        }
        if (type == UNKNOWN && (firstBits & NameCues.ORG_WORD) != 0 && len == 1) {
            type = ORG;
            why = BY_ORG_WORD;
        }
        if (type == UNKNOWN && l + 2 < fieldTo && tk.sentence[l + 1] == tk.sentence[l]
                && NameText.gap(text, tk.end[l], tk.start[l + 1]) == NameText.GAP_HYPHEN && (cues.of(lower[l + 1]) & NameCues.BASED) != 0) {
            type = PLACE;
            why = BY_BASED;
        }
        if (type == UNKNOWN && first == fieldFrom && fieldFrom == tk.fieldStart[Tagger.BODY] && NameText.datelineEnd(text, tk.end[l])) {
            type = PLACE;
            why = BY_DATELINE;
        }
        if (type == UNKNOWN && fieldFrom == tk.fieldStart[Tagger.BODY] && tk.paragraph[first] - tk.paragraph[fieldFrom] < 3
                && (first == fieldFrom || tk.paragraph[first - 1] != tk.paragraph[first])
                && tk.end[l] < text.length() && text.charAt(tk.end[l]) == ' ' && NameText.isoDateLine(text, tk.end[l] + 1)
                && !afterADateline(tk, text, fieldFrom, first)) {
            type = PLACE; // "BRUSSELS 1996-08-22" on a line of its own, after the headline and the byline
            why = BY_DATELINE;
        }
        if (type == UNKNOWN && (beforeBits & NameCues.ORG_CUE) != 0) {
            type = ORG;
            why = BY_ORG;
        }
        if (type == UNKNOWN && l + 1 < fieldTo && (first > fieldFrom && tk.sentence[first - 1] == tk.sentence[first] || len >= 2)
                && (tk.flags[l + 1] & Tokens.FIRST_LOWER) != 0 && (cues.of(lower[l + 1]) & NameCues.PARTY_AFTER) != 0
                && tk.sentence[l + 1] == tk.sentence[l] && NameText.gap(text, tk.end[l], tk.start[l + 1]) == NameText.GAP_SPACE) {
            type = ORG; // "Labour leader Helen Clark", "the National and Labour parties"; not at a sentence's start
            why = BY_ORG;
        }
        if (type == UNKNOWN && w.runs > 0 && w.rType[w.runs - 1] == PLACE && w.rLast[w.runs - 1] == first - 1
                && text.startsWith(", ", tk.end[first - 1]) && tk.start[first] == tk.end[first - 1] + 2 && len <= 3
                && NameText.closes(text, tk.end[l])) {
            type = PLACE; // "Tampa, Florida"
            why = BY_PLACE_CUE;
        }
        if (type == UNKNOWN && (beforeBits & NameCues.PLACE_CUE) != 0 && len <= 3 && (firstBits & NameCues.ORG_WORD) == 0
                && !NameSignals.groupLabel(tk, text, l, fieldTo)) {
            type = PLACE;
            why = BY_PLACE_CUE;
        }
        if (type == UNKNOWN && (beforeBits & NameCues.COORD) != 0 && w.runs > 0 && w.rType[w.runs - 1] == PLACE
                && w.rLast[w.runs - 1] == before - 1 && tk.sentence[before - 1] == tk.sentence[first] && len <= 3
                && (firstBits & NameCues.ORG_WORD) == 0) {
            type = PLACE; // "in Wales and Scotland": the place cue of the first counts for the second
            why = BY_PLACE_CUE;
        }
        if (type == UNKNOWN && (beforeBits & NameCues.COORD) != 0 && w.runs > 0 && w.rType[w.runs - 1] == ORG
                && w.rWhy[w.runs - 1] == BY_ORG && w.rLast[w.runs - 1] == before - 1
                && tk.sentence[before - 1] == tk.sentence[first] && len <= 3) {
            type = ORG; // "Siberian Coal Energy Corp and Mechel": one kind on both sides of "and"
            why = BY_ORG;
        }
        if (type == UNKNOWN && len <= 3 && (firstBits & NameCues.ORG_WORD) == 0) {
            if (PlaceContext.locatedAfter(tk, text, l, fieldTo)) {
                type = PLACE;
                why = BY_LOCATED;
            } else if (PlaceContext.journeyBefore(tk, first, fieldFrom)) {
                type = PLACE;
                why = BY_JOURNEY;
            }
        }
        if (type == UNKNOWN && f == l && w.riverAt[f] == w.stamp) {
            type = PLACE;
            why = BY_RIVER;
        }
        if (type == UNKNOWN && len <= 3 && l + 1 < fieldTo && PlaceSenses.commaBetween(tk, text, l, l + 1)
                && (w.regionAt[l + 1] == w.stamp || places.stateAbbreviation(tk, text, l + 1))
                && (tk.end[l + 1] >= text.length() || text.charAt(tk.end[l + 1]) != '\'')) {
            type = PLACE; // "Tiptonville, Tennessee", "Cairo, Ill.": not "Kemp, Georgia's governor"
            why = BY_REGION;
        }
        if (type == UNKNOWN && len == 1 && (tk.flags[f] & Tokens.ALL_UPPER) != 0 && !NameText.capsNeighbour(tk, f, fieldFrom, fieldTo)
                && !isLegalForm(tk.lower[f]) && !sectionHeader(tk, text, fieldFrom, f, l)
                && !NameSignals.indexOrModel(tk, text, f, fieldFrom, fieldTo)) { // not "the DAX index", "the 737 MAX"
            int n = tk.end[f] - tk.start[f];
            if (n >= 2 && n <= 5) {
                type = ORG;
                why = BY_ACRONYM;
            }
        }
        if (len == 1 && tk.end[f] - tk.start[f] == 1) {
            return; // an initial or a letter
        }
        if (type == UNKNOWN && len >= 3) {
            int given = innerGivenName(tk, bits, f, l);
            if (given > f) {
                int t = given - 1;
                while (t >= f && (bits[t] & NameCues.TITLE) != 0) {
                    t--;
                }
                if (t >= f && t < given - 1 && (bits[t] & (NameCues.COMMON | NameCues.ADJ)) == 0
                        && !NameSignals.portfolioTitle(tk.lower[t + 1])) {
                    // "Labour MP Dennis Skinner": what the title is of; not a minister's portfolio
                    // ("Telecommunications Minister Hisao Horinouchi", "Energy Secretary Ed Miliband").
                    add(w, tk, f, t, ORG, BY_ORG, true);
                }
                f = given; // "Chancellor of the Exchequer Kenneth Clarke": "Exchequer" is no part of his name
                type = PERSON;
                why = BY_FIRST;
            } else if (given < 0 && (given = afterInnerTitle(tk, w, text, f, l)) > f) {
                f = given; // "Roman Catholic Bishop Carlos Belo": the words before the title describe him
                type = PERSON;
                why = BY_TITLE;
            }
        }
        if (why == BY_FAMILY_FIRST) {
            // "Kim Yoon-man", "Lee Kyou-hyuk": the given name's syllables after a hyphen, in lower case, are its.
            while (l + 1 < fieldTo && NameText.gap(text, tk.end[l], tk.start[l + 1]) == NameText.GAP_HYPHEN
                    && (tk.flags[l + 1] & Tokens.FIRST_LOWER) != 0 && romanisedGivenName(tk, text, firstBits, l + 1, l + 1)) {
                l++;
            }
            w.addRun(f, l, type, why, key(tk, f, l), tk.lower[f], true);
            return;
        }
        add(w, tk, f, l, type, why, true);
    }

    /** Whether what a title is "of" is a place: a mayor's or a governor's (a chairman's is an organisation). */
    private static boolean headsAPlace(long title) {
        return title == MAYOR || title == GOVERNOR;
    }

    /**
     * Whether tokens {@code from} to {@code to} are the given name after an East Asian family name: each a word
     * of the romanisation the family name's list calls for, joined by spaces or a hyphen, not in capitals.
     */
    private static boolean romanisedGivenName(Tokens tk, String text, int familyBits, int from, int to) {
        for (int t = from; t <= to; t++) {
            if ((tk.flags[t] & Tokens.ALL_UPPER) != 0) {
                return false;
            }
            int s = tk.start[t];
            int e = tk.end[t];
            boolean ok = (familyBits & NameCues.FAMILY_PINYIN) != 0 && RomanisedNames.pinyin(text, s, e)
                    || (familyBits & NameCues.FAMILY_SYLLABLE) != 0 && RomanisedNames.syllables(text, s, e);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * The token of a given name inside a run no cue typed, after words that are neither given names nor the words
     * of bodies and places, and before one to three more words ("Exchequer Kenneth Clarke"), or -1. Not in
     * capitals (a heading or a table).
     */
    private static int innerGivenName(Tokens tk, int[] bits, int f, int l) {
        for (int k = f; k < l; k++) {
            if ((bits[k] & NameCues.FIRST) != 0) {
                return k > f && l - k <= 3 && (tk.flags[k] & Tokens.ALL_UPPER) == 0 ? k : -1;
            }
            if ((bits[k] & (NameCues.ORG_HEAD | NameCues.ORG_WORD | NameCues.PLACE_HEAD)) != 0) {
                return -1; // "Bank Julius Baer", "Fort William Henry": a body or a place named after a person
            }
        }
        return -1;
    }

    /**
     * The given name right after a word that names an institution on its own ("Parliament", "Duma"), or after
     * titles that follow one ("Senate Majority Leader"), that ends a run with one or two more words
     * ("Parliament Tony Marlow"), or -1: the run is the institution and a person, not one organisation's name.
     */
    private static int givenNameAfterInstitution(Tokens tk, int[] bits, int f, int l) {
        for (int k = Math.max(f + 1, l - 2); k < l; k++) {
            if ((bits[k] & NameCues.FIRST) == 0 || (tk.flags[k] & Tokens.ALL_UPPER) != 0) {
                continue;
            }
            int j = k - 1;
            while (j > f && (bits[j] & (NameCues.TITLE | NameCues.TITLE_PART)) != 0) {
                j--; // "Senate Majority Leader Chuck Schumer"
            }
            if ((bits[j] & NameCues.ORG_WORD) != 0) {
                return k;
            }
        }
        return -1;
    }

    /** Whether token {@code t} is one capital letter and a full stop: an initial ("M. Waugh"). */
    private static boolean initial(Tokens tk, String text, int t) {
        return tk.end[t] - tk.start[t] == 1 && (tk.flags[t] & Tokens.FIRST_UPPER) != 0 && tk.end[t] < text.length()
                && text.charAt(tk.end[t]) == '.';
    }

    /** Whether a run sits right before or after a person the gazetteer knows ("Vladimir V." Putin). */
    private static boolean fragmentOfPerson(Tokens tk, NameWork w, String text, int last, int to) {
        if (last + 1 < to && w.cover[last + 1] == w.stamp + 1 && tk.sentence[last + 1] == tk.sentence[last]) {
            int g = NameText.gap(text, tk.end[last], tk.start[last + 1]);
            if (g == NameText.GAP_SPACE || g == NameText.GAP_DOT || g == NameText.GAP_HYPHEN) {
                return true;
            }
        }
        return false;
    }

    /**
     * A given name and one word after it, an institution's name only as a surname ("Michael Bloomberg", not
     * "Bloomberg News"): a person.
     */
    private static boolean givenNameAndSurname(NameWork w, int f, int l) {
        return l == f + 1 && (w.bits[f] & (NameCues.FIRST | NameCues.ORG_HEAD | NameCues.ORG_WORD)) == NameCues.FIRST
                && (w.bits[l] & NameCues.ORG_WORD) != 0;
    }

    private static boolean anyOrgWord(NameWork w, int f, int l) {
        for (int k = f; k <= l; k++) {
            if ((w.bits[k] & NameCues.ORG_WORD) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether every capitalised word of the run is an organisation word ("Oil Co", "Ministry"). */
    private static boolean onlyHeads(Tokens tk, NameWork w, int f, int l) {
        for (int k = f; k <= l; k++) {
            int c = w.bits[k];
            if ((tk.flags[k] & Tokens.FIRST_LOWER) == 0 && ((c & NameCues.ORG_HEAD) == 0 || (c & NameCues.ORG_WORD) != 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean orgHeadBeforeOf(Tokens tk, NameWork w, int f, int l) {
        for (int k = f; k < l; k++) {
            if ((w.bits[k] & NameCues.ORG_HEAD) != 0 && (tk.flags[k + 1] & Tokens.FIRST_LOWER) != 0
                    && (w.bits[k + 1] & NameCues.CONNECT_ORG) != 0) {
                return true;
            }
        }
        return false;
    }

    /** In a body in capitals, only the dateline's first word is read, as a place. */
    private void dateline(Tokens tk, NameWork w, String text, int from, int to) {
        if (from < to && (tk.flags[from] & Tokens.FIRST_UPPER) != 0 && !covered(w, from)
                && (cues.of(tk.lower[from]) & NameCues.COMMON) == 0 && NameText.datelineEnd(text, tk.end[from])) {
            add(w, tk, from, from, PLACE, BY_DATELINE, true);
        }
    }

    /**
     * Whether a paragraph of the body before token {@code first}'s opens with a dateline ("NEW YORK 1996-12-06",
     * "KHARKIV, Ukraine (Reuters) -"): a story has one, so what opens a later paragraph the same way is no place
     * ("ORE - Maritime Queen 70,000 tonnes", "COAL - ...": the sections of a commodities report).
     */
    private boolean afterADateline(Tokens tk, String text, int fieldFrom, int first) {
        for (int p = fieldFrom; p < first; p++) {
            if (p != fieldFrom && tk.paragraph[p - 1] == tk.paragraph[p]) {
                continue;
            }
            int q = p;
            while (q + 1 < first && tk.paragraph[q + 1] == tk.paragraph[p] && (tk.flags[q + 1] & Tokens.FIRST_UPPER) != 0
                    && NameText.gap(text, tk.end[q], tk.start[q + 1]) == NameText.GAP_SPACE) {
                q++; // the place's words: "NEW YORK", "DES MOINES"
            }
            // One common word is no dateline but a wire's slug, as the headline repeated gives it: "SOCCER - LEADERS
            // HELD AT HOME" (the place's words may be common ones: "NEW YORK").
            if ((tk.flags[p] & Tokens.FIRST_UPPER) != 0 && (q > p || (cues.of(tk.lower[p]) & NameCues.COMMON) == 0)
                    && NameText.datelineEnd(text, tk.end[q])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether tokens {@code first} to {@code l} open a paragraph of the body with a dash after them, after the
     * story's dateline: a section's header ("ORE - Maritime Queen ..."), no name. Not before a comma: "ZNB, the
     * bank, said" opening a paragraph is the organisation.
     */
    private boolean sectionHeader(Tokens tk, String text, int fieldFrom, int first, int l) {
        int end = tk.end[l];
        return fieldFrom == tk.fieldStart[Tagger.BODY] && first > fieldFrom && tk.paragraph[first - 1] != tk.paragraph[first]
                && end + 1 < text.length() && text.charAt(end) == ' ' && "-\u2013\u2014".indexOf(text.charAt(end + 1)) >= 0
                && afterADateline(tk, text, fieldFrom, first);
    }

    static void add(NameWork w, Tokens tk, int f, int l, int type, int why, boolean joinable) {
        w.addRun(f, l, type, why, key(tk, f, l), surname(tk, f, l), joinable);
    }

    /** A run's key: its words in order, so that the same name elsewhere in the story has the same key. */
    static long key(Tokens tk, int f, int l) {
        return key(tk.lower, f, l + 1);
    }

    /** The key of the words {@code words[from..to)}: a run of those words has it ({@link ClubNames} keys a name so). */
    static long key(long[] words, int from, int to) {
        long key = 0x84222325L;
        for (int k = from; k < to; k++) {
            key = (key ^ words[k]) * 0x9E3779B97F4A7C15L + k - from;
        }
        return key;
    }

    /** The surname of a name of tokens {@code f} to {@code l}: its last word, or the one before a "Jr" or "III". */
    static long surname(Tokens tk, int f, int l) {
        long last = tk.lower[l];
        return l > f + 1 && isSuffix(last) ? tk.lower[l - 1] : last;
    }
}
