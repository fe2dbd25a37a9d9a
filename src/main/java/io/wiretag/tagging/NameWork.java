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
    int stamp;
    int runs;
    int[] rFirst = new int[32];
    int[] rLast = new int[32];
    int[] rType = new int[32];
    int[] rWhy = new int[32];
    long[] rKey = new long[32];
    long[] rSurname = new long[32];
    boolean[] rJoinable = new boolean[32];
    int[] rEntity = new int[32];
    int linked;
    long[] linkedSurname = new long[16];
    int[] linkedEntity = new int[16];
    int[] linkedAlias = new int[16];
    int ents;
    long[] eKey = new long[32];
    int[] eType = new int[32];
    int[] eLongest = new int[32];
    long[] eSurname = new long[32];

    void reset(int tokens) {
        if (cover.length < tokens) {
            cover = new int[Math.max(tokens, cover.length * 2)];
            bits = new int[cover.length];
        }
        stamp += 2;
        if (stamp <= 0) { // wrapped: forget the old marks
            Arrays.fill(cover, 0);
            stamp = 2;
        }
        runs = 0;
        ents = 0;
        linked = 0;
    }

    void addLinkedSurname(long surname, int entity, int alias) {
        if (linked == linkedSurname.length) {
            int n = linked * 2;
            linkedSurname = Arrays.copyOf(linkedSurname, n);
            linkedEntity = Arrays.copyOf(linkedEntity, n);
            linkedAlias = Arrays.copyOf(linkedAlias, n);
        }
        linkedSurname[linked] = surname;
        linkedEntity[linked] = entity;
        linkedAlias[linked] = alias;
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
        runs++;
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
