package io.wiretag.tagging;

import static io.wiretag.tagging.NameFinder.BY_PLACE_WORD;
import static io.wiretag.tagging.NameFinder.BY_PLAYER;
import static io.wiretag.tagging.NameFinder.BY_REGION;
import static io.wiretag.tagging.NameFinder.BY_TEAM;
import static io.wiretag.tagging.NameFinder.ELSEWHERE;
import static io.wiretag.tagging.NameFinder.ORG;
import static io.wiretag.tagging.NameFinder.PERSON;
import static io.wiretag.tagging.NameFinder.PLACE;
import static io.wiretag.tagging.NameFinder.UNKNOWN;
import static io.wiretag.tagging.NameFinder.adjacent;
import static io.wiretag.tagging.NameFinder.insideMatch;
import static io.wiretag.tagging.NameFinder.sameClause;
import static io.wiretag.tagging.NameFinder.surnameOfAPerson;

/**
 * The name finder's reading of sports stories: whether a story is one (a word of sport and a score or a table
 * of results), which names stand where a team does ("beat Coventry", "lost to Leicester", "Plymouth 4 Exeter
 * 1"), and which cities the gazetteer knows are clubs there ("Barcelona beat Real Madrid").
 */
final class SportsTeams {
    /**
     * Places of the gazetteer that field national teams, as countries do: the United Kingdom's nations, and the
     * West Indies, whose cricket team is the Caribbean's ("beat West Indies by five wickets").
     */
    private static final java.util.Set<String> NATIONS = java.util.Set.of("england", "scotland", "wales", "northern-ireland",
            "west-indies");
    private static final long CITY = Tokens.hashLower("city");
    private static final long COUNTY = Tokens.hashLower("county");
    private static final long TOWN = Tokens.hashLower("town");
    private static final long BOTH = Tokens.hashLower("both");
    private static final long AT = Tokens.hashLower("at");
    private static final long V = Tokens.hashLower("v");
    private static final long VS = Tokens.hashLower("vs");
    private static final long THE = Tokens.hashLower("the");

    private final NameCues cues;
    private final boolean[] entityIsPlace;
    private final boolean[] entityIsOrganisation;
    private final boolean[] nation;
    private final int[] sportWords;
    private final ClubNames clubs;

    SportsTeams(Gazetteer g, NameCues cues, boolean[] entityIsPlace, boolean[] entityIsOrganisation, ClubNames clubs) {
        this.cues = cues;
        this.clubs = clubs;
        this.entityIsPlace = entityIsPlace;
        this.entityIsOrganisation = entityIsOrganisation;
        this.nation = new boolean[g.entities.length];
        for (int e = 0; e < nation.length; e++) {
            nation[e] = NATIONS.contains(g.entities[e].id());
        }
        this.sportWords = g.sportWords;
    }

    /**
     * A sports story: a word of sport (the keyword pass found them) and a score (a scan of the body), a table
     * of results (read from the tokens) or a list of players with their clubs.
     */
    boolean isSportsStory(Tokens tk, Scratch s, String body) {
        return hasSportWord(s) && (NameText.hasScore(body)
                || NameText.hasTableRows(tk, body, tk.fieldStart[Tagger.BODY], tk.fieldStart[Tagger.BODY + 1])
                || listsPlayers(tk, body));
    }

    /**
     * Whether the story has a word of sport ("goal", "league"; with a score it is a sports story): the
     * keyword pass found them already.
     */
    boolean hasSportWord(Scratch s) {
        for (int id : sportWords) {
            if (s.wordSeen[id]) {
                return true;
            }
        }
        return false;
    }

