package io.wiretag.lifecycle;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The duplicate window in memory: the fingerprints of the stories routed recently, indexed by exact hash
 * and by LSH band, so a new story is compared only with its likely neighbours. The first copy wins: a
 * story is a duplicate of the earliest-registered story in the window that has the same normalised body
 * or a MinHash similarity at or above the threshold. Not thread-safe; one per stream task.
 */
public final class DuplicateIndex {
    private final double threshold;
    private final long windowMs;
    private final Map<String, Fingerprint> byId = new HashMap<>();
    private final Map<String, Long> order = new HashMap<>();
    private final Map<Long, Set<String>> byExact = new HashMap<>();
    private final Map<Long, Set<String>> byBand = new HashMap<>();
    private final TreeSet<Fingerprint> byTime = new TreeSet<>(
            Comparator.comparingLong(Fingerprint::time).thenComparing(Fingerprint::storyId));
    private long sequence;

    /**
     * @param threshold near-duplicate threshold: estimated Jaccard similarity of word 3-shingles, 0 to 1
     * @param windowMs  how far apart in time two copies may be and still count as duplicates
     */
    public DuplicateIndex(double threshold, long windowMs) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("near-duplicate threshold must be in (0, 1], not " + threshold);
        }
        this.threshold = threshold;
        this.windowMs = windowMs;
    }

    /** The id of the story {@code f} duplicates, if any; stories with f's own id never count. */
    public Optional<String> duplicateOf(Fingerprint f) {
        String best = null;
        long bestOrder = Long.MAX_VALUE;
        Set<String> candidates = new HashSet<>(byExact.getOrDefault(f.exact(), Set.of()));
        Set<String> exact = new HashSet<>(candidates);
        for (long band : Fingerprints.bands(f)) {
            candidates.addAll(byBand.getOrDefault(band, Set.of()));
        }
        for (String id : candidates) {
            Fingerprint other = byId.get(id);
            if (id.equals(f.storyId()) || Math.abs(other.time() - f.time()) > windowMs) {
                continue;
            }
            if (exact.contains(id) || Fingerprints.similarity(f, other) >= threshold) {
                long o = order.get(id);
                if (o < bestOrder) {
                    bestOrder = o;
                    best = id;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Registers (or replaces, for a new version) a story's fingerprint; returns its registration order,
     * which a new version keeps and which a caller persists to {@link #restore} the same order later.
     */
    public long add(Fingerprint f) {
        Long keep = remove(f.storyId());
        long o = keep != null ? keep : sequence++;
        restore(f, o);
        return o;
    }

    /** Registers a fingerprint with the order it was given when first added (after a restart). */
    public void restore(Fingerprint f, long registrationOrder) {
        remove(f.storyId());
        sequence = Math.max(sequence, registrationOrder + 1);
        byId.put(f.storyId(), f);
        order.put(f.storyId(), registrationOrder);
        byExact.computeIfAbsent(f.exact(), k -> new HashSet<>()).add(f.storyId());
        for (long band : Fingerprints.bands(f)) {
            byBand.computeIfAbsent(band, k -> new HashSet<>()).add(f.storyId());
        }
        byTime.add(f);
    }

    /** Forgets a story (killed, or out of the window); returns its registration order, or null. */
    public Long remove(String storyId) {
        Fingerprint f = byId.remove(storyId);
        if (f == null) {
            return null;
        }
        byTime.remove(f);
        unindex(byExact, f.exact(), storyId);
        for (long band : Fingerprints.bands(f)) {
            unindex(byBand, band, storyId);
        }
        return order.remove(storyId);
    }

    /** Forgets every story older than {@code nowMs} minus the window; returns the ids forgotten. */
    public ArrayDeque<String> expire(long nowMs) {
        ArrayDeque<String> gone = new ArrayDeque<>();
        while (!byTime.isEmpty() && byTime.first().time() < nowMs - windowMs) {
            String id = byTime.first().storyId();
            remove(id);
            gone.add(id);
        }
        return gone;
    }

    public int size() {
        return byId.size();
    }

    private static void unindex(Map<Long, Set<String>> index, long key, String id) {
        Set<String> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
