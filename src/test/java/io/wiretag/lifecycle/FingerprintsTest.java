package io.wiretag.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    static String randomText(long seed, int words) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append("w").append(Integer.toString(r.nextInt(5000), 36));
        }
        return b.toString();
    }

    /** The exact Jaccard similarity of two texts' word 3-shingle sets, to check the estimate against. */
    static double jaccard(String a, String b) {
        Set<String> x = shingles(a);
        Set<String> y = shingles(b);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> any = new HashSet<>(x);
        any.addAll(y);
        return (double) both.size() / any.size();
    }

    private static Set<String> shingles(String s) {
        List<String> w = List.of(s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 3 <= w.size(); i++) {
            out.add(String.join(" ", w.subList(i, i + 3)));
        }
        return out;
    }

    @Test
    void exactHashIgnoresCaseSpacingAndPunctuation() {
        Fingerprint a = Fingerprints.of("a", 0, "Kyiv, Ukraine -- Talks resumed.\n\nMore to follow.");
        Fingerprint b = Fingerprints.of("b", 0, "KYIV  Ukraine: talks resumed; more to follow");
        assertEquals(a.exact(), b.exact());
        assertEquals(1.0, Fingerprints.similarity(a, b));
        assertNotEquals(a.exact(), Fingerprints.of("c", 0, "Kyiv Ukraine talks resumed more to come").exact());
    }

    @Test
    void signatureEstimatesJaccardWithinTwiceItsStandardError() {
        String base = randomText(1, 300);
        List<String> w = new ArrayList<>(List.of(base.split(" ")));
        Random r = new Random(7);
        for (int changed : new int[] {3, 15, 40, 90}) {
            List<String> copy = new ArrayList<>(w);
            for (int i = 0; i < changed; i++) {
                copy.set(r.nextInt(copy.size()), "x" + i);
            }
            String other = String.join(" ", copy);
            double truth = jaccard(base, other);
            double est = Fingerprints.similarity(Fingerprints.of("a", 0, base), Fingerprints.of("b", 0, other));
            double se = Math.sqrt(truth * (1 - truth) / Fingerprints.SIGNATURE);
            assertTrue(Math.abs(est - truth) <= 2 * se + 0.01, "changed " + changed + ": estimate " + est + " vs Jaccard " + truth);
        }
    }

    @Test
    void unrelatedBodiesAreFarApart() {
        double s = Fingerprints.similarity(Fingerprints.of("a", 0, randomText(1, 200)), Fingerprints.of("b", 0, randomText(2, 200)));
        assertTrue(s < 0.05, "similarity " + s);
    }

    @Test
    void bodiesTooShortToShingleHaveOnlyAnExactHash() {
        Fingerprint f = Fingerprints.of("a", 0, "Flash");
        assertEquals(0, f.minHash().length);
        assertEquals(0.0, Fingerprints.similarity(f, Fingerprints.of("b", 0, "Flash")));
    }

    @Test
    void signaturesAreStableAcrossRuns() {
        // A signature stored in the window must compare equal after a restart or an upgrade: pin the values.
        Fingerprint f = Fingerprints.of("a", 0, "One two, three four!");
        assertEquals(5138257799284318498L, f.exact());
        // One permutation hashing with densification (since the shards of 0.2; the 0.1 window is not carried over).
        assertEquals(792684260, f.minHash()[0]);
        assertEquals(1811274238, f.minHash()[127]);
    }

    @Test
    void wordHashesAreThoseOfTheBodyLoweredWholeInEveryScript() {
        // The word loop lowers each char itself; the words and their hashes must be those of lowering the body
        // first (the release before did), or a window's stored signatures stop matching after an upgrade.
        List<String> bodies = List.of(
                "KYIV, Ukraine (AP) — Russia's strikes on Kharkiv's power grid: 3 dead, 12 hurt.",
                "Володимир ЗЕЛЕНСЬКИЙ заявив, що Україна отримає ППО; Їжак і Ґанок.",
                "İSTANBUL: Erdoğan met the DİYANET in Ankara; Groß STRASSE; Ñandú, ÉLYSÉE.",
                "ΑΘΗΝΑ: Ο ΠΡΩΘΥΠΟΥΡΓΟΣ ΜΗΤΣΟΤΑΚΗΣ, Σοφία Παπαδοπούλου και ΟΔΥΣΣΕΑΣ.",
                "Emoji \uD83D\uDE00 between words, \uD835\uDC00 a maths capital, and a lone \uD800 surrogate.",
                "", "   ", "one", "x1 Y2 z3, ½ ⅓ ² full-width ＡＢＣ");
        for (String body : bodies) {
            assertEquals(java.util.Arrays.toString(loweredWhole(body)), java.util.Arrays.toString(Fingerprints.wordHashes(body)), body);
        }
    }

    /** The hashes as the release before computed them: the body lowered whole, then its words. */
    private static long[] loweredWhole(String body) {
        String text = body.toLowerCase(java.util.Locale.ROOT);
        List<Long> out = new ArrayList<>();
        long h = 0xcbf29ce484222325L;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                h = (h ^ c) * 0x100000001b3L;
                inWord = true;
            } else if (inWord) {
                out.add(Fingerprints.mix(h));
                h = 0xcbf29ce484222325L;
                inWord = false;
            }
        }
        if (inWord) {
            out.add(Fingerprints.mix(h));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