    /**
     * In a sports story, a name no cue typed that stands where a team does is an organisation: before "beat",
     * "drew" or "manager", after "beat", "against" or "v", after "lost to", "drew with", "scored for"
     * ("Blackburn Rovers lost to Leicester", "Newcastle manager Kevin Keegan"). Not a surname of a person the
     * story names ("Shearer beat two defenders" after "Alan Shearer"). The story's other mentions of the same
     * name follow it by coreference.
     */
    void teams(Tokens tk, Scratch s, NameWork w, String headline, String body) {
        for (int r = 0; r < w.runs; r++) {
            int f = w.rFirst[r];
            String text = Tagger.source(tk, f, headline, body);
            // A place's name read by its words is a team's where a club's suffix ends it ("Derby County") or where a
            // table's row or a schedule's line sets it ("Phoenix 3 ST LOUIS 0 Tampa Bay 2").
            boolean clubSuffix = w.rType[r] == PLACE && w.rWhy[r] == BY_PLACE_WORD && (isClubSuffix(tk.lower[w.rLast[r]])
                    || NameText.inTableRow(text, tk.start[f], tk.end[w.rLast[r]])
                    || NameText.inFixtureLine(text, tk.start[f], tk.end[w.rLast[r]]));
            if (w.rType[r] == PLACE && w.rWhy[r] == BY_REGION && clubAfterAPlayer(tk, text, f, w.rLast[r])) {
                // "Vitor Baia (Barcelona, Spain)": the country after the name is the club's, not a place's.
                w.rType[r] = ORG;
                w.rWhy[r] = BY_TEAM;
                continue;
            }
            if ((w.rType[r] != UNKNOWN && !clubSuffix) || !w.rJoinable[r]) {
                continue; // typed already, or a title-case headline's word (it names only what the body names)
            }
            if (standsWhereATeamDoes(tk, text, f, w.rLast[r]) && !surnameOfAPerson(w, r)) {
                w.rType[r] = ORG;
                w.rWhy[r] = BY_TEAM;
            }
        }
        // "Paulinho Santos (Porto)": a name of two words or more that no rule typed, with a club or a country in
        // parentheses right after it, is a player (a row of standings, "Real Madrid (Spain) 9 4 5", is a team above).
        for (int r = 0; r < w.runs; r++) {
            int l = w.rLast[r];
            if (w.rType[r] == UNKNOWN && w.rJoinable[r] && l > w.rFirst[r] && l + 1 < tk.count
                    && opensParenthesesAfterAName(tk, Tagger.source(tk, l, headline, body), l + 1)) {
                w.rType[r] = PERSON;
                w.rWhy[r] = BY_PLAYER;
            }
        }
        // "Liverpool and Manchester City both won": the name joined by "and" to a team that stands before a
        // result is a team too, whether the name finder read that team or the gazetteer knows it.
        for (int r = w.runs - 1; r >= 0; r--) {
            int c = w.rLast[r] + 1;
            if (w.rType[r] != UNKNOWN || !w.rJoinable[r] || c + 1 >= tk.count || (cues.of(tk.lower[c]) & NameCues.COORD) == 0) {
                continue;
            }
            boolean team = r + 1 < w.runs && w.rType[r + 1] == ORG && w.rWhy[r + 1] == BY_TEAM && w.rFirst[r + 1] == c + 1
                    || knownTeamAt(tk, s, c + 1, headline, body);
            String text = Tagger.source(tk, c, headline, body);
            if (team && sameClause(tk, text, c, c - 1) && adjacent(tk, text, c, c + 1) && !surnameOfAPerson(w, r)) {
                w.rType[r] = ORG;
                w.rWhy[r] = BY_TEAM;
            }
        }
    }

    /** Whether a known organisation's name starts at token {@code t} and stands where a team does ("Manchester City both won"). */
    private boolean knownTeamAt(Tokens tk, Scratch s, int t, String headline, String body) {
        int m = s.matchAt(t); // the match at t, in one step (this is asked for each name before "and")
        int e = m >= 0 && s.mFirst[m] == t ? s.mEntity[m] : -1;
        return e >= 0 && entityIsOrganisation[e] && standsWhereATeamDoes(tk, Tagger.source(tk, t, headline, body), t, s.mLast[m]);
    }

