package io.wiretag.tagging;

import java.util.Arrays;

/**
 * One thread's working arrays for the {@link NameFinder}, reused from story to story: which tokens the
 * gazetteer covered, the runs of capitalised words found (span, type, key), the surnames of the people the
 * gazetteer found in full, and the entities the runs join into.
 */
final class NameWork {
    int[] cover = new int[1024];
    int[] bits = new int[1024];
    /** {@link #stamp} at each token where a gazetteer match of a country or place starts ("Illinois"). */
    int[] regionAt = new int[1024];
    /** {@link #stamp} at each token where a US state's name stands for its river ("down the Mississippi."). */
    int[] riverAt = new int[1024];
    int stamp;
    /** Tokens that are a state's abbreviation after a place ("CAIRO, Ill."), found by the scan, linked after it. */
    int states;
    int[] stateToken = new int[8];
    /** Crews named by a country and a numeral ("USA III"): the country's first token and the numeral's, for {@link Crews}. */
    int crews;
    int[] crewFirst = new int[4];
    int[] crewNumeral = new int[4];
    /** Matches of a place or a country read as a surname after a given name ("Bill Jordan"), and their entities. */
    int surnamePlaces;
    int[] surnamePlaceMatch = new int[4];
    int[] surnamePlaceEntity = new int[4];
    int runs;
    int[] rFirst = new int[32];
    int[] rLast = new int[32];
    int[] rType = new int[32];
    int[] rWhy = new int[32];
    long[] rKey = new long[32];
    long[] rSurname = new long[32];
    boolean[] rJoinable = new boolean[32];
    int[] rEntity = new int[32];
    /**
     * A run's name when it is not the text it spans: the nominative of a declined Russian or Ukrainian name
     * ("Вячеслава Гладкова" is Вячеслав Гладков), and who writes it in Latin letters for the id; null otherwise.
     */
    String[] rName = new String[32];
    CyrillicNames[] rLatin = new CyrillicNames[32];
    /** The next run of the same entity, for {@link UnlinkedTags}; and each entity's first run. */
    int[] rNext = new int[32];
    int[] eHead = new int[32];
    /** Where {@link UnlinkedTags} writes an id before it becomes a String. */
    final StringBuilder idText = new StringBuilder(64);
    /**
     * The short names of entities the gazetteer found by full name in this story: a person's surname, an
     * organisation's first word ("Norilsk" of "Norilsk Nickel"); a lone run of one of them is that entity.
     */
    int linked;
    long[] linkedSurname = new long[16];
    int[] linkedEntity = new int[16];
    int[] linkedAlias = new int[16];
    boolean[] linkedOrganisation = new boolean[16];
    int ents;
    long[] eKey = new long[32];
    int[] eType = new int[32];
    int[] eLongest = new int[32];
    long[] eSurname = new long[32];
    /** Two small open-addressing maps for {@link Coreference}: run key to entity, surname to person. */
    private long[] keyHash = new long[64];
    private int[] keyValue = new int[64]; // entity + 2; 0: empty; 1: none (merged away)
    private long[] surnameHash = new long[64];
    private int[] surnameValue = new int[64]; // person + 2; 0: empty; 1: several people of that surname
    private int mapMask = 63;

    void reset(int tokens) {
        if (cover.length < tokens) {
            cover = new int[Math.max(tokens, cover.length * 2)];
            bits = new int[cover.length];
            regionAt = new int[cover.length];
            riverAt = new int[cover.length];
        }
        stamp += 2;
        if (stamp <= 0) { // wrapped: forget the old marks
            Arrays.fill(cover, 0);
            Arrays.fill(regionAt, 0);
            Arrays.fill(riverAt, 0);
            stamp = 2;
        }
        runs = 0;
        states = 0;
        crews = 0;
        surnamePlaces = 0;
        ents = 0;
        linked = 0;
    }

    void addSurnamePlace(int match, int entity) {
        if (surnamePlaces == surnamePlaceMatch.length) {
            surnamePlaceMatch = Arrays.copyOf(surnamePlaceMatch, surnamePlaces * 2);
            surnamePlaceEntity = Arrays.copyOf(surnamePlaceEntity, surnamePlaces * 2);
        }
        surnamePlaceMatch[surnamePlaces] = match;
        surnamePlaceEntity[surnamePlaces++] = entity;
    }

