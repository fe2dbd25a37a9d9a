package io.wiretag.tagging;

import java.util.Collection;

/** An immutable set of 64-bit token hashes: open addressing, at most half full, so a lookup is one or two probes. */
final class LongSet {
    private final long[] keys;
    private final boolean[] used;
    private final int mask;
    private final int shift;

    LongSet(Collection<Long> values) {
        int size = Integer.highestOneBit(Math.max(4, values.size() * 2) - 1) << 1;
        keys = new long[size];
        used = new boolean[size];
        mask = size - 1;
        shift = 64 - Integer.numberOfTrailingZeros(size);
        for (long v : values) {
            int i = slot(v);
            while (used[i] && keys[i] != v) {
                i = (i + 1) & mask;
            }
            keys[i] = v;
            used[i] = true;
        }
    }

    boolean contains(long v) {
        int i = slot(v);
        while (used[i]) {
            if (keys[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private int slot(long v) {
        return (int) ((v * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
