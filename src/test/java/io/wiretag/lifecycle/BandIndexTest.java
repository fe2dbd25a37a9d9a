package io.wiretag.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandIndexTest {
    private static final long HOUR = 3_600_000;
    private static final String BODY = FingerprintsTest.randomText(11, 200);

    private static BandIndex whole(long window) {
        return new BandIndex(0.8, window, k -> true);
    }

    private static String withChangedWords(String text, int n) {
        String[] w = text.split(" ");
        for (int i = 0; i < n; i++) {
            w[(i * 37) % w.length] = "changed" + i;
        }
        return String.join(" ", w);
    }

    private static String of(BandIndex.Verdict v) {
        return v.isDuplicate() ? v.duplicateOf() : "original";
    }

    @Test
    void theEarliestCopyWinsForExactAndNearDuplicates() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        index.claim(Fingerprints.of("afp:9", 10, "KYIV (AFP) - " + BODY), 0);
        // A third feed's copy matches both; the earliest wins.
        assertEquals("ap:1", of(index.claim(Fingerprints.of("dpa:5", 20, "Kyiv (dpa) - " + BODY), 0)));
        assertEquals("ap:1", of(index.decide(Fingerprints.of("x:1", 30, BODY))), "an exact copy");
    }

    private static List<BandIndex> shards(int n) {
        List<BandIndex> parts = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            int mine = s;
            parts.add(new BandIndex(0.8, 24 * HOUR, k -> BandIndex.shardOf(k, n) == mine));
        }
        return parts;
    }

    /** Claims two stories on every shard, {@code early} first on the shards whose bit is set in {@code earlyFirst}. */
    private static List<String> race(List<BandIndex> parts, Fingerprint early, Fingerprint late, int earlyFirst) {
        BandIndex.Verdict e = BandIndex.Verdict.ORIGINAL;
        BandIndex.Verdict l = BandIndex.Verdict.ORIGINAL;
        for (int s = 0; s < parts.size(); s++) {
            BandIndex p = parts.get(s);
            if ((earlyFirst >> s & 1) == 1) {
                e = e.and(p.claim(early, 1_000));
                l = l.and(p.claim(late, 1_001));
            } else {
                l = l.and(p.claim(late, 1_000));
                e = e.and(p.claim(early, 1_001));
            }
        }
        return List.of(of(e), of(l));
    }

    @Test
    void twoCopiesInFlightAtOnceAreOneOriginalAndOneDuplicateInWhateverOrderTheShardsSeeThem() {
        int n = 4;
        Fingerprint[][] pairs = {
                {Fingerprints.of("ap:1", 10, BODY), Fingerprints.of("afp:2", 20, BODY)},
                {Fingerprints.of("ap:1", 10, BODY), Fingerprints.of("afp:2", 20, "Paris - " + BODY)},
                {Fingerprints.of("ap:1", 10, BODY), Fingerprints.of("afp:2", 20, withChangedWords(BODY, 2))}};
        for (Fingerprint[] pair : pairs) {
            for (int order = 0; order < 1 << n; order++) {
                List<String> verdicts = race(shards(n), pair[0], pair[1], order);
                long originals = verdicts.stream().filter("original"::equals).count();
                assertEquals(1, originals, pair[1].storyId() + " against " + pair[0].storyId() + " in order " + order + ": " + verdicts);
                assertTrue(verdicts.contains("ap:1") || verdicts.contains("afp:2"), "the other names the original: " + verdicts);
            }
            assertEquals(List.of("original", "ap:1"), race(shards(n), pair[0], pair[1], (1 << n) - 1),
                    "seen in their order everywhere, the earlier copy is the original");
        }
    }

    @Test
    void theCopyThatReachesTheDeciderFirstKeepsItsPlace() {
        // Identical bodies share every key, so one shard decides: the later-stamped copy got there first and
        // may have been routed already; the earlier-stamped one is then its duplicate, not routed beside it.
        assertEquals(List.of("afp:2", "original"),
                race(shards(4), Fingerprints.of("ap:1", 10, BODY), Fingerprints.of("afp:2", 20, BODY), 0));
    }

    @Test
    void anEarlierStampedCopyArrivingAfterTheRoutedOneIsItsDuplicate() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("afp:2", 20, BODY), 1_000);
        assertEquals("afp:2", of(index.decide(Fingerprints.of("ap:1", 10, BODY))),
                "afp:2 was answered first: the late copy must not be routed beside it");
    }

    @Test
    void aCorrectionDoesNotMakeTheOriginalYoungerThanItsCopies() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        index.claim(Fingerprints.of("ap:1", 50, BODY + " corrected"), 0);
        assertEquals("ap:1", of(index.claim(Fingerprints.of("reuters:9", 10, BODY), 0)));
    }

    /**
     * A copy of a story's first version, and the story's rewritten second version, in flight together: which of
     * the two a shard hears first must not decide whether the copy is a duplicate.
     */
    @Test
    void aCopyOfAnEarlierVersionIsADuplicateWhetherOrNotTheNewVersionCameFirst() {
        Fingerprint v1 = Fingerprints.of("ap:1", 10, BODY);
        Fingerprint copy = Fingerprints.of("afp:2", 20, "Paris - " + BODY);
        Fingerprint v2 = Fingerprints.of("ap:1", 30, withChangedWords(BODY, 60));
        assertTrue(Fingerprints.similarity(copy, v2) < 0.8, "the copy is not a near duplicate of the new version");
        for (int n : new int[] {1, 2, 4, 8}) {
            // Each shard hears the copy and the new version in its own order: bit s set, shard s hears the version first.
            for (int order = 0; order < 1 << n; order++) {
                List<BandIndex> parts = shards(n);
                BandIndex.Verdict verdict = BandIndex.Verdict.ORIGINAL;
                for (int s = 0; s < n; s++) {
                    BandIndex p = parts.get(s);
                    p.claim(v1, 1_000);
                    if ((order >> s & 1) == 1) {
                        p.register(v2, 1_001);
                        verdict = verdict.and(p.claim(copy, 1_002));
                    } else {
                        verdict = verdict.and(p.claim(copy, 1_001));
                        p.register(v2, 1_002);
                    }
                }
                assertEquals("ap:1", of(verdict), n + " shards, order " + order);
            }
        }
    }

    @Test
    void aStoryKeepsItsNewestVersionsAndAllGoWithIt() {
        BandIndex index = whole(24 * HOUR);
        int versions = BandIndex.VERSIONS_KEPT + 2;
        List<Fingerprint> all = new ArrayList<>();
        for (int v = 0; v < versions; v++) {
            all.add(Fingerprints.of("ap:1", v, FingerprintsTest.randomText(100 + v, 200)));
            index.claim(all.get(v), 0);
        }
        List<Fingerprint> kept = all.subList(versions - BandIndex.VERSIONS_KEPT, versions);
        assertEquals(kept, index.versions("ap:1"), "the newest versions, oldest first");
        java.util.Set<Long> keys = new java.util.HashSet<>();
        kept.forEach(f -> java.util.Arrays.stream(BandIndex.keys(f)).forEach(keys::add));
        assertEquals(keys.size(), index.keysHeld(), "no key of a version let go is left behind");
        assertEquals("original", of(index.decide(Fingerprints.of("x:1", 5, FingerprintsTest.randomText(100, 200)))),
                "the oldest version is let go");
        assertEquals("ap:1", of(index.decide(Fingerprints.of("x:2", 5, FingerprintsTest.randomText(100 + versions - BandIndex.VERSIONS_KEPT, 200)))),
                "the oldest version kept");
        assertTrue(index.remove("ap:1"));
        assertEquals(0, index.size());
        assertEquals(0, index.keysHeld(), "a killed story's versions go with it");
    }

    @Test
    void aStoryIsNeverADuplicateOfItself() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        assertEquals("original", of(index.decide(Fingerprints.of("ap:1", 5, BODY))));
    }

    @Test
    void thresholdSeparatesNearFromDifferent() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        // 2 of 200 words changed: about 6 of ~200 shingles differ, Jaccard ~0.94.
        assertEquals("ap:1", of(index.decide(Fingerprints.of("x:2", 1, withChangedWords(BODY, 2)))));
        // 40 of 200 changed: Jaccard ~0.3.
        assertEquals("original", of(index.decide(Fingerprints.of("x:3", 1, withChangedWords(BODY, 40)))));
    }

    @Test
    void shardsOwningDisjointKeysTogetherDecideAsOneIndex() {
        int shards = 4;
        List<BandIndex> parts = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            int mine = s;
            parts.add(new BandIndex(0.8, 24 * HOUR, k -> BandIndex.shardOf(k, shards) == mine));
        }
        BandIndex whole = whole(24 * HOUR);
        String[] bodies = {BODY, "KYIV - " + BODY, withChangedWords(BODY, 2), withChangedWords(BODY, 40), FingerprintsTest.randomText(3, 120)};
        for (int i = 0; i < bodies.length; i++) {
            Fingerprint f = Fingerprints.of("s:" + i, i, bodies[i]);
            BandIndex.Verdict combined = BandIndex.Verdict.ORIGINAL;
            for (BandIndex p : parts) {
                combined = combined.and(p.claim(f, 0));
            }
            assertEquals(of(whole.claim(f, 0)), of(combined), "story " + i);
        }
        int held = 0;
        for (BandIndex p : parts) {
            held += p.size();
        }
        assertTrue(held >= bodies.length, "every story is held by every shard owning one of its keys");
    }

    @Test
    void anEmptyBodyHasNoKeysAndIsNobodysDuplicate() {
        assertEquals(0, BandIndex.keys(Fingerprints.of("k:1", 0, "")).length);
        assertEquals(1, BandIndex.keys(Fingerprints.of("k:2", 0, "Flash")).length, "a short body still has its exact key");
    }

    @Test
    void copiesFartherApartThanTheWindowAreNotDuplicates() {
        BandIndex index = whole(HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        assertEquals("original", of(index.decide(Fingerprints.of("x:2", HOUR + 1, BODY))));
        assertEquals("ap:1", of(index.decide(Fingerprints.of("x:2", HOUR, BODY))));
    }

    @Test
    void expireForgetsOnlyStoriesOlderThanTheWindowAndRemoveForgetsAKilledOne() {
        BandIndex index = whole(HOUR);
        index.claim(Fingerprints.of("old", 0, BODY), 0);
        index.claim(Fingerprints.of("new", HOUR, FingerprintsTest.randomText(12, 50)), 0);
        assertEquals(List.of("old"), index.expire(HOUR + 1));
        assertEquals(1, index.size());
        assertEquals("original", of(index.decide(Fingerprints.of("x", HOUR + 1, BODY))));
        assertTrue(index.remove("new"));
        assertFalse(index.remove("new"));
        assertEquals(0, index.size());
    }

    @Test
    void restoreKeepsTheOrderAndTheRegistrationTime() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 100);
        index.claim(Fingerprints.of("ap:1", 2, BODY + " update"), 900);
        BandIndex restored = whole(24 * HOUR);
        restored.restore(Fingerprints.of("ap:1", 2, BODY + " update"), List.of(), index.registeredAt("ap:1").orElseThrow(),
                index.orderTime("ap:1").orElseThrow());
        assertEquals(100L, restored.registeredAt("ap:1").orElseThrow());
        assertEquals("ap:1", of(restored.decide(Fingerprints.of("x", 1, BODY))), "ordered by its first version, at 0");
    }

    private static final Fingerprint FIRST = Fingerprints.of("ap:1", 0, BODY);
    private static final Fingerprint REWRITTEN = Fingerprints.of("ap:1", 2, FingerprintsTest.randomText(12, 200));

    /** An index that holds ap:1's first version, registered at 100, and its rewritten second, at 900. */
    private static BandIndex withTwoVersions() {
        BandIndex index = whole(24 * HOUR);
        index.claim(FIRST, 100);
        index.claim(REWRITTEN, 900);
        return index;
    }

    @Test
    void aVersionClaimedAgainIsKeptOnce() {
        BandIndex index = withTwoVersions();
        index.claim(REWRITTEN, 1_500); // the router asks again after a restart
        assertEquals(List.of(FIRST, REWRITTEN), index.versions("ap:1"));
        assertEquals(100L, index.registeredAt("ap:1").orElseThrow(), "the first registration stands");
    }

    @Test
    void restoreKeepsTheEarlierVersions() {
        BandIndex index = withTwoVersions();
        BandIndex restored = whole(24 * HOUR);
        restored.restore(REWRITTEN, index.versions("ap:1").subList(0, 1), index.registeredAt("ap:1").orElseThrow(),
                index.orderTime("ap:1").orElseThrow());
        assertEquals(List.of(FIRST, REWRITTEN), restored.versions("ap:1"));
        assertEquals("ap:1", of(restored.decide(Fingerprints.of("x", 1, BODY))), "a copy of the first version");
    }

    @Test
    void thresholdMustBeAProportion() {
        assertThrows(IllegalArgumentException.class, () -> new BandIndex(1.5, HOUR, k -> true));
        assertThrows(IllegalArgumentException.class, () -> new BandIndex(0, HOUR, k -> true));
    }
}
