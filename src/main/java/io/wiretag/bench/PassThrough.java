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
 * input in the same run, across as many topics, with one hop through a topic read back by a second
 * sub-topology (as wiretag's repartition topics are).
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

    /**
     * What the equal-I/O pass-through writes per input: {@code hopRecords} records to the hop topic, and
     * {@code recordsPerInput - hopRecords} more spread round-robin over the output topics, each of
     * {@code payloadBytes} bytes of key and value. Fractional counts are met on average, exactly over the stream.
     */
    public record Shape(double recordsPerInput, double hopRecords, int payloadBytes, String hopTopic, List<String> outputs) {
        public Shape {
            if (hopRecords < 1 || recordsPerInput < hopRecords || outputs.isEmpty() || payloadBytes < 1) {
                throw new IllegalArgumentException("equal-I/O shape needs at least one hop record, records >= hop records, "
                        + "one output topic and a positive payload: " + recordsPerInput + ", " + hopRecords + ", " + outputs);
            }
        }

        double perHop() {
            return (recordsPerInput - hopRecords) / hopRecords;
        }
    }

    /** input → N hop records → (second sub-topology) → M records over the outputs, with the sizes of {@code shape}. */
    public static Topology equalIo(String input, Shape shape) {
        Topology t = new Topology();
        t.addSource("bench-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), input);
        t.addProcessor("bench-to-hop", () -> new Fan(shape.hopRecords(), shape.payloadBytes(), 1), "bench-source");
        t.addSink("bench-hop-sink", shape.hopTopic(), new ByteArraySerializer(), new ByteArraySerializer(), "bench-to-hop");
        t.addSource("bench-hop-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), shape.hopTopic());
        List<String> sinks = new ArrayList<>();
        t.addProcessor("bench-fan-out", () -> new Fan(shape.perHop(), shape.payloadBytes(), shape.outputs().size()), "bench-hop-source");
        for (int i = 0; i < shape.outputs().size(); i++) {
            String sink = "bench-sink-" + i;
            sinks.add(sink);
            t.addSink(sink, shape.outputs().get(i), new ByteArraySerializer(), new ByteArraySerializer(), "bench-fan-out");
        }
        return t;
    }

    /**
     * Forwards {@code rate} records per input on average (carrying fractions over), each a value cut or
     * repeated from the input's to the payload size, round-robin over its children.
     */
    private static final class Fan implements Processor<byte[], byte[], byte[], byte[]> {
        private final double rate;
        private final int payload;
        private final int children;
        private ProcessorContext<byte[], byte[]> context;
        private double owed;
        private long sent;

        Fan(double rate, int payload, int children) {
            this.rate = rate;
            this.payload = payload;
            this.children = children;
        }

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            owed += rate;
            int n = (int) Math.floor(owed);
            owed -= n;
            if (n == 0) {
                return;
            }
            byte[] key = record.key() == null ? new byte[0] : record.key();
            byte[] value = sized(record.value() == null ? new byte[0] : record.value(), Math.max(1, payload - key.length));
            for (int i = 0; i < n; i++) {
                Record<byte[], byte[]> out = new Record<>(key, value, record.timestamp());
                if (children == 1) {
                    context.forward(out);
                } else {
                    context.forward(out, "bench-sink-" + (int) (sent % children));
                }
                sent++;
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
