package io.wiretag.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Reads the dead-letter topic as entries a person can act on: where each refused record came from
 * ({@code news.raw/0@123}), which stage refused it and why, and the file or source it was. Understands
 * wiretag's own {@code wiretag.dlq.*} headers and the {@code __streams.errors.*} headers Kafka Streams puts
 * on records its error handlers send there (KIP-1034).
 */
public final class DeadLetters {
    static final String STREAMS_TOPIC = "__streams.errors.topic";
    static final String STREAMS_PARTITION = "__streams.errors.partition";
    static final String STREAMS_OFFSET = "__streams.errors.offset";
    static final String STREAMS_MESSAGE = "__streams.errors.exception.message";
    static final String STREAMS_EXCEPTION = "__streams.errors.exception";

    private DeadLetters() {
    }

    /** One refused record, and where it sits on the dead-letter topic itself. */
    public record Entry(String origin, String stage, String reason, String exception, String source, Instant time,
                        ConsumerRecord<byte[], byte[]> record) {
        /** Where on the DLQ: {@code news.dlq/1@7}. */
        public String dlqPosition() {
            return record.topic() + "/" + record.partition() + "@" + record.offset();
        }

        /** The original record's headers, without what the dead-letter stage added. */
        public List<Header> originalHeaders() {
            List<Header> out = new ArrayList<>();
            for (Header h : record.headers()) {
                if (!h.key().startsWith("wiretag.dlq.") && !h.key().startsWith("__streams.errors.")) {
                    out.add(h);
                }
            }
            return out;
        }
    }

    /** Every entry on the topic as it stands, newest first. */
    public static List<Entry> read(Map<String, Object> clientSettings, String dlqTopic, Duration timeout) {
        List<Entry> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : TopicReader.readAll(clientSettings, dlqTopic, timeout)) {
            out.add(entry(r));
        }
        out.sort(Comparator.comparing(Entry::time).reversed()
                .thenComparing(e -> e.record().partition()).thenComparing(e -> -e.record().offset()));
        return out;
    }

    /** Reads one DLQ record's headers into an entry. */
    public static Entry entry(ConsumerRecord<byte[], byte[]> r) {
        Headers h = r.headers();
        String origin = header(h, Topics.H_DLQ_ORIGIN);
        if (origin == null && header(h, STREAMS_TOPIC) != null) {
            origin = header(h, STREAMS_TOPIC) + "/" + header(h, STREAMS_PARTITION) + "@" + header(h, STREAMS_OFFSET);
        }
        if (origin == null) {
            // nothing says where it came from: the DLQ position is the only stable name it has
            origin = r.topic() + "/" + r.partition() + "@" + r.offset();
        }
        String stage = header(h, Topics.H_DLQ_STAGE);
        if (stage == null) {
            stage = header(h, STREAMS_EXCEPTION) != null ? "streams" : "unknown";
        }
        String reason = header(h, Topics.H_DLQ_REASON);
        if (reason == null) {
            reason = header(h, STREAMS_MESSAGE) != null ? header(h, STREAMS_MESSAGE) : "(no reason given)";
        }
        String exception = header(h, Topics.H_DLQ_EXCEPTION) != null ? header(h, Topics.H_DLQ_EXCEPTION) : header(h, STREAMS_EXCEPTION);
        String source = header(h, Topics.H_SOURCE);
        return new Entry(origin, stage, reason, exception, source, Instant.ofEpochMilli(r.timestamp()), r);
    }

    /** A header's value as UTF-8 text, or null. */
    public static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * A reason with what varies per record taken out, so that records refused for the same cause count
     * together: numbers (sizes, lines, columns, item positions) become {@code N}, quoted text {@code "..."}.
     */
    public static String reasonKind(String reason) {
        String r = reason.replaceAll("\"[^\"]{0,200}\"", "\"...\"").replaceAll("'[^']{0,200}'", "'...'")
                .replaceAll("(?<![\\w-])\\d+(?![\\w-])", "N");
        return r.length() > 160 ? r.substring(0, 157) + "..." : r;
    }
}
