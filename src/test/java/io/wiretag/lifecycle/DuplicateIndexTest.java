package io.wiretag.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateIndexTest {
    private static final long HOUR = 3_600_000;
    private static final String BODY = FingerprintsTest.randomText(11, 200);

    private static String withChangedWords(String text, int n) {
        String[] w = text.split(" ");
        for (int i = 0; i < n; i++) {
            w[(i * 37) % w.length] = "changed" + i;
        }
        return String.join(" ", w);
    }

    @Test
    void firstCopyWinsForExactAndNearDuplicates() {
        DuplicateIndex index = new DuplicateIndex(0.8, 24 * HOUR);
        index.add(Fingerprints.of("ap:1", 0, BODY));
        index.add(Fingerprints.of("afp:9", 10, "KYIV (AFP) - " + BODY));
        // A third feed's copy matches both; the first registered wins.
        assertEquals(Optional.of("ap:1"), index.duplicateOf(Fingerprints.of("dpa:5", 20, "Kyiv (dpa) - " + BODY)));
    }

    @Test
    void aStoryIsNeverADuplicateOfItself() {
        DuplicateIndex index = new DuplicateIndex(0.8, 24 * HOUR);
        index.add(Fingerprints.of("ap:1", 0, BODY));
        assertEquals(Optional.empty(), index.duplicateOf(Fingerprints.of("ap:1", 5, BODY)));
    }

    @Test
    void thresholdSeparatesNearFromDifferent() {
        DuplicateIndex index = new DuplicateIndex(0.8, 24 * HOUR);
        index.add(Fingerprints.of("ap:1", 0, BODY));
        // 2 of 200 words changed: about 6 of ~200 shingles differ, Jaccard ~0.94.
        assertEquals(Optional.of("ap:1"), index.duplicateOf(Fingerprints.of("x:2", 1, withChangedWords(BODY, 2))));
        // 40 of 200 changed: Jaccard ~0.3.
        assertEquals(Optional.empty(), index.duplicateOf(Fingerprints.of("x:3", 1, withChangedWords(BODY, 40))));
    }

    @Test
    void copiesFartherApartThanTheWindowAreNotDuplicates() {
        DuplicateIndex index = new DuplicateIndex(0.8, HOUR);
        index.add(Fingerprints.of("ap:1", 0, BODY));
        assertEquals(Optional.empty(), index.duplicateOf(Fingerprints.of("x:2", HOUR + 1, BODY)));
        assertEquals(Optional.of("ap:1"), index.duplicateOf(Fingerprints.of("x:2", HOUR, BODY)));
    }

    @Test
    void expireForgetsOnlyStoriesOlderThanTheWindow() {
        DuplicateIndex index = new DuplicateIndex(0.8, HOUR);
        index.add(Fingerprints.of("old", 0, BODY));
        index.add(Fingerprints.of("new", HOUR, FingerprintsTest.randomText(12, 50)));
        assertEquals(List.of("old"), List.copyOf(index.expire(HOUR + 1)));
        assertEquals(1, index.size());
        assertEquals(Optional.empty(), index.duplicateOf(Fingerprints.of("x", HOUR + 1, BODY)));
    }

    @Test
    void aNewVersionKeepsItsPlaceAndRestoreKeepsTheOrder() {
        DuplicateIndex index = new DuplicateIndex(0.8, 24 * HOUR);
        long first = index.add(Fingerprints.of("ap:1", 0, BODY));
        long second = index.add(Fingerprints.of("afp:2", 1, "Paris - " + BODY));
        assertEquals(first, index.add(Fingerprints.of("ap:1", 2, BODY + " update")));
        DuplicateIndex restored = new DuplicateIndex(0.8, 24 * HOUR);
        restored.restore(Fingerprints.of("afp:2", 1, "Paris - " + BODY), second);
        restored.restore(Fingerprints.of("ap:1", 2, BODY + " update"), first);
        assertEquals(Optional.of("ap:1"), restored.duplicateOf(Fingerprints.of("x", 3, BODY)));
    }

    @Test
    void thresholdMustBeAProportion() {
        assertThrows(IllegalArgumentException.class, () -> new DuplicateIndex(1.5, HOUR));
        assertThrows(IllegalArgumentException.class, () -> new DuplicateIndex(0, HOUR));
    }
}
