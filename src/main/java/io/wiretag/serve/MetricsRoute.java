package io.wiretag.serve;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.wiretag.serve.WebServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /metrics} in the Prometheus text format: the Kafka Streams metrics that say whether the
 * pipeline keeps up (process rate, commit latency, consumer lag), wiretag's lifecycle metrics, records
 * written per output topic, the Streams state and the JVM heap.
 */
public final class MetricsRoute {
    public static final String PATH = "/metrics";
    /** Kafka Streams' own groups that are exported whole, each under a prefix. */
    private static final Map<String, String> GROUPS = Map.of(
            "stream-metrics", "kafka_streams_client_",
            "stream-thread-metrics", "kafka_streams_thread_",
            "wiretag-lifecycle-metrics", "wiretag_lifecycle_");
    /** From the consumers, only the lag: how far the pipeline is behind its inputs. */
    private static final Set<String> LAG = Set.of("records-lag", "records-lag-max");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public MetricsRoute(Supplier<Map<MetricName, ? extends Metric>> streamsMetrics, Supplier<KafkaStreams.State> state) {
        registry.register(new StreamsCollector(streamsMetrics, state));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        GaugeWithCallback.builder().name("jvm_memory_heap_used_bytes").help("JVM heap in use")
                .callback(cb -> cb.call(memory.getHeapMemoryUsage().getUsed())).register(registry);
        GaugeWithCallback.builder().name("jvm_memory_heap_committed_bytes").help("JVM heap committed by the OS")
                .callback(cb -> cb.call(memory.getHeapMemoryUsage().getCommitted())).register(registry);
        GaugeWithCallback.builder().name("jvm_memory_heap_max_bytes").help("JVM heap limit (-1: none)")
                .callback(cb -> cb.call(memory.getHeapMemoryUsage().getMax())).register(registry);
    }

    /** Exports the metrics of a running KafkaStreams. */
    public static MetricsRoute of(KafkaStreams streams) {
        return new MetricsRoute(streams::metrics, streams::state);
    }

    /** Adds more families to every scrape (e.g. {@link InputLag}); returns this. */
    public MetricsRoute with(MultiCollector more) {
        registry.register(more);
        return this;
    }

    public void addTo(WebServer server) {
        server.route("GET", PATH, r -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
            writer.write(out, registry.scrape());
            return new Response(200, writer.getContentType(), out.toByteArray(), Map.of());
        });
    }

    /** The text a scrape answers with, for tests and the log. */
    String scrapeText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, registry.scrape());
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Turns Kafka's metrics into Prometheus families at each scrape: one family per name, one point per tag set. */
    private static final class StreamsCollector implements MultiCollector {
        private final Supplier<Map<MetricName, ? extends Metric>> metrics;
        private final Supplier<KafkaStreams.State> state;

        StreamsCollector(Supplier<Map<MetricName, ? extends Metric>> metrics, Supplier<KafkaStreams.State> state) {
            this.metrics = metrics;
            this.state = state;
        }

        /** One Prometheus family being built: its help and its points by label set (summed when labels collapse). */
        private static final class Family {
            final String help;
            final boolean counter;
            final Map<Labels, Double> points = new LinkedHashMap<>();

            Family(String help, boolean counter) {
                this.help = help;
                this.counter = counter;
            }
        }

        @Override
        public MetricSnapshots collect() {
            Map<String, Family> families = new TreeMap<>();
            Map<MetricName, ? extends Metric> all = metrics.get();
            Set<String> topics = new java.util.HashSet<>();
            all.keySet().forEach(n -> topics.add(n.tags().getOrDefault("topic", "")));
            for (Map.Entry<MetricName, ? extends Metric> e : all.entrySet()) {
                MetricName n = e.getKey();
                if (!(e.getValue().metricValue() instanceof Number number) || legacyTwin(n, topics)) {
                    continue;
                }
                double v = number.doubleValue();
                String prefix = GROUPS.get(n.group());
                if (prefix != null) {
                    add(families, prefix + n.name(), n.description(), tags(n.tags()), v);
                } else if (n.group().equals("stream-topic-metrics") && n.name().startsWith("records-")) {
                    // Per topic, summed over the tasks and nodes that read or write it.
                    add(families, "kafka_streams_topic_" + n.name(), "records read from or written to the topic by this instance",
                            Labels.of("topic", n.tags().getOrDefault("topic", "")), v);
                } else if (n.group().equals("consumer-fetch-manager-metrics") && LAG.contains(n.name())) {
                    add(families, "kafka_consumer_" + n.name(), n.description(), tags(n.tags()), v);
                }
            }
            List<MetricSnapshot> out = new ArrayList<>();
            families.forEach((name, f) -> {
                try {
                    out.add(f.counter ? counter(name, f) : gauge(name, f));
                } catch (IllegalArgumentException e) {
                    // A Kafka name Prometheus reserves (a _created or _info suffix): left out, not the whole scrape.
                }
            });
            KafkaStreams.State s = state.get();
            GaugeSnapshot.Builder st = GaugeSnapshot.builder().name("wiretag_streams_state")
                    .help("1 for the Kafka Streams state the pipeline is in, 0 for the others");
            for (KafkaStreams.State each : KafkaStreams.State.values()) {
                st.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("state", each.name()))
                        .value(each == s ? 1 : 0).build());
            }
            out.add(st.build());
            return new MetricSnapshots(out);
        }

        /**
         * The consumer registers its per-partition metrics twice, the old copy with the topic's dots
         * written as underscores ({@code news_raw} beside {@code news.raw}): that copy is left out.
         */
        private static boolean legacyTwin(MetricName n, Set<String> topics) {
            String topic = n.tags().get("topic");
            return topic != null && topic.indexOf('_') >= 0 && topics.contains(topic.replace('_', '.'));
        }

        private static void add(Map<String, Family> families, String kafkaName, String help, Labels labels, double v) {
            boolean counter = kafkaName.endsWith("-total");
            String name = sanitize(counter ? kafkaName.substring(0, kafkaName.length() - "-total".length()) : kafkaName);
            Family f = families.computeIfAbsent(name, k -> new Family(help == null || help.isBlank() ? kafkaName : help, counter));
            if (f.counter && !(v >= 0 && Double.isFinite(v))) {
                return;
            }
            f.points.merge(labels, v, Double::sum);
        }

        private static Labels tags(Map<String, String> tags) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            new TreeMap<>(tags).forEach((k, v) -> {
                names.add(sanitize(k));
                values.add(v);
            });
            return Labels.of(names, values);
        }

        private static String sanitize(String s) {
            return s.replaceAll("[^a-zA-Z0-9_]", "_");
        }

        private static MetricSnapshot counter(String name, Family f) {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(f.help);
            f.points.forEach((l, v) -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(l).value(v).build()));
            return b.build();
        }

        private static MetricSnapshot gauge(String name, Family f) {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(f.help);
            f.points.forEach((l, v) -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l).value(v).build()));
            return b.build();
        }
    }
}