    /**
     * In a sports story's body in capitals (American standings: "PHILADELPHIA 14 12 2 75 75 30"), the names
     * that open a row of numbers, or follow the number before them ("NEW JERSEY 4 PHILADELPHIA 2"), and the two
     * sides of a schedule's line ("ANAHEIM AT BUFFALO") are the teams; the rest of such a body (division headings, "W L T GF GA PTS") is no name.
     */
    void teamsOfTableRows(Tokens tk, NameWork w, String text, int f) {
        int[] caps = tk.caps;
        int last = -1;
        for (int c = tk.fieldCaps[f], end = tk.fieldCaps[f + 1]; c < end; c++) {
            int t = caps[c];
            if (t <= last || NameFinder.covered(w, t) || (tk.flags[t] & Tokens.ALL_UPPER) == 0 || isFixtureConnector(tk.lower[t])) {
                continue;
            }
            last = t;
            while (last + 1 < tk.fieldStart[f + 1] && tk.sentence[last + 1] == tk.sentence[t]
                    && (tk.flags[last + 1] & (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)) == (Tokens.FIRST_UPPER | Tokens.ALL_UPPER)
                    && !isFixtureConnector(tk.lower[last + 1])
                    && !NameFinder.covered(w, last + 1) && NameText.gap(text, tk.end[last], tk.start[last + 1]) == NameText.GAP_SPACE) {
                last++;
            }
            if (NameText.inTableRow(text, tk.start[t], tk.end[last]) || NameText.inFixtureLine(text, tk.start[t], tk.end[last])) {
                NameFinder.add(w, tk, t, last, ORG, BY_TEAM, true);
            }
        }
    }

    /** "AT", "V", "VS" between the two teams of a schedule's line in capitals: no part of either name. */
    private static boolean isFixtureConnector(long lower) {
        return lower == AT || lower == V || lower == VS;
    }

    /**
     * The place heads that end clubs' names as often as towns' ("Manchester City", "Derby County", "Ipswich
     * Town"): where such a name stands as a team does, it is the club.
     */
    private static boolean isClubSuffix(long lower) {
        return lower == CITY || lower == COUNTY || lower == TOWN;
    }

    /** Whether tokens {@code f} to {@code l} stand where a team's name does ("... beat", "against ...", "lost to ..."). */
    private boolean standsWhereATeamDoes(Tokens tk, String text, int f, int l) {
        if (clubAfterAPlayer(tk, text, f, l)) {
            return true;
        }
        if (NameText.inFixtureLine(text, tk.start[f], tk.end[l])) {
            return true; // a schedule's line: "Anaheim at Buffalo", "Leeds v Chelsea"
        }
        if (NameText.inTableRow(text, tk.start[f], tk.end[l])) {
            // A row of results or standings ("Plymouth 4 Exeter 1", "Limoges (France) 9 3 6 12"); not a player's
            // row, where a team's short form follows the name ("Yelich Mil 79 296", "McNeil NYM 72").
            return l == f || tk.end[l] - tk.start[l] > 3 || (cues.of(tk.lower[l]) & NameCues.PLACE_HEAD) != 0; // "Tampa Bay 2"
        }
        // The word lists first (a filter says "in no list" for most words), the text between after.
        int after = l + 1 < tk.count ? cues.of(tk.lower[l + 1]) & (NameCues.TEAM_AFTER | NameCues.TEAM_PLURAL) : 0;
        if (after == 0 && l + 2 < tk.count && tk.lower[l + 1] == BOTH && sameClause(tk, text, l + 1, l)
                && adjacent(tk, text, l + 1, l + 2) && (cues.of(tk.lower[l + 2]) & NameCues.TEAM_AFTER) != 0) {
            return true; // "... and Manchester City both won": two teams, this the last
        }
        if (after != 0 && sameClause(tk, text, l + 1, l)) {
            // "Juventus were held": a plural verb after one name, not after the last of several ("Smith and Jones were").
            if ((after & NameCues.TEAM_AFTER) != 0 || !lastOfSeveral(tk, text, f)) {
                return true;
            }
        }
        if (f > 1 && tk.lower[f - 1] == THE && sameClause(tk, text, f - 1, f) && sameClause(tk, text, f - 2, f - 1)
                && (cues.of(tk.lower[f - 2]) & NameCues.TEAM_BEFORE) != 0) {
            return true; // "Australia beat the Barbarians 39-12"
        }
        int before = f > 0 ? cues.of(tk.lower[f - 1]) & (NameCues.TEAM_BEFORE | NameCues.TEAM_LINK) : 0;
        if (before == 0 || !sameClause(tk, text, f - 1, f)) {
            return false;
        }
        if ((before & NameCues.TEAM_BEFORE) != 0) {
            return true;
        }
        // A link word after a result verb, or after the score that follows one: "lost to", "drew 1-1 with".
        int verb = f - 2;
        if (verb >= 2 && isScore(tk, text, verb - 1, verb) && adjacent(tk, text, verb, f - 1)) {
            verb -= 2;
            if (!adjacent(tk, text, verb, verb + 1)) {
                return false;
            }
        }
        return verb >= 0 && (cues.of(tk.lower[verb]) & (NameCues.TEAM_AFTER | NameCues.TEAM_BEFORE)) != 0
                && sameClause(tk, text, verb, verb + 1);
    }

