package io.wiretag.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The lifecycle's metrics, registered with Kafka Streams so they appear in {@code KafkaStreams.metrics()}
 * and JMX under group {@value #GROUP}, tagged with the task: counters ({@code <name>-total}) and gauges.
 */
public final class LifecycleMetrics {
    public static final String GROUP = "wiretag-lifecycle-metrics";

    private final StreamsMetrics metrics;
    private final String taskId;
    private final List<Sensor> sensors = new ArrayList<>();

    public LifecycleMetrics(ProcessorContext<?, ?> context) {
        this.metrics = context.metrics();
        this.taskId = context.taskId().toString();
    }

    /** A counter: record() adds one to {@code <name>-total}. */
    public Sensor counter(String name, String description) {
        return sensor(name, new MetricName(name + "-total", GROUP, description, Map.of("task-id", taskId)), new CumulativeCount());
    }

    /** A gauge: record(v) sets {@code <name>} to v. */
    public Sensor gauge(String name, String description) {
        return sensor(name, new MetricName(name, GROUP, description, Map.of("task-id", taskId)), new Value());
    }

    private Sensor sensor(String name, MetricName metric, org.apache.kafka.common.metrics.MeasurableStat stat) {
        Sensor s = metrics.addSensor("wiretag." + taskId + "." + name, Sensor.RecordingLevel.INFO);
        s.add(metric, stat);
        sensors.add(s);
        return s;
    }

    /** Removes this task's sensors, so a task that moves to another thread or comes back starts clean. */
    public void close() {
        sensors.forEach(metrics::removeSensor);
        sensors.clear();
    }
}
