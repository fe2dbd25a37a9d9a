package io.wiretag.serve;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The dashboard's health panel for this instance: the Kafka Streams state and readiness (which asks the
 * cluster), the app's consumer lag per input topic from committed and end offsets ({@link InputLag}),
 * records per second in (records its consumers fetched) and out (records its producers sent), and the
 * commits: rate and latency from the Streams thread metrics, and when the commit count was last seen to rise.
 */
public final class PipelineHealth {
    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final Readiness readiness;
    private final InputLag lag;
    private final Clock clock;
    private final String applicationId;
    private double lastCommitTotal = -1;
    private Instant lastCommitSeen;

    /** {@code applicationId} names the app's internal topics ({@code <id>-...-repartition}), shown apart from the inputs. */
    public PipelineHealth(Supplier<Map<MetricName, ? extends Metric>> metrics, Readiness readiness, InputLag lag, String applicationId, Clock clock) {
        this.applicationId = applicationId;
        this.metrics = metrics;
        this.readiness = readiness;
        this.lag = lag;
        this.clock = clock;
    }

    public synchronized Map<String, Object> read() {
        Map<String, Object> out = new LinkedHashMap<>();
        Readiness.Verdict v = readiness.check();
        out.put("at", clock.instant());
        out.put("streams", v.streams());
        out.put("ready", v.ready());
        out.put("reason", v.reason());
        out.put("brokerReachable", v.reason() == null || !v.reason().startsWith("cannot reach the Kafka cluster"));
        Optional<List<InputLag.Partition>> partitions = lag.read();
        out.put("lagKnown", partitions.isPresent());
        Map<String, Map<String, Object>> perTopic = new TreeMap<>();
        partitions.ifPresent(ps -> {
            for (InputLag.Partition p : ps) {
                Map<String, Object> t = perTopic.computeIfAbsent(p.topic(), k -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("topic", k);
                    boolean internal = k.startsWith(applicationId + "-");
                    m.put("internal", internal);
                    m.put("shortName", internal ? k.substring(applicationId.length() + 1) : k);
                    m.put("lag", 0L);
                    m.put("end", 0L);
                    m.put("committed", 0L);
                    m.put("partitions", 0);
                    return m;
                });
                t.put("lag", (Long) t.get("lag") + p.lag());
                t.put("end", (Long) t.get("end") + p.end());
                t.put("committed", (Long) t.get("committed") + (p.committed() == null ? 0 : p.committed()));
                t.put("partitions", (Integer) t.get("partitions") + 1);
            }
        });
        List<Map<String, Object>> topics = new ArrayList<>(perTopic.values());
        // The inputs first, then the app's internal (repartition) topics.
        topics.sort(java.util.Comparator.comparing((Map<String, Object> t) -> (Boolean) t.get("internal")));
        out.put("lag", topics);
        Map<MetricName, ? extends Metric> m = metrics.get();
        out.put("recordsInPerSecond", sum(m, "consumer-fetch-manager-metrics", "records-consumed-rate", true));
        out.put("recordsOutPerSecond", sum(m, "producer-metrics", "record-send-rate", false));
        out.put("processPerSecond", sum(m, "stream-thread-metrics", "process-rate", false));
        out.put("commitsPerSecond", sum(m, "stream-thread-metrics", "commit-rate", false));
        out.put("commitLatencyMs", max(m, "stream-thread-metrics", "commit-latency-avg"));
        double commits = sum(m, "stream-thread-metrics", "commit-total", false);
        if (commits > lastCommitTotal) {
            if (lastCommitTotal >= 0) {
                lastCommitSeen = clock.instant();
            }
            lastCommitTotal = commits;
        }
        out.put("commitsTotal", (long) commits);
        out.put("lastCommitSeen", lastCommitSeen);
        return out;
    }

    /**
     * The sum of a metric over the clients that have it, NaN counted as 0. {@code mainConsumersOnly}: of a
     * consumer metric, only the per-client figure (no topic tag) of consumers that are not restore consumers.
     */
    static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name, boolean mainConsumersOnly) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (!n.group().equals(group) || !n.name().equals(name)) {
                continue;
            }
            if (mainConsumersOnly && (n.tags().containsKey("topic") || String.valueOf(n.tags().get("client-id")).contains("restore"))) {
                continue;
            }
            total += value(e.getValue());
        }
        return total;
    }

    static double max(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        double best = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (e.getKey().group().equals(group) && e.getKey().name().equals(name)) {
                best = Math.max(best, value(e.getValue()));
            }
        }
        return best;
    }

    private static double value(Metric m) {
        Object v = m.metricValue();
        return v instanceof Number n && !Double.isNaN(n.doubleValue()) && !Double.isInfinite(n.doubleValue()) ? n.doubleValue() : 0;
    }
}
