package io.wiretag.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fingerprints of story bodies for duplicate detection: an exact hash of the normalised body (lower
 * case, words only, so markup, punctuation and spacing changes do not count), and a MinHash signature
 * over word 3-shingles whose agreement estimates the Jaccard similarity of two bodies.
 */
public final class Fingerprints {
    /** Words per shingle: three keeps a changed dateline or one edited word from touching much. */
    static final int SHINGLE = 3;
    /** Signature length: the estimate's standard error is about sqrt(J(1-J)/128), 0.035 at J = 0.8. */
    public static final int SIGNATURE = 128;
    /** LSH banding of the signature: 32 bands of 4 rows find pairs at J = 0.8 with p > 0.9999999. */
    static final int ROWS = 4;
    static final int BANDS = SIGNATURE / ROWS;

    private static final long[] SEEDS = seeds();

    private Fingerprints() {
    }

    public static Fingerprint of(String storyId, long time, String body) {
        List<String> words = words(body);
        long exact = hash(String.join(" ", words));
        if (words.size() < SHINGLE) {
            return new Fingerprint(storyId, time, exact, new int[0]);
        }
        int[] sig = new int[SIGNATURE];
        Arrays.fill(sig, Integer.MAX_VALUE);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long shingle = hash(String.join(" ", words.subList(i, i + SHINGLE)));
            if (!seen.add(shingle)) {
                continue;
            }
            for (int k = 0; k < SIGNATURE; k++) {
                int h = (int) (mix(shingle ^ SEEDS[k]) >>> 33);
                if (h < sig[k]) {
                    sig[k] = h;
                }
            }
        }
        return new Fingerprint(storyId, time, exact, sig);
    }

    /** The body as lower-case words of letters and digits, in order. */
    static List<String> words(String body) {
        List<String> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        StringBuilder w = new StringBuilder();
        body.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                w.appendCodePoint(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        });
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** The MinHash estimate of the Jaccard similarity of two bodies' shingle sets; 0 when either is unsigned. */
    public static double similarity(Fingerprint a, Fingerprint b) {
        if (a.size() == 0 || a.size() != b.size()) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.minHashAt(i) == b.minHashAt(i)) {
                same++;
            }
        }
        return (double) same / a.size();
    }

    /** The LSH band keys of a signature: two bodies that agree on any band are candidates. */
    static long[] bands(Fingerprint f) {
        if (f.size() == 0) {
            return new long[0];
        }
        long[] out = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + f.minHashAt(b * ROWS + r));
            }
            out[b] = h;
        }
        return out;
    }

    /** FNV-1a over UTF-16 units, then mixed: stable across JVMs, unlike String.hashCode's 32 bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        // Fixed seeds: a signature stored in the window must still compare after a restart or upgrade.
        long[] s = new long[SIGNATURE];
        long x = 0x77697265746167L; // "wiretag"
        for (int i = 0; i < SIGNATURE; i++) {
            x += 0x9e3779b97f4a7c15L;
            s[i] = mix(x);
        }
        return s;
    }
}
