package io.wiretag.bench;

import java.util.List;
import java.util.Map;

/**
 * What one topology did under one guarantee: the throughput span (from RUNNING to the last expected output
 * visible), its CPU and heap, what it wrote per input record over all its topics, and the latency loads.
 */
public record RunResult(
        String topology,
        String guarantee,
        int inputs,
        long outputsSeen,
        long outputsExpected,
        double seconds,
        double firstOutputSeconds,
        double steadySeconds,
        ProcessMeter.Usage usage,
        long liveHeapBefore,
        long liveHeapAfter,
        TopicIo.Snapshot written,
        TopicIo.Snapshot brokerInternal,
        List<LatencyProbe.Result> latency) {

    /**
     * The throughput span: outputs seen, seconds from RUNNING to the last one, to the first one, and from a
     * tenth of the outputs seen to nine tenths (NaN when too few to tell), and what it cost.
     */
    record Span(long outputs, double seconds, double firstSeconds, double steadySeconds, ProcessMeter.Usage usage) {
    }

    /** Inputs over the whole span, from RUNNING: start-up and the pipeline filling included. */
    public double storiesPerSecond() {
        return inputs / seconds;
    }

    /**
     * Inputs per second while the pipeline runs full: eight tenths of the inputs over the time from a tenth of
     * the outputs visible to nine tenths, without the start (joining the group, the first commits through every
     * hop) and the tail. NaN when the run was too short to tell.
     */
    public double steadyStoriesPerSecond() {
        return 0.8 * inputs / steadySeconds;
    }

    public double cpuMsPerStory() {
        return usage.processCpuSeconds() * 1000 / inputs;
    }

    public double streamThreadCpuMsPerStory() {
        return usage.streamThreadCpuSeconds() * 1000 / inputs;
    }

    /** Offsets taken per input, over all topics the run wrote (under exactly-once: transaction markers included). */
    public double recordsPerStory() {
        return written.total().offsets() / (double) inputs;
    }

    /** Bytes the broker appended per input, over all topics the run wrote. */
    public double bytesPerStory() {
        return written.total().bytesIn() / (double) inputs;
    }

    public double bytesOnDiskPerStory() {
        return written.total().bytesOnDisk() / (double) inputs;
    }

    public int topicsWritten() {
        return written.perTopic().size();
    }

    /** Offsets taken per input on Streams' repartition topics (the hops through the broker). */
    public double repartitionRecordsPerStory() {
        return written.perTopic().entrySet().stream().filter(e -> e.getKey().endsWith("-repartition"))
                .mapToLong(e -> e.getValue().offsets()).sum() / (double) inputs;
    }

    public double peakHeapMb() {
        return usage.peakHeapUsed() / 1e6;
    }

    public double peakHeapAfterGcMb() {
        return usage.peakHeapAfterGc() / 1e6;
    }

    /** Live heap (after a full collection) once drained, less the live heap before the topology started. */
    public double liveHeapOfTopologyMb() {
        return (liveHeapAfter - liveHeapBefore) / 1e6;
    }

    public double liveHeapAfterMb() {
        return liveHeapAfter / 1e6;
    }

    /** CPU per input by thread group, in milliseconds. */
    public Map<String, Double> cpuMsPerStoryByThreadGroup() {
        Map<String, Double> out = new java.util.TreeMap<>();
        usage.cpuByThreadGroup().forEach((g, sec) -> out.put(g, sec * 1000 / inputs));
        return out;
    }

    public LatencyProbe.Result latencyAt(int rate) {
        return latency.stream().filter(l -> l.offeredPerSecond() == rate).findFirst().orElse(null);
    }

    /** Per topic: offsets per input. */
    public Map<String, Double> recordsPerStoryByTopic() {
        Map<String, Double> out = new java.util.TreeMap<>();
        written.perTopic().forEach((t, c) -> out.put(t, c.offsets() / (double) inputs));
        return out;
    }
}
