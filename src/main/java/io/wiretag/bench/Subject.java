package io.wiretag.bench;

import io.wiretag.config.WiretagConfig;
import io.wiretag.pipeline.Pipeline;
import io.wiretag.pipeline.StreamsSettings;
import io.wiretag.tagging.Taxonomy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * One topology under measurement, running: wiretag's pipeline (through its one public entry point) or a
 * pass-through. It names the topics it reads and writes, so the bench can count and drain them.
 */
public interface Subject extends AutoCloseable {
    /** The application id, which is also the consumer group {@link io.wiretag.kafka.Drain} watches. */
    String applicationId();

    /** Where a subscriber sees a story's result (news.tagged for wiretag). */
    List<String> outputTopics();

    /** Every topic the application consumes: nothing is in flight when all are consumed. */
    List<String> inputTopics();

    /** Whether this run wrote {@code topic} (its own outputs, internal and changelog topics). */
    Predicate<String> owns();

    boolean failed();

    @Override
    void close();

    /** wiretag's whole topology, started as {@code run} starts it. */
    static Subject wiretag(WiretagConfig config, String bootstrap, Taxonomy taxonomy, String runPrefix) {
        Pipeline p = Pipeline.start(config, bootstrap, taxonomy);
        String app = p.applicationId();
        String tagged = config.get(WiretagConfig.TOPIC_TAGGED);
        return new Subject() {
            @Override
            public String applicationId() {
                return app;
            }

            @Override
            public List<String> outputTopics() {
                return List.of(tagged);
            }

            @Override
            public List<String> inputTopics() {
                return p.inputTopics();
            }

            @Override
            public Predicate<String> owns() {
                return t -> t.startsWith(runPrefix) || t.startsWith(app + "-");
            }

            @Override
            public boolean failed() {
                return p.failed();
            }

            @Override
            public void close() {
                p.close();
            }
        };
    }

    /**
     * The Streams settings a pass-through runs with: those of wiretag's configuration that shape the cost
     * (guarantee, commit interval, threads, client settings) and the producer linger wiretag's own
     * settings use, so the comparison differs in the topology only.
     */
    static Properties passThroughSettings(WiretagConfig config, String bootstrap, String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.putAll(config.kafkaClientSettings());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(WiretagConfig.PROCESSING_GUARANTEE));
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(WiretagConfig.COMMIT_INTERVAL_MS));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get(WiretagConfig.REPLICATION));
        String threads = config.asMap().get(StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        if (threads != null) {
            p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        }
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), StreamsSettings.lingerMs(config.get(WiretagConfig.PROCESSING_GUARANTEE)));
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return p;
    }

    /** A Kafka Streams topology of the bench's own, started and RUNNING. */
    static Subject streams(Topology topology, Properties props, List<String> inputs, List<String> outputs, Predicate<String> owns) {
        KafkaStreams streams = new KafkaStreams(topology, props);
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        try {
            if (!running.await(120, TimeUnit.SECONDS) || streams.state() != KafkaStreams.State.RUNNING) {
                streams.close(Duration.ofSeconds(10));
                throw new IllegalStateException("the pass-through did not reach RUNNING (state " + streams.state() + ")"
                        + (failure.get() != null ? ": " + failure.get() : ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close(Duration.ofSeconds(10));
            throw new IllegalStateException("interrupted while starting the pass-through", e);
        }
        String app = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        List<String> in = new ArrayList<>(inputs);
        return new Subject() {
            @Override
            public String applicationId() {
                return app;
            }

            @Override
            public List<String> outputTopics() {
                return outputs;
            }

            @Override
            public List<String> inputTopics() {
                return in;
            }

            @Override
            public Predicate<String> owns() {
                return owns;
            }

            @Override
            public boolean failed() {
                return failure.get() != null || streams.state() == KafkaStreams.State.ERROR;
            }

            @Override
            public void close() {
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            }
        };
    }

    /** The settings of the bench's own clients (producers, consumers, admin) for this cluster. */
    static Map<String, Object> clients(WiretagConfig config, String bootstrap) {
        Map<String, Object> m = new java.util.HashMap<>(config.kafkaClientSettings());
        m.put("bootstrap.servers", bootstrap);
        return m;
    }
}