    void addCrew(int first, int numeral) {
        if (crews == crewFirst.length) {
            crewFirst = Arrays.copyOf(crewFirst, crews * 2);
            crewNumeral = Arrays.copyOf(crewNumeral, crews * 2);
        }
        crewFirst[crews] = first;
        crewNumeral[crews++] = numeral;
    }

    void addStateToken(int t) {
        if (states == stateToken.length) {
            stateToken = Arrays.copyOf(stateToken, states * 2);
        }
        stateToken[states++] = t;
    }

    /** Whether an organisation the gazetteer found by its full name in this story starts with this word. */
    boolean hasLinkedOrganisationStartingWith(long word) {
        return hasLinked(word, true);
    }

    /** Whether a person the gazetteer found by full name in this story has this surname. */
    boolean hasLinkedSurname(long surname) {
        return hasLinked(surname, false);
    }

    /** Whether a linked person's surname or organisation's first word (as {@code organisation} says) is this word. */
    private boolean hasLinked(long word, boolean organisation) {
        for (int k = 0; k < linked; k++) {
            if (linkedSurname[k] == word && linkedOrganisation[k] == organisation) {
                return true;
            }
        }
        return false;
    }

    void addLinkedSurname(long surname, int entity, int alias, boolean organisation) {
        if (linked == linkedSurname.length) {
            int n = linked * 2;
            linkedSurname = Arrays.copyOf(linkedSurname, n);
            linkedEntity = Arrays.copyOf(linkedEntity, n);
            linkedAlias = Arrays.copyOf(linkedAlias, n);
            linkedOrganisation = Arrays.copyOf(linkedOrganisation, n);
        }
        linkedSurname[linked] = surname;
        linkedEntity[linked] = entity;
        linkedAlias[linked] = alias;
        linkedOrganisation[linked] = organisation;
        linked++;
    }

    void addRun(int f, int l, int type, int why, long key, long surname, boolean joinable) {
        if (runs == rFirst.length) {
            int n = runs * 2;
            rFirst = Arrays.copyOf(rFirst, n);
            rLast = Arrays.copyOf(rLast, n);
            rType = Arrays.copyOf(rType, n);
            rWhy = Arrays.copyOf(rWhy, n);
            rKey = Arrays.copyOf(rKey, n);
            rSurname = Arrays.copyOf(rSurname, n);
            rJoinable = Arrays.copyOf(rJoinable, n);
            rEntity = Arrays.copyOf(rEntity, n);
            rName = Arrays.copyOf(rName, n);
            rLatin = Arrays.copyOf(rLatin, n);
            rNext = Arrays.copyOf(rNext, n);
            eHead = Arrays.copyOf(eHead, n);
            eKey = Arrays.copyOf(eKey, n);
            eType = Arrays.copyOf(eType, n);
            eLongest = Arrays.copyOf(eLongest, n);
            eSurname = Arrays.copyOf(eSurname, n);
        }
        rFirst[runs] = f;
        rLast[runs] = l;
        rType[runs] = type;
        rWhy[runs] = why;
        rKey[runs] = key;
        rSurname[runs] = surname;
        rJoinable[runs] = joinable;
        rEntity[runs] = -1;
        rName[runs] = null;
        rLatin[runs] = null;
        runs++;
    }