    /**
     * Whether tokens {@code f} to {@code l} open the parentheses right after a capitalised name and close them
     * or go on with a comma: a squad or a results list names each player's club so ("Vitor Baia (Barcelona,
     * Spain)", "Fernando Couto (Porto)"). A country there stays the country ("Isolde Kostner (Italy)"): the
     * callers read only names that are no country.
     */
    private static boolean clubAfterAPlayer(Tokens tk, String text, int f, int l) {
        int end = tk.end[l];
        return opensParenthesesAfterAName(tk, text, f) && end < text.length() && (text.charAt(end) == ')' || text.charAt(end) == ',');
    }

    /** Whether token {@code f} opens parentheses right after a capitalised name: "Luis Figo (Barcelona". */
    private static boolean opensParenthesesAfterAName(Tokens tk, String text, int f) {
        int st = tk.start[f];
        if (f == 0 || st < 2 || text.charAt(st - 1) != '(' || text.charAt(st - 2) != ' ') {
            return false;
        }
        int p = f - 1;
        return tk.end[p] == st - 2 && tk.sentence[p] == tk.sentence[f] && Tagger.field(tk, p) == Tagger.field(tk, f)
                && (tk.flags[p] & Tokens.FIRST_UPPER) != 0 && (tk.flags[p] & Tokens.ALL_UPPER) == 0;
    }

    /**
     * Whether the body lists people with a name in parentheses after each, three times or more: a squad with
     * the players' clubs ("Vitor Baia (Barcelona, Spain), Rui Correia (Braga)"), or results with their countries.
     */
    private static boolean listsPlayers(Tokens tk, String body) {
        int n = 0;
        for (int k = tk.fieldCaps[Tagger.BODY]; k < tk.fieldCaps[Tagger.BODY + 1] && n < 3; k++) {
            int t = tk.caps[k];
            if (clubAfterAPlayer(tk, body, t, t)) { // one word, then ")" or ",": not "Sen. John Smith (R-Texas)"
                n++;
            }
        }
        return n >= 3;
    }

    /** Whether tokens {@code a} and {@code b} are a score: one or two digits each, a hyphen between ("1-1", "10-2"). */
    private static boolean isScore(Tokens tk, String text, int a, int b) {
        return b == a + 1 && tk.sentence[a] == tk.sentence[b] && NameText.isScoreSide(text, tk.start[a], tk.end[a])
                && NameText.isScoreSide(text, tk.start[b], tk.end[b])
                && NameText.gap(text, tk.end[a], tk.start[b]) == NameText.GAP_HYPHEN;
    }

    /**
     * Whether the name at token {@code f} ends a list of names: a comma right before it ("Vialli, Ravanelli
     * were"), or "and"/"or" right after another capitalised word ("Ravanelli and Vialli were"; not "booked,
     * and Sampdoria have").
     */
    private boolean lastOfSeveral(Tokens tk, String text, int f) {
        int st = tk.start[f];
        if (st >= 2 && text.charAt(st - 2) == ',' && text.charAt(st - 1) == ' ') {
            // Not after an opening place ("In Spain, Real Madrid were held"): that comma ends a phrase, not a list.
            int c = f - 1;
            return c < 1 || tk.sentence[c - 1] != tk.sentence[f] || (cues.of(tk.lower[c - 1]) & NameCues.PLACE_CUE) == 0;
        }
        int c = f - 1;
        return c > 0 && adjacent(tk, text, c, f) && (cues.of(tk.lower[c]) & NameCues.COORD) != 0
                && adjacent(tk, text, c - 1, c) && (tk.flags[c - 1] & Tokens.FIRST_UPPER) != 0;
    }

