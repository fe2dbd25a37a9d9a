package io.wiretag.lifecycle;

import static io.wiretag.lifecycle.VersionOrder.Verdict.NEWER;
import static io.wiretag.lifecycle.VersionOrder.Verdict.OLDER;
import static io.wiretag.lifecycle.VersionOrder.Verdict.SAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionOrderTest {
    private static final Instant T1 = Instant.parse("2016-01-05T10:00:00Z");
    private static final Instant T2 = Instant.parse("2016-01-05T11:00:00Z");

    private static VersionStamp v(String version, Instant created) {
        return new VersionStamp(version, created, null);
    }

    @Test
    void firstVersionOfAStoryIsNewer() {
        assertEquals(NEWER, VersionOrder.compare(v("1", T1), null));
    }

    @Test
    void countersAreOrderedByNumberEvenAgainstTheClock() {
        // Version 3 stamped earlier than version 2 (a clock off at the source): the counter decides.
        assertEquals(NEWER, VersionOrder.compare(v("3", T1), v("2", T2)));
        assertEquals(OLDER, VersionOrder.compare(v("2", T2), v("3", T1)));
        assertEquals(NEWER, VersionOrder.compare(v("10", T1), v("9", T1)), "numerically, not as text");
    }

    @Test
    void opaqueReutersVersionsAreOrderedByVersionCreated() {
        // The real pair: the kill has the larger number, but a smaller number can be newer too.
        assertEquals(NEWER, VersionOrder.compare(v("978556838", T2), v("1542761538", T1)));
        assertEquals(OLDER, VersionOrder.compare(v("1542761538", T1), v("978556838", T2)));
    }

    @Test
    void sameVersionAndTimeIsTheSameVersion() {
        assertEquals(SAME, VersionOrder.compare(v("2", T1), v("2", T1)));
        assertEquals(SAME, VersionOrder.compare(v("978556838", T1), v("978556838", T1)));
        assertEquals(SAME, VersionOrder.compare(v(null, null), v(null, null)));
    }

    @Test
    void sameCounterWithLaterTimeIsNewer() {
        // A source that re-sends version 1 with a new versionCreated has changed it.
        assertEquals(NEWER, VersionOrder.compare(v("1", T2), v("1", T1)));
    }

    @Test
    void unversionedSourcesAreToldApartByTheirBytes() {
        assertEquals(NEWER, VersionOrder.compare(new VersionStamp(null, null, "bbb"), new VersionStamp(null, null, "aaa")));
        assertEquals(SAME, VersionOrder.compare(new VersionStamp(null, null, "aaa"), new VersionStamp(null, null, "aaa")));
    }

    @Test
    void opaqueNumbersWithoutTimesFallBackToTheLargerNumber() {
        assertEquals(NEWER, VersionOrder.compare(v("1542761538", null), v("978556838", null)));
        assertEquals(OLDER, VersionOrder.compare(v("978556838", null), v("1542761538", null)));
    }

    @Test
    void differentLabelsThatCannotBeOrderedCountAsNewer() {
        assertEquals(NEWER, VersionOrder.compare(v("b", null), v("a", null)));
    }
}