    /**
     * Puts the runs back in token order after a rule added some out of it with {@link #addRun} (the rules after
     * the scan that read a name the scan left out): one sort, however many were added. Before {@link
     * Coreference}, which numbers the runs' entities.
     */
    void orderRuns() {
        int n = runs;
        boolean ordered = true;
        for (int r = 1; r < n && ordered; r++) {
            ordered = rFirst[r - 1] <= rFirst[r];
        }
        if (ordered) {
            return;
        }
        long[] order = new long[n];
        for (int r = 0; r < n; r++) {
            order[r] = (long) rFirst[r] << 32 | r; // the run's number last: equal starts keep their order
        }
        Arrays.sort(order);
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            at[i] = (int) order[i];
        }
        rFirst = permute(rFirst, at);
        rLast = permute(rLast, at);
        rType = permute(rType, at);
        rWhy = permute(rWhy, at);
        rEntity = permute(rEntity, at);
        long[] k = rKey.clone();
        long[] sn = rSurname.clone();
        boolean[] j = rJoinable.clone();
        String[] nm = rName.clone();
        CyrillicNames[] la = rLatin.clone();
        for (int i = 0; i < n; i++) {
            rKey[i] = k[at[i]];
            rSurname[i] = sn[at[i]];
            rJoinable[i] = j[at[i]];
            rName[i] = nm[at[i]];
            rLatin[i] = la[at[i]];
        }
    }

    /**
     * The run among the first {@code n} (in token order) that covers token {@code t}, or -1: a binary search, for
     * rules that ask it of many tokens.
     */
    int runCovering(int t, int n) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) { // the last run that starts at or before t
            int mid = (lo + hi) >>> 1;
            if (rFirst[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && rLast[hi] >= t ? hi : -1;
    }

    private static int[] permute(int[] a, int[] at) {
        int[] out = a.clone();
        for (int i = 0; i < at.length; i++) {
            out[i] = a[at[i]];
        }
        return out;
    }

    /** Names the last run added: its nominative, and the finder that writes it in Latin letters (see {@link #rName}). */
    void nameLastRun(String name, CyrillicNames latin) {
        rName[runs - 1] = name;
        rLatin[runs - 1] = latin;
    }

    /** Empties the maps, sized for this story's runs (a quarter full at most). */
    void clearKeys() {
        int size = keyHash.length;
        while (size < 4 * runs) {
            size *= 2;
        }
        if (size != keyHash.length) {
            keyHash = new long[size];
            keyValue = new int[size];
            surnameHash = new long[size];
            surnameValue = new int[size];
        } else {
            Arrays.fill(keyValue, 0);
            Arrays.fill(surnameValue, 0);
        }
        mapMask = size - 1;
    }

    /** The entity of a run key; -1 when none (or merged away). */
    int entityOfKey(long key) {
        int i = slot(key);
        while (keyValue[i] != 0) {
            if (keyHash[i] == key) {
                return keyValue[i] - 2;
            }
            i = (i + 1) & mapMask;
        }
        return -1;
    }

    /** Sets the entity of a key; -1 forgets it. */
    void putKey(long key, int entity) {
        int i = slot(key);
        while (keyValue[i] != 0 && keyHash[i] != key) {
            i = (i + 1) & mapMask;
        }
        keyHash[i] = key;
        keyValue[i] = entity + 2;
    }

    /** Records a person named in full by surname; a second person of that surname makes it ambiguous. */
    void putSurname(long surname, int person) {
        int i = slot(surname);
        while (surnameValue[i] != 0 && surnameHash[i] != surname) {
            i = (i + 1) & mapMask;
        }
        if (surnameValue[i] == 0) {
            surnameHash[i] = surname;
            surnameValue[i] = person + 2;
        } else if (surnameValue[i] != person + 2) {
            surnameValue[i] = 1;
        }
    }

    /** Whether the story names several people in full with that surname. */
    boolean severalOfSurname(long surname) {
        return surnameEntry(surname) == 1;
    }

    /** The only person named in full with that surname; -1 when none or several. */
    int personOfSurname(long surname) {
        return Math.max(-1, surnameEntry(surname) - 2);
    }

    /** What {@link #putSurname} stored for a surname: 0 nobody, 1 several people, else the person + 2. */
    private int surnameEntry(long surname) {
        int i = slot(surname);
        while (surnameValue[i] != 0) {
            if (surnameHash[i] == surname) {
                return surnameValue[i];
            }
            i = (i + 1) & mapMask;
        }
        return 0;
    }

    private int slot(long h) {
        return (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & mapMask;
    }

    int newEntity(long key, int type, int run, long surname) {
        int e = ents++;
        eKey[e] = key;
        eType[e] = type;
        eLongest[e] = run;
        eSurname[e] = surname;
        return e;
    }
}
