package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RomanisedNamesTest {
    private static boolean pinyin(String w) {
        return RomanisedNames.pinyin(w, 0, w.length());
    }

    private static boolean syllables(String w) {
        return RomanisedNames.syllables(w, 0, w.length());
    }

    @Test
    void chineseGivenNamesAreOneToThreePinyinSyllables() {
        for (String w : new String[] {"Zhaoying", "Jintao", "Jun", "Nannan", "Xiaoping", "Zhichao", "Jiong", "Keqiang"}) {
            assertTrue(pinyin(w), w);
        }
        for (String w : new String[] {"Microsystems", "Am", "Contest", "Royal", "Bell", "Dynasty", "Zhaoyingxiaoping", "Jean"}) {
            assertFalse(pinyin(w), w);
        }
    }

    @Test
    void koreanCantoneseAndVietnameseGivenNamesAreOneOrTwoSyllables() {
        for (String w : new String[] {"Do", "Hoon", "Jeong", "Woon", "Seok", "Chok", "Tong", "Hock", "Kuan", "Jae", "Van",
            "Thieu", "Kiet", "Duc", "Hyuk", "Myung"}) {
            assertTrue(syllables(w), w);
        }
        for (String w : new String[] {"Microsystems", "Contest", "Royal", "Bell", "Street", "Avenue", "Holdings", "Group",
            "Kim1", "Sérgio"}) {
            assertFalse(syllables(w), w);
        }
    }
}
