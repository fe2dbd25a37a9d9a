package io.wiretag.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends refused records back to news.raw after a fix, each origin at most once. What was replayed is kept
 * on a compacted topic keyed by origin; it is read before replaying, and each replayed record and its
 * entry there are written in one transaction, so a crash between the two can neither lose nor repeat one.
 */
public final class DeadLetterReplay {
    /** Records per transaction: large enough to be quick, small enough that progress shows. */
    static final int BATCH = 100;
    /** One transactional id for every replay: a second replay started meanwhile fences the first. */
    static final String TRANSACTIONAL_ID = "wiretag-dlq-replay";

    private DeadLetterReplay() {
    }

    /** What one replay did. */
    public record Summary(int replayed, int alreadyReplayed, int notMatching) {
    }

    /** Told after each batch is committed: how many of the matching entries are done. */
    @FunctionalInterface
    public interface Progress {
        void done(int replayed, int toReplay);
    }

    /** The origins already replayed: the keys on the ledger topic (a tombstone forgets one). */
    public static Set<String> replayedOrigins(Map<String, Object> clientSettings, String ledgerTopic, Duration timeout) {
        Set<String> out = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(clientSettings, ledgerTopic, timeout)) {
            if (r.key() == null) {
                continue;
            }
            String origin = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                out.remove(origin);
            } else {
                out.add(origin);
            }
        }
        return out;
    }

    /**
     * Replays the entries that {@code matches} and that were not replayed before (by origin; two DLQ
     * records of one origin, e.g. two failed items of one feed, replay the origin once). With
     * {@code dryRun}, counts only.
     */
    public static Summary replay(Map<String, Object> clientSettings, List<DeadLetters.Entry> entries, Predicate<DeadLetters.Entry> matches,
                                 Set<String> alreadyReplayed, String rawTopic, String ledgerTopic, boolean dryRun, Progress progress) {
        Set<String> done = new HashSet<>(alreadyReplayed);
        int skipped = 0;
        int notMatching = 0;
        List<DeadLetters.Entry> todo = new java.util.ArrayList<>();
        // oldest first, so that versions of one story go back in the order they first came
        List<DeadLetters.Entry> oldestFirst = new java.util.ArrayList<>(entries);
        java.util.Collections.reverse(oldestFirst);
        for (DeadLetters.Entry e : oldestFirst) {
            if (!matches.test(e)) {
                notMatching++;
            } else if (!done.add(e.origin())) {
                skipped++;
            } else {
                todo.add(e);
            }
        }
        if (dryRun || todo.isEmpty()) {
            return new Summary(dryRun ? todo.size() : 0, skipped, notMatching);
        }
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(20 * 1024 * 1024));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        int replayed = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int from = 0; from < todo.size(); from += BATCH) {
                List<DeadLetters.Entry> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
                producer.beginTransaction();
                try {
                    for (DeadLetters.Entry e : batch) {
                        producer.send(asRaw(e, rawTopic));
                        producer.send(new ProducerRecord<>(ledgerTopic, e.origin().getBytes(StandardCharsets.UTF_8), ledgerValue(e)));
                    }
                    producer.commitTransaction();
                } catch (RuntimeException failure) {
                    try {
                        producer.abortTransaction();
                    } catch (RuntimeException abortFailure) {
                        failure.addSuppressed(abortFailure);
                    }
                    throw new IllegalStateException("replay stopped after " + replayed + " of " + todo.size()
                            + " (nothing of the failed batch was sent): " + failure.getMessage(), failure);
                }
                replayed += batch.size();
                progress.done(replayed, todo.size());
            }
        }
        return new Summary(replayed, skipped, notMatching);
    }

    /** The original key, bytes and headers, marked as a replay of the origin (replacing any earlier mark). */
    static ProducerRecord<byte[], byte[]> asRaw(DeadLetters.Entry e, String rawTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : e.originalHeaders()) {
            if (!h.key().equals(Topics.H_REPLAY_OF)) {
                headers.add(h);
            }
        }
        headers.add(Topics.H_REPLAY_OF, e.origin().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(rawTopic, null, e.record().key(), e.record().value(), headers);
    }

    private static byte[] ledgerValue(DeadLetters.Entry e) {
        String json = "{\"replayedAt\":\"" + Instant.now() + "\",\"dlq\":\"" + e.dlqPosition() + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
