package io.wiretag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Forwards a topic to a webhook at least once: records in offset order per partition, each offset committed
 * only after a 2xx for it, each failed try repeated after a capped exponential backoff. While it waits it
 * keeps polling with its partitions paused, so the group does not take them away for being slow; if a
 * rebalance does take one, what was not committed goes to its next owner.
 */
final class WebhookForwarder {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Webhook hook;
    private final Webhook.Backoff backoff;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Function<ConsumerRecord<byte[], byte[]>, String> line;
    /** Partitions taken away since the current batch was polled: the rest of their batch is not ours to send. */
    private final Set<TopicPartition> revoked = new HashSet<>();

    WebhookForwarder(KafkaConsumer<byte[], byte[]> consumer, String topic, Webhook hook, Webhook.Backoff backoff, PrintWriter out,
                     PrintWriter err, Function<ConsumerRecord<byte[], byte[]>, String> line) {
        this.consumer = consumer;
        this.topic = topic;
        this.hook = hook;
        this.backoff = backoff;
        this.out = out;
        this.err = err;
        this.line = line;
    }

    /** Runs until {@code max} records were delivered (null: for ever); 0, or 1 when the endpoint refused one. */
    int run(Integer max) throws InterruptedException {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                revoked.addAll(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                revoked.addAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                pinStart(partitions);
            }
        });
        int delivered = 0;
        while (max == null || delivered < max) {
            revoked.clear();
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
            for (TopicPartition tp : batch.partitions()) {
                for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                    if (revoked.contains(tp)) {
                        break;
                    }
                    out.println(line.apply(r));
                    out.flush();
                    if (r.value() != null && !deliver(r)) {
                        return 1;
                    }
                    if (revoked.contains(tp)) {
                        // Taken away while we waited: the next owner starts from the last commit and sends it again.
                        break;
                    }
                    consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                    if (r.value() != null && max != null && ++delivered >= max) {
                        return 0;
                    }
                }
            }
        }
        return 0;
    }

    /**
     * A partition the group has committed nothing for starts where auto.offset.reset puts it; that start is
     * committed at once, so alerts raised while tail is down before its first delivery are not skipped.
     */
    private void pinStart(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (TopicPartition tp : partitions) {
            if (committed.get(tp) == null) {
                start.put(tp, new OffsetAndMetadata(consumer.position(tp)));
            }
        }
        if (!start.isEmpty()) {
            consumer.commitSync(start);
        }
    }

    /** True once the endpoint took the record (2xx); false when it refused it for good. */
    private boolean deliver(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
        String key = idempotencyKey(r);
        for (int failures = 1; ; failures++) {
            Webhook.Outcome o = hook.post(r.value(), key);
            if (o instanceof Webhook.Outcome.Delivered) {
                return true;
            }
            if (o instanceof Webhook.Outcome.Refused refused) {
                err.println("wiretag tail: webhook " + hook.url() + " refused " + key + " with " + refused.status()
                        + "; stopping at " + r.topic() + "-" + r.partition() + "@" + r.offset() + " (not committed: it is sent again on the next start)");
                err.flush();
                return false;
            }
            Webhook.Outcome.Retry retry = (Webhook.Outcome.Retry) o;
            Duration wait = retry.retryAfter().filter(d -> d.compareTo(backoff.max()) <= 0).orElse(backoff.after(failures));
            err.println("wiretag tail: webhook " + hook.url() + " " + retry.why() + " for " + key + "; try " + (failures + 1)
                    + " in " + wait.toMillis() + " ms");
            err.flush();
            waitPolling(wait);
            if (revoked.contains(new TopicPartition(r.topic(), r.partition()))) {
                return true; // not ours any more; run() skips the commit
            }
        }
    }

    /** Waits, polling with every partition paused: the group sees a live member, no record is fetched. */
    private void waitPolling(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        Set<TopicPartition> paused = new HashSet<>(consumer.assignment());
        consumer.pause(paused);
        try {
            long left;
            while ((left = until - System.nanoTime()) > 0) {
                ConsumerRecords<byte[], byte[]> none = consumer.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(200).toNanos())));
                if (!none.isEmpty()) {
                    // A partition assigned during the wait was not paused: put it back to its first record, unsent.
                    for (TopicPartition tp : none.partitions()) {
                        consumer.seek(tp, none.records(tp).get(0).offset());
                        consumer.pause(List.of(tp));
                        paused.add(tp);
                    }
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            Set<TopicPartition> still = new HashSet<>(consumer.assignment());
            still.retainAll(paused);
            consumer.resume(still);
        }
    }

    /** The record's key (on news.alerts the alert id), else the value's {@code id}, else where the record is. */
    static String idempotencyKey(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() != null && r.key().length > 0) {
            return new String(r.key(), StandardCharsets.UTF_8);
        }
        try {
            JsonNode id = io.wiretag.story.Json.MAPPER.readTree(r.value()).get("id");
            if (id != null && id.isTextual()) {
                return id.asText();
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through
        }
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }
}
