package io.wiretag.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * One shard of the duplicate window: the fingerprints of recent stories, indexed by the duplicate keys
 * (the exact-body key and the LSH band keys, see {@link #keys}) that this shard owns. Shards are spread
 * over partitions by key, so each decides only on the keys it owns; a story asks every shard that owns one
 * of its keys, and is a duplicate when any shard says so.
 * <p>
 * Two similar stories usually share several keys, so they meet on several shards, which may see them in
 * different orders. Each pair is therefore judged by one shard only, its <em>decider</em>: the owner of the
 * smallest key the two share. The decider sees the pair in one order, so the pair gets one verdict: a story
 * is a duplicate of the earliest similar story, in the order (time, story id), that is earlier than itself;
 * or, where there is none, of a similar story the decider already answered for (it reached the decider
 * first and may be routed already: the later-stamped copy keeps its place, the earlier one is its
 * duplicate). A story's time is that of its first version (a correction does not make an original younger
 * than its copies). So of two copies exactly one is the original, whichever order the shards saw them in.
 * <p>
 * A story's newer version does not replace the fingerprints of the ones before it: the newest
 * {@link #VERSIONS_KEPT} are kept, and a copy is judged against each. A copy of the first version, in flight
 * with a rewritten second one, is then a duplicate whichever of the two a shard hears first; with only the
 * newest kept, the copy was a duplicate when it came first and an original when the new version did.
 * Not thread-safe; one per stream task.
 */
public final class BandIndex {
    /** The key tag of the exact-body key; band keys are the band hashes themselves. */
    private static final long EXACT_SALT = 0x6578616374L;

    /** How many versions of a story a shard judges copies against: the newest, and the ones before it. */
    public static final int VERSIONS_KEPT = 4;

    /**
     * {@code f} is the newest version, {@code earlier} the versions before it that are kept (oldest first);
     * {@code order} is the fingerprint as ordered: with the time of the story's first registered version;
     * {@code keys} the keys of all of them that this shard owns.
     */
    private record Entry(Fingerprint f, List<Fingerprint> earlier, Fingerprint order, long registeredMs, long[] keys) {
        List<Fingerprint> versions() {
            if (earlier.isEmpty()) {
                return List.of(f);
            }
            List<Fingerprint> all = new ArrayList<>(earlier);
            all.add(f);
            return all;
        }
    }

    /** Why a story is a duplicate, if it is: of which story, and that story's time (to pick the earliest). */
    public record Verdict(String duplicateOf, long duplicateTime) {
        public static final Verdict ORIGINAL = new Verdict(null, Long.MAX_VALUE);

        public boolean isDuplicate() {
            return duplicateOf != null;
        }

        /** The verdict of two shards: the earlier original wins; no original means not a duplicate. */
        public Verdict and(Verdict other) {
            if (!other.isDuplicate()) {
                return this;
            }
            if (!isDuplicate() || other.duplicateTime < duplicateTime
                    || other.duplicateTime == duplicateTime && other.duplicateOf.compareTo(duplicateOf) < 0) {
                return other;
            }
            return this;
        }
    }

    private static final Comparator<Fingerprint> ORDER = Comparator.comparingLong(Fingerprint::time).thenComparing(Fingerprint::storyId);

    private final double threshold;
    private final long windowMs;
    private final LongPredicate owns;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<Long, Set<String>> byKey = new HashMap<>();
    private final TreeSet<Fingerprint> byTime = new TreeSet<>(ORDER);

    /**
     * @param threshold near-duplicate threshold: estimated Jaccard similarity of word 3-shingles, 0 to 1
     * @param windowMs  how far apart in time two copies may be and still count as duplicates
     * @param owns      which duplicate keys this shard answers for
     */
    public BandIndex(double threshold, long windowMs, LongPredicate owns) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("near-duplicate threshold must be in (0, 1], not " + threshold);
        }
        this.threshold = threshold;
        this.windowMs = windowMs;
        this.owns = owns;
    }

    /**
     * The duplicate keys of a fingerprint: one for the exact normalised body (none for an empty body) and one
     * per LSH band of its MinHash signature (none for a body too short to shingle).
     */
    public static long[] keys(Fingerprint f) {
        long[] bands = Fingerprints.bands(f);
        boolean exact = f.size() > 0 || f.exact() != Fingerprints.EMPTY_EXACT;
        long[] out = new long[bands.length + (exact ? 1 : 0)];
        System.arraycopy(bands, 0, out, 0, bands.length);
        if (exact) {
            out[bands.length] = Fingerprints.mix(f.exact() ^ EXACT_SALT);
        }
        return out;
    }

    /** The shard (partition) that owns a duplicate key, among {@code shards}. */
    public static int shardOf(long key, int shards) {
        return (int) Math.floorMod(key, (long) shards);
    }

    /** Whether {@code key} is an exact-body key of {@code f}. */
    private static boolean exactKey(Fingerprint f, long key) {
        return key == Fingerprints.mix(f.exact() ^ EXACT_SALT);
    }

    /** This shard's verdict on {@code f}, registered at {@code nowMs} (wall clock); then registers it. */
    public Verdict claim(Fingerprint f, long nowMs) {
        Verdict v = decide(f);
        register(f, nowMs);
        return v;
    }

    /** This shard's verdict on {@code f}, without registering it: on the pairs this shard is the decider of. */
    public Verdict decide(Fingerprint f) {
        long[] keys = keys(f);
        Entry self = byId.get(f.storyId());
        Fingerprint me = self != null ? self.order() : f;
        Set<String> exactMatches = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        for (long k : keys) {
            if (!owns.test(k)) {
                continue;
            }
            Set<String> ids = byKey.get(k);
            if (ids == null) {
                continue;
            }
            candidates.addAll(ids);
            if (exactKey(f, k)) {
                exactMatches.addAll(ids);
            }
        }
        Fingerprint earlier = null;
        Entry answered = null;
        for (String id : candidates) {
            Entry e = byId.get(id);
            if (id.equals(f.storyId()) || !decides(f, keys, e, exactMatches.contains(id))) {
                continue;
            }
            Fingerprint other = e.order();
            if (ORDER.compare(other, me) < 0) {
                if (earlier == null || ORDER.compare(other, earlier) < 0) {
                    earlier = other;
                }
            } else if (answered == null || e.registeredMs() < answered.registeredMs()) {
                answered = e;
            }
        }
        if (earlier != null) {
            return new Verdict(earlier.storyId(), earlier.time());
        }
        return answered != null ? new Verdict(answered.f().storyId(), answered.order().time()) : Verdict.ORIGINAL;
    }

    /**
     * Whether this shard judges {@code f} against the story of entry {@code e}: a version of that story is within
     * the window, a copy of {@code f} (the same body, or similar), and this shard owns the smallest key the two
     * share, so each such pair is judged by one shard whatever the order.
     */
    private boolean decides(Fingerprint f, long[] keys, Entry e, boolean exactMatch) {
        for (Fingerprint v : e.versions()) {
            if (Math.abs(v.time() - f.time()) > windowMs) {
                continue;
            }
            boolean same = exactMatch && v.exact() == f.exact();
            if (!same && !(f.size() > 0 && Fingerprints.similarity(f, v) >= threshold)) {
                continue;
            }
            OptionalLong shared = smallestSharedKey(keys, keys(v)); // similar bodies share a key most of the time only
            if (shared.isPresent() && owns.test(shared.getAsLong())) {
                return true;
            }
        }
        return false;
    }

    /** The smallest key in both arrays, if they share one. */
    private static OptionalLong smallestSharedKey(long[] a, long[] b) {
        long min = Long.MAX_VALUE;
        boolean found = false;
        for (long x : a) {
            if (found && x >= min) {
                continue;
            }
            for (long y : b) {
                if (x == y) {
                    min = x;
                    found = true;
                    break;
                }
            }
        }
        return found ? OptionalLong.of(min) : OptionalLong.empty();
    }

    /**
     * Registers a story's fingerprint under the keys this shard owns; a new version is added to the versions
     * kept of the story (the oldest let go beyond {@link #VERSIONS_KEPT}).
     */
    public void register(Fingerprint f, long registeredMs) {
        Entry before = byId.get(f.storyId());
        if (before == null) {
            restore(f, List.of(), registeredMs, f.time());
            return;
        }
        List<Fingerprint> earlier = new ArrayList<>(before.versions());
        earlier.removeIf(v -> v.equals(f)); // the same version again (a claim asked anew) is kept once
        while (earlier.size() > VERSIONS_KEPT - 1) {
            earlier.remove(0);
        }
        // A new version keeps the order and registration time of the first: its copies were routed beside it.
        restore(f, earlier, before.registeredMs(), before.order().time());
    }

    /**
     * Registers a fingerprint as it was persisted: with the earlier versions kept of the story (oldest first),
     * when it was first registered, and the time it is ordered by.
     */
    public void restore(Fingerprint f, List<Fingerprint> earlier, long registeredMs, long orderTime) {
        remove(f.storyId());
        long[] keys = owned(keys(f));
        if (!earlier.isEmpty()) {
            Set<Long> all = new LinkedHashSet<>();
            for (Fingerprint v : earlier) {
                for (long k : owned(keys(v))) {
                    all.add(k);
                }
            }
            for (long k : keys) {
                all.add(k);
            }
            keys = all.stream().mapToLong(Long::longValue).toArray();
        }
        Fingerprint order = orderTime == f.time() ? f : new Fingerprint(f.storyId(), orderTime, 0, new int[0]);
        byId.put(f.storyId(), new Entry(f, List.copyOf(earlier), order, registeredMs, keys));
        for (long k : keys) {
            byKey.computeIfAbsent(k, x -> new HashSet<>()).add(f.storyId());
        }
        byTime.add(f);
    }

    private long[] owned(long[] all) {
        int n = 0;
        long[] mine = new long[all.length];
        for (long k : all) {
            if (owns.test(k)) {
                mine[n++] = k;
            }
        }
        return Arrays.copyOf(mine, n);
    }

    /** The versions of a story this shard judges copies against, oldest first; empty when it does not hold it. */
    public List<Fingerprint> versions(String storyId) {
        Entry e = byId.get(storyId);
        return e == null ? List.of() : e.versions();
    }

    /** How many duplicate keys this shard holds stories under (for tests: none left behind by a story gone). */
    int keysHeld() {
        return byKey.size();
    }

    /** The time a story is ordered by (its first version's), or empty when this shard does not hold it. */
    public Optional<Long> orderTime(String storyId) {
        Entry e = byId.get(storyId);
        return e == null ? Optional.empty() : Optional.of(e.order().time());
    }

    /** The registration time of a story (wall-clock ms), or empty when this shard does not hold it. */
    public Optional<Long> registeredAt(String storyId) {
        Entry e = byId.get(storyId);
        return e == null ? Optional.empty() : Optional.of(e.registeredMs());
    }

    /** Forgets a story (killed, or out of the window); returns whether this shard held it. */
    public boolean remove(String storyId) {
        Entry e = byId.remove(storyId);
        if (e == null) {
            return false;
        }
        byTime.remove(e.f());
        for (long k : e.keys()) {
            Set<String> ids = byKey.get(k);
            if (ids != null) {
                ids.remove(storyId);
                if (ids.isEmpty()) {
                    byKey.remove(k);
                }
            }
        }
        return true;
    }

    /** Forgets every story older than {@code newestTime} minus the window; returns the ids forgotten. */
    public List<String> expire(long newestTime) {
        List<String> gone = new ArrayList<>();
        while (!byTime.isEmpty() && byTime.first().time() < newestTime - windowMs) {
            String id = byTime.first().storyId();
            remove(id);
            gone.add(id);
        }
        return gone;
    }

    public int size() {
        return byId.size();
    }
}
