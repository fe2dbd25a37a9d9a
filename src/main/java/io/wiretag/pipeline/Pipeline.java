package io.wiretag.pipeline;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.TaxonomyPublisher;
import io.wiretag.kafka.TopicAdmin;
import io.wiretag.kafka.Topics;
import io.wiretag.tagging.Taxonomy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pipeline against one cluster: creates the missing topics, publishes the taxonomy from
 * {@code config/} when {@code news.taxonomy} is empty, and runs the topology until closed or failed.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final KafkaStreams streams;
    private final Admin admin;
    private final Topics topics;
    private final Properties streamsProps;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Pipeline(KafkaStreams streams, Admin admin, Topics topics, Properties streamsProps) {
        this.streams = streams;
        this.admin = admin;
        this.topics = topics;
        this.streamsProps = streamsProps;
    }

    /** Starts the pipeline and returns once it is RUNNING (or throws, saying why it is not). */
    public static Pipeline start(WiretagConfig config, String bootstrapServers, Taxonomy fromFiles) {
        Topics topics = Topics.from(config);
        Map<String, Object> clients = new HashMap<>(config.kafkaClientSettings());
        clients.put("bootstrap.servers", bootstrapServers);
        Admin admin = Admin.create(clients);
        int partitions = config.getInt(WiretagConfig.PARTITIONS);
        short replication = (short) config.getInt(WiretagConfig.REPLICATION);
        List<String> created = TopicAdmin.ensure(admin, topics.all(fromFiles.topicIds()), topics.taxonomy().name(), partitions, replication);
        if (!created.isEmpty()) {
            LOG.info("created topics {}", created);
        }
        if (TaxonomyPublisher.read(clients, topics.taxonomy().name()).isEmpty()) {
            TaxonomyPublisher.Published p = TaxonomyPublisher.publish(clients, topics.taxonomy().name(), fromFiles.toRecords());
            LOG.info("published taxonomy {} from files to {} ({} records)", fromFiles.version(), topics.taxonomy().name(), p.written());
        }
        LiveTaxonomy live = new LiveTaxonomy(fromFiles, t -> TopicAdmin.ensure(admin,
                t.topicIds().stream().map(topics::forTopic).toList(), topics.taxonomy().name(), partitions, replication));
        live.prepare(); // the tagger compiles while Kafka Streams joins its group
        Properties props = StreamsSettings.properties(config, bootstrapServers);
        Topology topology = WiretagTopology.build(TopologySpec.from(config, topics, live), props);
        io.wiretag.story.Languages.warmUp(); // the detector's models load now, not on the first story
        KafkaStreams streams = new KafkaStreams(topology, props);
        Pipeline pipeline = new Pipeline(streams, admin, topics, props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                running.countDown();
                pipeline.stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            pipeline.failure.compareAndSet(null, e);
            LOG.error("pipeline stopped: {}", e.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        try {
            if (!running.await(120, TimeUnit.SECONDS) || streams.state() != KafkaStreams.State.RUNNING) {
                pipeline.close();
                throw new IllegalStateException("the pipeline did not reach RUNNING (state " + streams.state() + ")"
                        + (pipeline.failure.get() != null ? ": " + pipeline.failure.get() : ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pipeline.close();
            throw new IllegalStateException("interrupted while starting the pipeline", e);
        }
        return pipeline;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Topics topics() {
        return topics;
    }

    public Admin admin() {
        return admin;
    }

    /**
     * Every topic the app consumes (news.raw, news.stories, news.alerts and the internal repartition topics): what
     * {@link io.wiretag.kafka.Drain} must watch to know that nothing is still in flight.
     */
    public List<String> inputTopics() {
        List<String> in = new java.util.ArrayList<>(List.of(topics.raw().name(), topics.stories().name(), topics.alerts().name()));
        in.addAll(WiretagTopology.internalInputTopics(applicationId()));
        return in;
    }

    public String applicationId() {
        return streamsProps.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /** Blocks until the pipeline stops; returns the failure that stopped it, or null after a clean close. */
    public Throwable awaitStop() throws InterruptedException {
        stopped.await();
        return failure.get();
    }

    public boolean failed() {
        return failure.get() != null || streams.state() == KafkaStreams.State.ERROR;
    }

    /** Stops the pipeline cleanly (commits, closes stores); a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Leave the group on the way out: otherwise the next start of this instance waits out the old
        // member's session (45 s) before it gets its partitions back.
        streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
        admin.close(Duration.ofSeconds(5));
        stopped.countDown();
    }
}
