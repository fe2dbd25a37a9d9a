package io.wiretag.lifecycle;

import java.util.Arrays;

/**
 * What duplicate detection remembers of one story: its id, its time (epoch ms), the hash of its
 * normalised body (exact duplicates) and its MinHash signature over word shingles (near duplicates; empty
 * when the body is too short to shingle).
 */
public record Fingerprint(String storyId, long time, long exact, int[] minHash) {
    public Fingerprint {
        minHash = minHash.clone();
    }

    @Override
    public int[] minHash() {
        return minHash.clone();
    }

    int minHashAt(int i) {
        return minHash[i];
    }

    int size() {
        return minHash.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.storyId.equals(storyId) && f.time == time && f.exact == exact
                && Arrays.equals(f.minHash, minHash);
    }

    @Override
    public int hashCode() {
        return storyId.hashCode() * 31 + Long.hashCode(exact);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + storyId + " @" + time + " exact=" + Long.toHexString(exact) + " minHash=" + minHash.length + "]";
    }
}