    /**
     * In a sports story (the caller saw one), a city the gazetteer knows that stands where a team does
     * ("Barcelona beat Real Madrid", "scored twice for Barcelona") is the club: that mention is left to the
     * name finder, which reads it as an organisation by the same rule as any team. The dateline
     * ("BARCELONA, Spain") stays the city; "England beat Wales" stays the nations, as "Germany" stays the country.
     */
    void clubsNamedAfterCities(Tokens tk, Scratch s, String headline, String body, Explanation.Builder explain) {
        int[] clubs = null; // the cities read as a club by their name alone (a few at most), made on the first one
        int nClubs = 0;
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e < 0 || !entityIsPlace[e] || nation[e]) { // a national team is read as its nation, as a country's is
                continue;
            }
            String text = Tagger.source(tk, s.mFirst[m], headline, body);
            int from = clubNameStart(tk, s, text, s.mFirst[m]);
            if (!standsWhereATeamDoes(tk, text, from, s.mLast[m])) {
                continue;
            }
            s.mEntity[m] = ELSEWHERE;
            if (from == s.mFirst[m]) {
                if (clubs == null) {
                    clubs = new int[8];
                }
                if (nClubs < clubs.length) {
                    clubs[nClubs++] = e;
                }
            }
            if (explain != null) {
                explain.why(m, "a club named after the city (it stands where a team does in a sports story), read by the name finder");
            }
        }
        // One story, one sense: a city read as a club where a team stands is the club elsewhere in the story too
        // ("Barcelona's coach"), but after a place cue ("fans in Barcelona"), in the dateline and inside a longer name.
        for (int m = 0; m < s.matches && nClubs > 0; m++) {
            if (!contains(clubs, nClubs, s.mEntity[m])) {
                continue;
            }
            int f = s.mFirst[m];
            String text = Tagger.source(tk, f, headline, body);
            boolean placeCue = f > 0 && tk.sentence[f - 1] == tk.sentence[f] && (tk.flags[f - 1] & Tokens.FIRST_LOWER) != 0
                    && (cues.of(tk.lower[f - 1]) & NameCues.PLACE_CUE) != 0;
            boolean dateline = (f == 0 || tk.paragraph[f - 1] != tk.paragraph[f]) && NameText.datelineEnd(text, tk.end[s.mLast[m]]);
            if (placeCue || dateline || clubNameStart(tk, s, text, f) != f) {
                continue;
            }
            s.mEntity[m] = ELSEWHERE;
            if (explain != null) {
                explain.why(m, "the club this sports story names where a team stands, read by the name finder");
            }
        }
    }

    /**
     * In a sports story, a city that goes by the short name of a club the story names in full ("AC Milan (9) v
     * Udinese" ... "Milan's 2-1 home defeat") or that is joined to a club the gazetteer knows ("between Real Madrid
     * and Barcelona", "Real Madrid-Barcelona") is that club wherever the story names it alone, linked to it: not in
     * the dateline, after a place cue ("fans in Barcelona") or inside a longer name ("Milan Rapajic").
     */
    void citiesNamedAsClubs(Tokens tk, Scratch s, String headline, String body, int leadParagraph, Explanation.Builder explain) {
        int[] done = null; // the cities read as clubs already: each story's mentions of one are walked once
        int nDone = 0;
        for (int m = 0; m < s.matches; m++) {
            int e = s.mEntity[m];
            if (e < 0 || !entityIsPlace[e] || nation[e] || s.mFirst[m] != s.mLast[m] || done != null && contains(done, nDone, e)) {
                continue;
            }
            int[] club = clubs.clubCalled(tk, s.mFirst[m]);
            // The club is named in full when the resolver gave it a slot; joined, when a neighbouring match is one.
            if (club == null || !(s.entitySlot[club[0]] >= 0 || joinedToAClub(tk, s, m, Tagger.source(tk, s.mFirst[m], headline, body)))) {
                continue;
            }
            if (done == null) {
                done = new int[4];
            }
            if (nDone == done.length) {
                done = java.util.Arrays.copyOf(done, nDone * 2);
            }
            done[nDone++] = e;
            for (int k = m; k < s.matches; k++) {
                if (s.mEntity[k] != e || s.mFirst[k] != s.mLast[k] || tk.lower[s.mFirst[k]] != tk.lower[s.mFirst[m]]) {
                    continue; // the city by another name ("Barca") is not the club's short name
                }
                int f = s.mFirst[k];
                String text = Tagger.source(tk, f, headline, body);
                if (!alone(tk, s, text, f)) {
                    continue;
                }
                s.retarget(k, club[0], club[1], EntityTags.weight(tk, f, leadParagraph));
                if (explain != null) {
                    explain.why(k, "a club's short name: the story names the club in full, or joins it to another club");
                }
            }
        }
    }

    /**
     * Whether the one-word match {@code m} is joined by "and", "or" or a hyphen to a known organisation's name: the
     * match before it or after it (the matcher's are in token order).
     */
    private boolean joinedToAClub(Tokens tk, Scratch s, int m, String text) {
        int f = s.mFirst[m];
        for (int o = Math.max(0, m - 1); o <= m + 1 && o < s.matches; o++) {
            int e = s.mEntity[o];
            if (e < 0 || !entityIsOrganisation[e]) {
                continue;
            }
            if (s.mLast[o] == f - 1 && NameFinder.sameSentence(tk, f - 1, f) && NameText.gap(text, tk.end[f - 1], tk.start[f]) == NameText.GAP_HYPHEN
                    || s.mFirst[o] == f + 1 && NameFinder.sameSentence(tk, f, f + 1) && NameText.gap(text, tk.end[f], tk.start[f + 1]) == NameText.GAP_HYPHEN) {
                return true; // "Real Madrid-Barcelona game"
            }
            if (s.mLast[o] == f - 2 && (cues.of(tk.lower[f - 1]) & NameCues.COORD) != 0
                    && adjacent(tk, text, f - 2, f - 1) && adjacent(tk, text, f - 1, f)
                    || s.mFirst[o] == f + 2 && f + 1 < tk.count && (cues.of(tk.lower[f + 1]) & NameCues.COORD) != 0
                    && adjacent(tk, text, f, f + 1) && adjacent(tk, text, f + 1, f + 2)) {
                return true; // "between Real Madrid and Barcelona"
            }
        }
        return false;
    }

    /**
     * Whether the city's one-word match at token {@code f} names it alone: not after a place cue ("fans in
     * Barcelona"), not as the dateline, and no capitalised word right before or after it ("Milan Rapajic").
     */
    private boolean alone(Tokens tk, Scratch s, String text, int f) {
        boolean placeCue = f > 0 && tk.sentence[f - 1] == tk.sentence[f] && (tk.flags[f - 1] & Tokens.FIRST_LOWER) != 0
                && (cues.of(tk.lower[f - 1]) & NameCues.PLACE_CUE) != 0;
        boolean dateline = (f == 0 || tk.paragraph[f - 1] != tk.paragraph[f]) && NameText.datelineEnd(text, tk.end[f]);
        // A capitalised word beside it makes a longer name unless a match takes it ("25-1 Barcelona Real Madrid",
        // a betting table) or, before it, it is a common word opening the sentence ("Can Milan sink any further?").
        boolean longer = f > 0 && (tk.flags[f - 1] & Tokens.FIRST_UPPER) != 0 && adjacent(tk, text, f - 1, f)
                && !insideMatch(s, f - 1) && (cues.of(tk.lower[f - 1]) & NameCues.COMMON) == 0
                || f + 1 < tk.count && (tk.flags[f + 1] & Tokens.FIRST_UPPER) != 0 && adjacent(tk, text, f, f + 1)
                && !insideMatch(s, f + 1);
        return !placeCue && !dateline && !longer;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first of the capitalised words right before a city's match that no other match covers ("Stefanel" in
     * "Stefanel Milan", "Alba" in "Alba Berlin"): a club's name that ends in its city; the match itself when none.
     */
    private static int clubNameStart(Tokens tk, Scratch s, String text, int first) {
        int f = first;
        while (f > 0 && (tk.flags[f - 1] & Tokens.FIRST_UPPER) != 0 && adjacent(tk, text, f - 1, f) && !insideMatch(s, f - 1)) {
            f--;
        }
        return f;
    }
}
