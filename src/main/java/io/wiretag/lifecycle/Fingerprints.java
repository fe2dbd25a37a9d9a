package io.wiretag.lifecycle;

import java.util.Arrays;
import java.util.Locale;

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

    /** The exact-body hash of a body with no words. */
    static final long EMPTY_EXACT = 0x77697265746167L;
    private static final long FNV = 0xcbf29ce484222325L;
    /** log2 of SIGNATURE: a shingle hash's top bits choose its bin. */
    private static final int BIN_BITS = 7;
    private static final int EMPTY = Integer.MAX_VALUE;
    /** Fixed: a signature stored in the window must still compare after a restart or upgrade. */
    private static final long SALT = 0x77697265746167L;

    private Fingerprints() {
    }

    public static Fingerprint of(String storyId, long time, String body) {
        long[] words = wordHashes(body);
        long exact = EMPTY_EXACT;
        for (long w : words) {
            exact = mix(exact * 0x100000001b3L + w);
        }
        if (words.length < SHINGLE) {
            return new Fingerprint(storyId, time, exact, new int[0]);
        }
        // One permutation hashing: each shingle's hash picks one of the SIGNATURE bins (its top bits) and
        // competes for that bin's minimum with its other bits: one hash per shingle instead of one per
        // shingle and bin, what keeps a 2,000-word body cheap. Empty bins borrow from the next filled one.
        int[] sig = new int[SIGNATURE];
        Arrays.fill(sig, EMPTY);
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            long h = mix(mix(mix(words[i] * 31 + words[i + 1]) * 31 + words[i + 2]) ^ SALT);
            int bin = (int) (h >>> (64 - BIN_BITS));
            int v = (int) (h & 0x7fffffffL);
            if (v < sig[bin]) {
                sig[bin] = v;
            }
        }
        densify(sig);
        return new Fingerprint(storyId, time, exact, sig);
    }

    /**
     * Fills each empty bin from the nearest filled bin after it (wrapping), mixed with the distance, so two
     * bodies agree on an empty bin exactly when they agree on the bin it borrows from and its distance
     * (densification by rotation, Shrivastava and Li 2014).
     */
    private static void densify(int[] sig) {
        int filled = -1;
        for (int i = 0; i < sig.length; i++) {
            if (sig[i] != EMPTY) {
                filled = i;
                break;
            }
        }
        if (filled < 0) {
            return;
        }
        int[] orig = sig.clone();
        for (int i = 0; i < sig.length; i++) {
            if (orig[i] != EMPTY) {
                continue;
            }
            int j = i;
            int dist = 0;
            do {
                j = (j + 1) & (sig.length - 1);
                dist++;
            } while (orig[j] == EMPTY);
            sig[i] = (int) (mix(orig[j] * 0x9e3779b97f4a7c15L + dist) & 0x7fffffffL);
        }
    }

    /**
     * The hashes of the body's lower-case words of letters and digits, in order, without a String per word.
     * Lower case is {@code String.toLowerCase(Locale.ROOT)}'s, which is each code point's
     * {@link Character#toLowerCase(int)} but for two letters that depend on their neighbours (dotted capital
     * I, capital sigma); a body with either is lowered whole first, as before, so signatures stored in a window
     * compare after an upgrade.
     */
    static long[] wordHashes(String body) {
        if (body == null) {
            return new long[0];
        }
        String text = body.indexOf('\u0130') >= 0 || body.indexOf('\u03A3') >= 0 ? body.toLowerCase(Locale.ROOT) : body;
        int len = text.length();
        long[] out = new long[Math.max(16, len / 5)];
        int n = 0;
        long h = FNV;
        boolean inWord = false;
        for (int i = 0; i < len; ) {
            int c = text.charAt(i);
            boolean word;
            if (c < 128) {
                i++;
                word = ASCII_WORD[c];
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
            } else {
                c = text.codePointAt(i);
                i += Character.charCount(c);
                c = Character.toLowerCase(c);
                word = Character.isLetterOrDigit(c);
            }
            if (word) {
                h = (h ^ c) * 0x100000001b3L;
                inWord = true;
            } else if (inWord) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = mix(h);
                h = FNV;
                inWord = false;
            }
        }
        if (inWord) {
            out = n == out.length ? Arrays.copyOf(out, n + 1) : out;
            out[n++] = mix(h);
        }
        return Arrays.copyOf(out, n);
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
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

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

}
