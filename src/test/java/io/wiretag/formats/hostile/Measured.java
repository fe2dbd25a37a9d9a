package io.wiretag.formats.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Assertions;

/**
 * Runs one hostile case under a deadline and prints its wall time and peak heap (the sum of the heap
 * pools' peaks since just before the case: an upper bound on what the case held at once).
 */
final class Measured {
    private Measured() {
    }

    static <T> T run(String name, Duration deadline, Callable<T> work) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long start = System.nanoTime();
        T result = Assertions.assertTimeoutPreemptively(deadline, work::call, name + " must finish within " + deadline);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("hostile: %-40s %7d ms  peak heap %5d MB%n", name, ms, peak / (1024 * 1024));
        return result;
    }
}
