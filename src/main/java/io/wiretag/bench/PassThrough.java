package io.wiretag.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Kafka Streams topologies wiretag is measured against: a 1-in-1-out pass-through of the raw bytes,
 * and an equal-I/O pass-through that writes, per input record, the records and bytes wiretag wrote per
 * input in the same run, topic for topic: what wiretag wrote to a repartition topic goes to a hop topic
 * that a second sub-topology reads back, the rest to plain output topics.
 */
public final class PassThrough {
    private PassThrough() {
    }

    /** {@code input} to {@code output}, bytes untouched. */
    public static Topology oneToOne(String input, String output) {
        Topology t = new Topology();
        t.addSource("bench-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), input);
        t.addSink("bench-sink", output, new ByteArraySerializer(), new ByteArraySerializer(), "bench-source");
        return t;
    }

    /** One topic of the equal-I/O pass-through: records per input record, and bytes of key and value each. */
    public record Share(String topic, double recordsPerInput, int payloadBytes) {
    }

    /**
     * What the equal-I/O pass-through writes per input: the {@code hops} (topics read back by the second
     * sub-topology, as wiretag's repartition topics are) and the {@code outputs}, each with its own records per
     * input and record size. Fractional counts are met on average, exactly over the stream.
     */
    public record Shape(List<Share> hops, List<Share> outputs) {
        public Shape {
            if (hops.isEmpty() || hops.stream().mapToDouble(Share::recordsPerInput).sum() < 1) {
                throw new IllegalArgumentException("the equal-I/O pass-through needs at least one hop record per input: " + hops);
            }
            hops = List.copyOf(hops);
            outputs = List.copyOf(outputs);
        }

        public double hopRecords() {
            return hops.stream().mapToDouble(Share::recordsPerInput).sum();
        }

        public double recordsPerInput() {
            return hopRecords() + outputs.stream().mapToDouble(Share::recordsPerInput).sum();
        }

        public List<String> topics() {
            List<String> out = new ArrayList<>();
            hops.forEach(h -> out.add(h.topic()));
            outputs.forEach(o -> out.add(o.topic()));
            return out;
        }
    }

    /** input → the hop records → (second sub-topology, reading every hop) → the output records, as {@code shape} says. */
    public static Topology equalIo(String input, Shape shape) {
        Topology t = new Topology();
        t.addSource("bench-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), input);
        t.addProcessor("bench-to-hops", () -> new Fan(shape.hops(), 1, "bench-hop-sink-"), "bench-source");
        for (int i = 0; i < shape.hops().size(); i++) {
            t.addSink("bench-hop-sink-" + i, shape.hops().get(i).topic(), new ByteArraySerializer(), new ByteArraySerializer(), "bench-to-hops");
        }
        if (shape.outputs().isEmpty()) {
            return t;
        }
        String[] hopTopics = shape.hops().stream().map(Share::topic).toArray(String[]::new);
        t.addSource("bench-hop-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), hopTopics);
        // Each hop record carries 1/hopRecords of an input's outputs.
        t.addProcessor("bench-fan-out", () -> new Fan(shape.outputs(), shape.hopRecords(), "bench-sink-"), "bench-hop-source");
        for (int i = 0; i < shape.outputs().size(); i++) {
            t.addSink("bench-sink-" + i, shape.outputs().get(i).topic(), new ByteArraySerializer(), new ByteArraySerializer(), "bench-fan-out");
        }
        return t;
    }

    /**
     * Forwards, per record in, {@code share.recordsPerInput / per} records to each share's sink on average
     * (carrying fractions over), each value cut or repeated from the record's own to the share's size.
     */
    private static final class Fan implements Processor<byte[], byte[], byte[], byte[]> {
        private final List<Share> shares;
        private final double per;
        private final String sinkPrefix;
        private final double[] owed;
        private ProcessorContext<byte[], byte[]> context;

        Fan(List<Share> shares, double per, String sinkPrefix) {
            this.shares = shares;
            this.per = per;
            this.sinkPrefix = sinkPrefix;
            this.owed = new double[shares.size()];
        }

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            byte[] key = record.key() == null ? new byte[0] : record.key();
            byte[] in = record.value() == null ? new byte[0] : record.value();
            for (int i = 0; i < shares.size(); i++) {
                owed[i] += shares.get(i).recordsPerInput() / per;
                int n = (int) Math.floor(owed[i]);
                owed[i] -= n;
                if (n == 0) {
                    continue;
                }
                byte[] value = sized(in, Math.max(1, shares.get(i).payloadBytes() - key.length));
                for (int k = 0; k < n; k++) {
                    context.forward(new Record<>(key, value, record.timestamp()), sinkPrefix + i);
                }
            }
        }

        private static byte[] sized(byte[] in, int size) {
            if (in.length == size) {
                return in;
            }
            byte[] out = new byte[size];
            if (in.length == 0) {
                return out;
            }
            for (int off = 0; off < size; off += in.length) {
                System.arraycopy(in, 0, out, off, Math.min(in.length, size - off));
            }
            return out;
        }
    }
}
