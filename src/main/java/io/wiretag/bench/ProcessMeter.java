package io.wiretag.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * CPU and heap of this JVM over one measured span: the process CPU time (broker, Streams and the bench's own
 * clients, all in this JVM), the CPU time of the Kafka Streams threads alone, the peak heap in use (sampled
 * every 20 ms), and the peak heap still live after a collection (from the collector's notifications).
 */
public final class ProcessMeter implements AutoCloseable {
    /** What one span cost; {@code cpuByThreadGroup} in seconds, see {@link #group(String)}. */
    public record Usage(double seconds, double processCpuSeconds, double streamThreadCpuSeconds, long peakHeapUsed, long peakHeapAfterGc,
                        Map<String, Double> cpuByThreadGroup, double gcSeconds, long gcCount) {
        public Usage {
            cpuByThreadGroup = Map.copyOf(cpuByThreadGroup);
        }
    }

    /** CPU outside every Java thread and the JIT: the collector's workers and native threads such as RocksDB's. */
    public static final String OUTSIDE_JAVA_THREADS = "GC and native threads (RocksDB)";
    /**
     * The JIT compilers' time (the JVM's own accounting; its compiler threads are hidden from the thread bean).
     * With the broker, the clients, Streams and wiretag in one JVM, C2 is busy for a minute or more.
     */
    public static final String JIT = "JIT compiler";

    private final long startNanos = System.nanoTime();
    private final long startCpu = processCpuNanos();
    private final long startStreamCpu = streamThreadCpuNanos();
    private final Map<Long, Long> startThreadCpu = threadCpu();
    private final long startGcMillis = gcMillis();
    private final long startGcCount = gcCount();
    private final long startJitMillis = jitMillis();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    public ProcessMeter() {
        NotificationListener listener = this::onGc;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20); // sampling period of the heap gauge
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long heap = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(e.getKey())) {
                heap += e.getValue().getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(heap, Math::max);
    }

    private static boolean isHeapPool(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
    }

    /** The span so far; the meter goes on until closed. */
    public Usage read() {
        long cpu = processCpuNanos();
        Map<String, Double> groups = new java.util.TreeMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double javaThreads = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(t.getThreadId());
            if (now < 0) {
                continue;
            }
            double d = (now - startThreadCpu.getOrDefault(t.getThreadId(), 0L)) / 1e9;
            groups.merge(group(t.getThreadName()), d, Double::sum);
            javaThreads += d;
        }
        double jit = (jitMillis() - startJitMillis) / 1e3;
        groups.merge(JIT, jit, Double::sum);
        groups.put(OUTSIDE_JAVA_THREADS, Math.max(0, (cpu - startCpu) / 1e9 - javaThreads - jit));
        return new Usage((System.nanoTime() - startNanos) / 1e9, (cpu - startCpu) / 1e9,
                (streamThreadCpuNanos() - startStreamCpu) / 1e9, peakUsed.get(), peakAfterGc.get(), groups,
                (gcMillis() - startGcMillis) / 1e3, gcCount() - startGcCount);
    }

    /** The JIT compilers' time so far, in milliseconds (0 where the JVM does not keep it). */
    static long jitMillis() {
        java.lang.management.CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    /** Time spent in collections so far (the collectors' own accounting: pauses, and concurrent cycles for some). */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
    }

    /**
     * The group a thread's CPU is shown under: Kafka Streams' stream threads, the Kafka clients' network
     * threads (the Streams app's producers and consumers, and the bench's own), the broker's threads, the JIT
     * compilers, or the rest. Threads that ended during the span are not counted.
     */
    static String group(String name) {
        if (name.startsWith("kafka-producer-network-thread") || name.startsWith("kafka-consumer-network-thread")
                || name.contains("consumer_background_thread") || name.startsWith("kafka-admin-client-thread")) {
            return "client network threads";
        }
        if (name.contains("-StreamThread-") || name.contains("-GlobalStreamThread")) {
            return "stream threads";
        }
        if (name.contains("CompilerThread")) {
            return JIT;
        }
        if (name.startsWith("bench-")) {
            return "bench harness";
        }
        if (name.startsWith("data-plane-") || name.startsWith("kafka-request-handler") || name.startsWith("broker-")
                || name.startsWith("kafka-") || name.startsWith("controller-") || name.startsWith("quorum")
                || name.startsWith("raft") || name.contains("coordinator") || name.startsWith("ReplicaFetcher")
                || name.startsWith("ExpirationReaper") || name.startsWith("LogDirFailureHandler") || name.startsWith("group-")
                || name.startsWith("transaction") || name.startsWith("share-") || name.startsWith("executor-")
                || name.startsWith("ThrottledChannelReaper") || name.startsWith("metadata-") || name.startsWith("kafka-log-cleaner")) {
            return "broker threads";
        }
        return "other Java threads";
    }

    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> out = new java.util.HashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported()) {
            for (long id : threads.getAllThreadIds()) {
                out.put(id, Math.max(0, threads.getThreadCpuTime(id)));
            }
        }
        return out;
    }

    /**
     * Keeps the heap the JVM has committed after {@link #liveHeapNow}'s full collections: by default a full
     * collection gives back what it finds free, and the next run then pays the kernel again for every page of
     * heap it grows back into (zeroing fresh pages was 16-18 % of the process's CPU in a measured run, a cost
     * a running instance pays once). MaxHeapFreeRatio is a manageable flag; returns false where it cannot be set.
     */
    public static boolean keepHeapCommitted() {
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .setVMOption("MaxHeapFreeRatio", "100");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Heap in use after a full collection: what is live now (the broker and the bench included). */
    public static long liveHeapNow() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unsubscribe.forEach(Runnable::run);
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** CPU time of the live Kafka Streams threads (named {@code ...-StreamThread-N}). */
    static long streamThreadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("-StreamThread-")) {
                long cpu = threads.getThreadCpuTime(t.getThreadId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
