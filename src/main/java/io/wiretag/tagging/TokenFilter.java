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
    private final int log;

    TokenFilter(Collection<Long> hashes) {
        int wanted = Math.max(1, hashes.size()) * 16;
        log = Math.min(MAX_BITS, Math.max(MIN_BITS, 64 - Long.numberOfLeadingZeros(wanted - 1)));
        bits = new long[1 << (log - 6)];
        for (long h : hashes) {
            int b = Tokens.filterBit(h, log);
            bits[b >>> 6] |= 1L << b;
        }
    }

    /** False when the token is certainly not in the filter. */
    boolean mayContain(long hash) {
        int b = Tokens.filterBit(hash, log);
        return (bits[b >>> 6] & (1L << b)) != 0;
    }
}
