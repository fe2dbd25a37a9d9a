package io.wiretag.tagging;

import java.util.Collection;

/**
 * A one-hash Bloom-style filter of token hashes, sized to what it holds (about 16 bits a token, so roughly one
 * word in sixteen that is not there passes), so that the shipped gazetteer's filters stay in the first-level
 * cache: the matchers test every token of a story against them, and a fixed 128 KB filter missed the cache
 * on most tokens.
 */
final class TokenFilter {
    private static final int MIN_BITS = 10;
    private static final int MAX_BITS = 21;

    private final long[] bits;
    private final int shift;

    TokenFilter(Collection<Long> hashes) {
        int wanted = Math.max(1, hashes.size()) * 16;
        int log = Math.min(MAX_BITS, Math.max(MIN_BITS, 64 - Long.numberOfLeadingZeros(wanted - 1)));
        bits = new long[1 << (log - 6)];
        shift = 64 - log;
        for (long h : hashes) {
            int b = bit(h);
            bits[b >>> 6] |= 1L << b;
        }
    }

    /** False when the token is certainly not in the filter. */
    boolean mayContain(long hash) {
        int b = bit(hash);
        return (bits[b >>> 6] & (1L << b)) != 0;
    }

    /** Bytes of its table. */
    int bytes() {
        return bits.length * Long.BYTES;
    }

    private int bit(long hash) {
        // FNV's top bits barely vary between short words: mixed first.
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
