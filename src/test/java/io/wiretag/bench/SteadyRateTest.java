package io.wiretag.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The steady part of a run: from a tenth of the outputs visible to nine tenths. */
class SteadyRateTest {
    static long[] at(double seconds, long outputs) {
        return new long[] {(long) (seconds * 1e9), outputs};
    }

    @Test
    void theSpanFromATenthToNineTenthsLeavesOutTheStartAndTheTail() {
        // Nothing for 3 s (joining the group, the first commits), then 100 outputs a second, then a slow tail.
        List<long[]> samples = List.of(at(1, 0), at(3, 0), at(3.5, 50), at(4, 100), at(8, 500), at(11, 900), at(12, 980), at(20, 1000));
        assertEquals(7.0, BenchRun.steadySeconds(samples, 1000), 1e-9, "100 visible at 4 s, 900 at 11 s");
    }

    @Test
    void outputsThatAllArriveInOnePollHaveNoSteadyRate() {
        assertTrue(Double.isNaN(BenchRun.steadySeconds(List.of(at(1, 0), at(2, 80)), 80)));
        assertTrue(Double.isNaN(BenchRun.steadySeconds(List.of(), 0)));
    }
}
