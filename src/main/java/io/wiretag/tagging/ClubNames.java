package io.wiretag.tagging;

import java.util.HashMap;
import java.util.Map;

/**
 * The gazetteer's clubs by their short names: a club's name or alias without the letters of its kind of club
 * ("Porto" of "FC Porto", "Milan" of "AC Milan", "Valencia" of "Valencia CF", "Stuttgart" of "VfB Stuttgart").
 * Sports pages name clubs so ("Porto beat Benfica 2-1"); the name finder then reads an organisation where a
 * team stands, which is that club when the gazetteer has one club of that short name: it is linked to it. A
 * short name two clubs share links to neither; a name that is no club's short name stays unlinked ("Sporting":
 * the gazetteer has Sporting CP and Sporting Braga, but no club is "Sporting" plus a kind).
 */
final class ClubNames {
    /** The kinds that open a club's name ("FC Porto", "VfB Stuttgart", "Club Brugge"); "F.C." reads as "FC". */
    private static final String[] LEADING = {"FC", "AFC", "AC", "AS", "SS", "SSC", "SC", "SL", "CD", "SD", "UD", "RC",
        "RCD", "OGC", "RSC", "TSG", "VfB", "VfL", "SV", "FK", "SK", "BK", "Club"};
    /**
     * The kinds that close a club's name ("Arsenal FC", "Sunderland AFC", "Valencia CF"), and the words British
     * clubs add to their town's name, which results and reports leave out ("Derby County", "Coventry City",
     * "Blackburn Rovers", "Leeds United"; "Manchester" is both City's and United's, so neither's).
     */
    private static final String[] TRAILING = {"FC", "AFC", "CF", "City", "County", "Town", "United", "Rovers", "Wanderers",
        "Athletic", "Albion", "Hotspur"};
    private static final int[] SHARED = new int[0];

    /** Key of a short name ({@link NameFinder#key}) to {entity, alias of the club's full name}, or {@link #SHARED}. */
    private final Map<Long, int[]> byShortName = new HashMap<>();
    /** The same keys, asked first: most organisations of a sports story are no club's short name. */
    private final LongSet keys;

    ClubNames(Gazetteer g, boolean[] entityIsOrganisation) {
        long[] leading = Tokens.hashesLower(LEADING);
        long[] trailing = Tokens.hashesLower(TRAILING);
        for (int id = 0; id < g.aliasText.size(); id++) {
            if (g.aliasTarget[id] != Gazetteer.TARGET_ENTITY || g.aliasDemonym[id] || !entityIsOrganisation[g.aliasRef[id]]) {
                continue;
            }
            long[] words = Phrase.of(g.aliasText.get(id)).lower();
            int n = words.length;
            if (n < 2) {
                continue;
            }
            int from = Tokens.among(leading, words[0]) ? 1 : 0;
            int to = from == 0 && Tokens.among(trailing, words[n - 1]) ? n - 1 : n;
            if (from == 0 && to == n) {
                continue;
            }
            int entity = g.aliasRef[id];
            byShortName.merge(NameFinder.key(words, from, to), new int[] {entity, id},
                    (had, now) -> had != SHARED && had[0] == entity ? had : SHARED);
        }
        keys = new LongSet(byShortName.keySet());
    }

    /**
     * The club whose short name is token {@code t} alone ("Barcelona": FC Barcelona), as {entity, alias of its
     * full name}; null when no club or two clubs go by it.
     */
    int[] clubCalled(Tokens tk, int t) {
        long key = NameFinder.key(tk, t, t);
        int[] club = keys.contains(key) ? byShortName.get(key) : null;
        return club == SHARED ? null : club;
    }

    /**
     * In a sports story, after {@link Coreference}: each organisation the name finder found, standing where a team
     * does at least once and named as one club's short name, becomes that club's mentions; it is no longer
     * reported unlinked.
     */
    void link(Tokens tk, Scratch s, NameWork w, int leadParagraph, Explanation.Builder explain) {
        if (byShortName.isEmpty()) {
            return;
        }
        for (int e = 0; e < w.ents; e++) {
            if (w.eType[e] != NameFinder.ORG) {
                continue;
            }
            int longest = w.eLongest[e];
            long key = NameFinder.key(tk, w.rFirst[longest], w.rLast[longest]);
            int[] club = keys.contains(key) ? byShortName.get(key) : null;
            if (club == null || club == SHARED || !standsAsATeam(w, e)) {
                continue;
            }
            for (int r = 0; r < w.runs; r++) {
                if (w.rEntity[r] != e) {
                    continue;
                }
                int first = w.rFirst[r];
                s.addMatch(first, w.rLast[r], club[1]);
                int m = s.matches - 1;
                s.mEntity[m] = club[0];
                int slot = s.slotFor(club[0], m);
                s.slotWeight[slot] += EntityTags.weight(tk, first, leadParagraph);
                s.slotMentions[slot]++;
                if (explain != null) {
                    explain.why(m, "a club's short name, standing where a team does in a sports story");
                }
                w.rType[r] = NameFinder.LINKED;
            }
            w.eType[e] = NameFinder.UNKNOWN;
        }
    }

    private static boolean standsAsATeam(NameWork w, int e) {
        for (int r = 0; r < w.runs; r++) {
            if (w.rEntity[r] == e && w.rWhy[r] == NameFinder.BY_TEAM) {
                return true;
            }
        }
        return false;
    }
}
