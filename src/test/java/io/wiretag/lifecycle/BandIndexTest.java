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
    private static final long SETTLE = 5_000;
    private static final String BODY = FingerprintsTest.randomText(11, 200);

    private static BandIndex whole(long window) {
        return new BandIndex(0.8, window, SETTLE, k -> true);
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
        assertEquals("ap:1", of(index.decide(Fingerprints.of("x:1", 30, BODY), 0)), "an exact copy");
    }

    @Test
    void twoCopiesInFlightAtOnceGetTheSameVerdictWhicheverArrivesFirst() {
        // Copies filed at 10 and 20 reach two shards in opposite orders, within the settle time.
        BandIndex a = whole(24 * HOUR);
        BandIndex b = whole(24 * HOUR);
        String earlyOnA = of(a.claim(Fingerprints.of("ap:1", 10, BODY), 1_000));
        String lateOnA = of(a.claim(Fingerprints.of("afp:2", 20, "Paris - " + BODY), 1_001));
        String lateOnB = of(b.claim(Fingerprints.of("afp:2", 20, "Paris - " + BODY), 1_000));
        String earlyOnB = of(b.claim(Fingerprints.of("ap:1", 10, BODY), 1_001));
        assertEquals(List.of("original", "ap:1"), List.of(earlyOnA, lateOnA));
        assertEquals(List.of("original", "original"), List.of(lateOnB, earlyOnB),
                "shard b never calls ap:1 a copy of the later-filed afp:2, though afp:2 reached it first");
        // Combined over the shards: afp:2 is ap:1's duplicate, ap:1 the original; neither is lost, neither routed twice.
        assertEquals("ap:1", of(new BandIndex.Verdict("ap:1", 10).and(BandIndex.Verdict.ORIGINAL)));
        assertEquals("original", of(BandIndex.Verdict.ORIGINAL.and(BandIndex.Verdict.ORIGINAL)));
    }

    @Test
    void anEarlierStampedCopyArrivingLongAfterTheRoutedOneIsItsDuplicate() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("afp:2", 20, BODY), 1_000);
        assertEquals("afp:2", of(index.decide(Fingerprints.of("ap:1", 10, BODY), 1_000 + SETTLE + 1)),
                "afp:2 was routed long since: the late copy must not be routed beside it");
        assertEquals("original", of(index.decide(Fingerprints.of("ap:1", 10, BODY), 1_000 + SETTLE)));
    }

    @Test
    void aCorrectionDoesNotMakeTheOriginalYoungerThanItsCopies() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        index.claim(Fingerprints.of("ap:1", 50, BODY + " corrected"), 0);
        assertEquals("ap:1", of(index.claim(Fingerprints.of("reuters:9", 10, BODY), 0)));
    }

    @Test
    void aStoryIsNeverADuplicateOfItself() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        assertEquals("original", of(index.decide(Fingerprints.of("ap:1", 5, BODY), 0)));
    }

    @Test
    void thresholdSeparatesNearFromDifferent() {
        BandIndex index = whole(24 * HOUR);
        index.claim(Fingerprints.of("ap:1", 0, BODY), 0);
        // 2 of 200 words changed: about 6 of ~200 shingles differ, Jaccard ~0.94.
        assertEquals("ap:1", of(index.decide(Fingerprints.of("x:2", 1, withChangedWords(BODY, 2)), 0)));
        // 40 of 200 changed: Jaccard ~0.3.
        assertEquals("original", of(index.decide(Fingerprints.of("x:3", 1, withChangedWords(BODY, 40)), 0)));
    }

    @Test
    void shardsOwningDisjointKeysTogetherDecideAsOneIndex() {
        int shards = 4;
        List<BandIndex> parts = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            int mine = s;
            parts.add(new BandIndex(0.8, 24 * HOUR, SETTLE, k -> BandIndex.shardOf(k, shards) == mine));
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
        assertEquals("original", of(index.decide(Fingerprints.of("x:2", HOUR + 1, BODY), 0)));
        assertEquals("ap:1", of(index.decide(Fingerprints.of("x:2", HOUR, BODY), 0)));
    }

    @Test
    void expireForgetsOnlyStoriesOlderThanTheWindowAndRemoveForgetsAKilledOne() {
        BandIndex index = whole(HOUR);
        index.claim(Fingerprints.of("old", 0, BODY), 0);
        index.claim(Fingerprints.of("new", HOUR, FingerprintsTest.randomText(12, 50)), 0);
        assertEquals(List.of("old"), index.expire(HOUR + 1));
        assertEquals(1, index.size());
        assertEquals("original", of(index.decide(Fingerprints.of("x", HOUR + 1, BODY), 0)));
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
        restored.restore(Fingerprints.of("ap:1", 2, BODY + " update"), index.registeredAt("ap:1").orElseThrow(),
                index.orderTime("ap:1").orElseThrow());
        assertEquals(100L, restored.registeredAt("ap:1").orElseThrow());
        assertEquals("ap:1", of(restored.decide(Fingerprints.of("x", 1, BODY), 200)), "ordered by its first version, at 0");
    }

    @Test
    void thresholdMustBeAProportion() {
        assertThrows(IllegalArgumentException.class, () -> new BandIndex(1.5, HOUR, SETTLE, k -> true));
        assertThrows(IllegalArgumentException.class, () -> new BandIndex(0, HOUR, SETTLE, k -> true));
    }
}
