package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** A token's hash is the same whichever of the tokeniser's paths read it. */
class TokensTest {
    private static long only(String text) {
        Tokens t = Tokens.of(text);
        assertEquals(1, t.count, text);
        return t.lower[0];
    }

    @Test
    void theInlineWordLoopAndTheOtherPathsHashAlike() {
        // Odd and even lengths: the word loop hashes two chars per step, the last odd one alone.
        for (String w : new String[] {"a", "us", "war", "kyiv", "putin", "russia", "ukraine", "Україна", "Київ"}) {
            assertEquals(Tokens.hashLower(w.toLowerCase(java.util.Locale.ROOT)), only(w), w);
            assertEquals(only(w.toLowerCase(java.util.Locale.ROOT)), only(w.toUpperCase(java.util.Locale.ROOT)), w);
        }
        // Read by the slower path: dotted acronyms, apostrophes inside a word, possessives, combining marks.
        assertEquals(Tokens.hashLower("us"), only("U.S."));
        assertEquals(Tokens.hashLower("o'brien"), only("O'Brien"));
        assertEquals(Tokens.hashLower("o'brien"), only("O\u2019Brien"));
        assertEquals(Tokens.hashLower("putin"), only("Putin's"));
        assertEquals(Tokens.hashLower("zelenska"), only("Zelens\u030cka"), "a combining mark is not hashed");
        assertEquals(Tokens.hashLower("zelenska"), only("Zelenšká"), "accents fold away");
        // Pairs are not confused with their parts.
        assertNotEquals(only("ab"), only("ba"));
        assertNotEquals(only("abc"), only("abcd"));
    }

    @Test
    void theCaseKeepingHashFollowsTheSamePairs() {
        Tokens t = Tokens.of("US and Us");
        assertEquals(t.lower[0], t.lower[2]);
        assertNotEquals(t.exact(0), t.exact(2));
        assertEquals(Tokens.of("US").exact(0), t.exact(0));
        assertEquals(Tokens.of("U.S.").exact(0), t.exact(0));
    }
}
