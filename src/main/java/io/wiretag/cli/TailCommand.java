package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.Topics;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tail TOPIC}: follow a topic, human-readable or JSON. With {@code --webhook URL} it forwards each
 * record without loss: it reads in a consumer group and commits a record's offset only after the endpoint
 * answered 2xx, so a restart resumes with the first record not delivered.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Follow a topic, e.g. news.topic.ukraine-war: one readable line per record, or --json.",
                "--webhook URL POSTs each record's value (e.g. alerts) to URL as JSON, with the record's key (the alert id)"
                        + " as Idempotency-Key, in the consumer group --group; a record counts as delivered on a 2xx only."
                        + " 5xx, 408, 429, timeouts and refused connections are retried with capped exponential backoff;"
                        + " any other 4xx stops tail (exit 1) without committing, so the record is sent again next time."})
public final class TailCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "TOPIC")
    String topic;

    @Option(names = "--json", description = "Print each record as one JSON line (key, value, headers).")
    boolean json;

    @Option(names = "--from-beginning", description = "Start at the first record, not at the end (with --webhook: when"
            + " the group has committed nothing yet).")
    boolean fromBeginning;

    @Option(names = {"-n", "--max"}, paramLabel = "N", description = "Stop after N records (with --webhook: N delivered).")
    Integer max;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST each record's value to this http(s) URL.")
    URI webhook;

    @Option(names = "--group", paramLabel = "ID", description = "With --webhook: the consumer group (default: wiretag.webhook.group,"
            + " wiretag-webhook).")
    String group;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "With --webhook: per POST (default: wiretag.webhook.timeout, 10s).")
    String timeout;

    @Option(names = "--retry-initial", paramLabel = "DURATION", description = "With --webhook: the first wait after a failed POST"
            + " (default: wiretag.webhook.retry-initial, 500ms).")
    String retryInitial;

    @Option(names = "--retry-max", paramLabel = "DURATION", description = "With --webhook: the longest wait between tries"
            + " (default: wiretag.webhook.retry-max, 30s).")
    String retryMax;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (webhook != null && !(List.of("http", "https").contains(webhook.getScheme()))) {
            err.println("wiretag tail: --webhook must be an http or https URL: " + webhook);
            return 2;
        }
        WiretagConfig c = config.load();
        if (webhook != null) {
            c = override(override(override(override(c, WiretagConfig.WEBHOOK_GROUP, group), WiretagConfig.WEBHOOK_TIMEOUT, timeout),
                    WiretagConfig.WEBHOOK_RETRY_INITIAL, retryInitial), WiretagConfig.WEBHOOK_RETRY_MAX, retryMax);
        }
        try (Cluster cluster = Cluster.connect(c, false)) {
            Map<String, Object> props = new HashMap<>(cluster.clientSettings());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            return webhook == null ? follow(props, cluster) : forward(props, cluster, c);
        }
    }

    private static WiretagConfig override(WiretagConfig c, String key, String flag) {
        return flag == null ? c : c.with(key, flag);
    }

    /** Without a webhook: no group, from the end (or the beginning), nothing committed. */
    private int follow(Map<String, Object> props, Cluster cluster) {
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, cluster);
            if (partitions.isEmpty()) {
                return 1;
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            int seen = 0;
            while (max == null || seen < max) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    out.println(line(r));
                    out.flush();
                    if (max != null && ++seen >= max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, Cluster cluster) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        if (infos == null || infos.isEmpty()) {
            spec.commandLine().getErr().println("wiretag tail: no topic " + topic + " on " + cluster.bootstrapServers());
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        return partitions;
    }

    private String line(ConsumerRecord<byte[], byte[]> r) {
        return json ? io.wiretag.story.Json.write(io.wiretag.kafka.TopicDump.toJson(r)) : readable(r);
    }

    private int forward(Map<String, Object> props, Cluster cluster, WiretagConfig c) throws InterruptedException {
        String groupId = c.get(WiretagConfig.WEBHOOK_GROUP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        // Alerts are few and each waits for its webhook answer: small batches keep a rebalance's redelivery small.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        Webhook hook = new Webhook(webhook, c.getDuration(WiretagConfig.WEBHOOK_TIMEOUT));
        Webhook.Backoff backoff = new Webhook.Backoff(c.getDuration(WiretagConfig.WEBHOOK_RETRY_INITIAL),
                c.getDuration(WiretagConfig.WEBHOOK_RETRY_MAX));
        // Ctrl-C or SIGTERM: wake the consumer, let run() stop where it is (what is not committed is sent
        // again on the next start) and close it, leaving the group at once instead of after its session.
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<KafkaConsumer<byte[], byte[]>> open = new java.util.concurrent.atomic.AtomicReference<>();
        Thread onStop = new Thread(() -> {
            KafkaConsumer<byte[], byte[]> consumer = open.get();
            if (consumer != null) {
                consumer.wakeup();
                try {
                    closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "wiretag-tail-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        try {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                open.set(consumer);
                if (partitions(consumer, cluster).isEmpty()) {
                    return 1;
                }
                return new WebhookForwarder(consumer, topic, hook, backoff, spec.commandLine().getOut(), spec.commandLine().getErr(),
                        this::line).run(max);
            } catch (org.apache.kafka.common.errors.WakeupException stopping) {
                return 0;
            }
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException stopping) {
                // the hook is running and has been let go
            }
        }
    }

    private String readable(ConsumerRecord<byte[], byte[]> r) {
        if (r.headers().lastHeader(Topics.H_DLQ_REASON) != null || r.headers().lastHeader("__streams.errors.exception") != null) {
            return LiveLines.dlqLine(r);
        }
        if (r.value() == null) {
            return "(tombstone) " + (r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8));
        }
        String v = new String(r.value(), StandardCharsets.UTF_8);
        if (v.startsWith("{\"id\"")) {
            try {
                var s = io.wiretag.story.Json.read(r.value(), io.wiretag.story.Story.class);
                return s.id() + "  " + s.pubStatus().json() + "  " + s.headline()
                        + (s.tags() == null ? "" : "  topics=" + s.tags().topicIds() + " entities=" + s.tags().entityIds());
            } catch (RuntimeException notAStory) {
                // shown as text below
            }
        }
        return v.length() > 300 ? v.substring(0, 300) + "..." : v;
    }
}
