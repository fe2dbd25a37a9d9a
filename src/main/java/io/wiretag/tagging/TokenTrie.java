package io.wiretag.tagging;

import java.util.Arrays;

/**
 * A trie over whole tokens (by their 64-bit folded hash), stored as one open-addressing table of edges
 * (parent node, token hash) to child node, so looking up the next token costs one probe whatever the
 * number of phrases. An edge is two adjacent longs (the hash; parent + 1 and child), so a probe reads one
 * cache line. Nodes carry the phrase ids that end there, and a 32-bit mask of their children's hashes: most
 * lookups below the root are misses (the word after "the", "in" or "Putin" continues no phrase), and the mask
 * answers most of those without the probe.
 */
final class TokenTrie {
    static final int ROOT = 0;
    private static final int NONE = -1;

    /** Slot i: [2i] the token hash, [2i + 1] (parent + 1) << 32 | child; 0 there marks an empty slot. */
    private long[] table;
    private int mask;
    private int edges;
    private int nodes = 1;
    private int[][] values = new int[16][];
    /** Per node: a bit per child, chosen by {@link #maskBit} of the child's token hash (4 bytes a node). */
    private int[] childMask = new int[16];

    TokenTrie() {
        table = new long[2 * 1024];
        mask = 1023;
    }

    /** Adds a phrase given as its token hashes, ending at a node that carries {@code value}. */
    void add(long[] tokens, int value) {
        int node = ROOT;
        for (long t : tokens) {
            int next = child(node, t);
            if (next == NONE) {
                next = nodes++;
                if (nodes > values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                    childMask = Arrays.copyOf(childMask, childMask.length * 2);
                }
                put(node, t, next);
            }
            node = next;
        }
        int[] v = values[node];
        if (v == null) {
            values[node] = new int[] {value};
        } else {
            int[] w = Arrays.copyOf(v, v.length + 1);
            w[v.length] = value;
            values[node] = w;
        }
    }

    /** The child of {@code node} along token {@code hash}, or -1. */
    int child(int node, long hash) {
        if ((childMask[node] & maskBit(hash)) == 0) {
            return NONE;
        }
        long[] t = table;
        int i = slot(node, hash);
        while (true) {
            long link = t[2 * i + 1];
            if (link == 0) {
                return NONE;
            }
            if ((int) (link >>> 32) == node + 1 && t[2 * i] == hash) {
                return (int) link;
            }
            i = (i + 1) & mask;
        }
    }

    /** The phrase ids ending at {@code node}, or null. */
    int[] values(int node) {
        return values[node];
    }

    int nodeCount() {
        return nodes;
    }

    /** Drops the spare capacity once every phrase is added. */
    void trim() {
        values = Arrays.copyOf(values, nodes);
        childMask = Arrays.copyOf(childMask, nodes);
    }

    /** One of 32 bits for a token hash, from the top bits of its mix (the slot takes the low ones). */
    private static int maskBit(long hash) {
        return 1 << (int) ((hash * 0x9E3779B97F4A7C15L) >>> 59);
    }

    private int slot(int node, long hash) {
        long k = hash * 0x9E3779B97F4A7C15L + node * 0xC2B2AE3D27D4EB4FL;
        return (int) (k ^ (k >>> 29)) & mask;
    }

    private void put(int node, long hash, int child) {
        if ((edges + 1) * 2 > mask + 1) {
            grow();
        }
        int i = slot(node, hash);
        while (table[2 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        table[2 * i] = hash;
        table[2 * i + 1] = ((long) (node + 1) << 32) | child;
        childMask[node] |= maskBit(hash);
        edges++;
    }

    private void grow() {
        long[] old = table;
        int size = (mask + 1) * 2;
        table = new long[2 * size];
        mask = size - 1;
        edges = 0;
        for (int i = 0; i < old.length; i += 2) {
            long link = old[i + 1];
            if (link != 0) {
                put((int) (link >>> 32) - 1, old[i], (int) link);
            }
        }
    }
}
