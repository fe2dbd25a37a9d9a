package io.wiretag.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** How a dead-letter record is read: wiretag's own headers, Kafka Streams' ones, and what a replay sends. */
class DeadLettersTest {
    private static ConsumerRecord<byte[], byte[]> dlqRecord(RecordHeaders h) {
        return new ConsumerRecord<>("news.dlq", 2, 7, 1_700_000_000_000L, TimestampType.CREATE_TIME, -1, -1,
                "desk:folder".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, h, Optional.empty());
    }

    private static void add(RecordHeaders h, String k, String v) {
        h.add(k, v.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wiretagHeadersNameOriginStageReasonAndSource() {
        RecordHeaders h = new RecordHeaders();
        add(h, Topics.H_SOURCE, "a.xml");
        add(h, Topics.H_REPLAY_OF, "news.raw/0@1");
        add(h, Topics.H_DLQ_STAGE, "normalise");
        add(h, Topics.H_DLQ_REASON, "nitf: not well-formed XML at line 3, column 12");
        add(h, Topics.H_DLQ_EXCEPTION, "io.wiretag.formats.ParseException");
        add(h, Topics.H_DLQ_ORIGIN, "news.raw/1@40");
        DeadLetters.Entry e = DeadLetters.entry(dlqRecord(h));
        assertEquals("news.raw/1@40", e.origin());
        assertEquals("normalise", e.stage());
        assertEquals("a.xml", e.source());
        assertEquals("news.dlq/2@7", e.dlqPosition());
        assertEquals(List.of(Topics.H_SOURCE, Topics.H_REPLAY_OF), e.originalHeaders().stream().map(Header::key).toList());

        ProducerRecord<byte[], byte[]> replay = DeadLetterReplay.asRaw(e, "news.raw");
        assertEquals("news.raw", replay.topic());
        assertEquals("desk:folder", new String(replay.key(), StandardCharsets.UTF_8), "the original key: same partition as before");
        assertEquals("news.raw/1@40", new String(replay.headers().lastHeader(Topics.H_REPLAY_OF).value(), StandardCharsets.UTF_8));
        assertEquals(2, replay.headers().toArray().length, "the source and one replay mark, the earlier mark replaced");
        assertNull(replay.headers().lastHeader(Topics.H_DLQ_REASON));
    }

    @Test
    void streamsErrorHeadersAreReadToo() {
        RecordHeaders h = new RecordHeaders();
        add(h, "__streams.errors.topic", "news.stories");
        add(h, "__streams.errors.partition", "3");
        add(h, "__streams.errors.offset", "99");
        add(h, "__streams.errors.exception", "org.apache.kafka.common.errors.SerializationException");
        add(h, "__streams.errors.exception.message", "cannot read Story");
        DeadLetters.Entry e = DeadLetters.entry(dlqRecord(h));
        assertEquals("news.stories/3@99", e.origin());
        assertEquals("streams", e.stage());
        assertEquals("cannot read Story", e.reason());
    }

    @Test
    void reasonKindsFoldWhatVariesPerRecord() {
        assertEquals("input is N bytes, over the limit of N bytes (wiretag.max.input.bytes)",
                DeadLetters.reasonKind("input is 2065 bytes, over the limit of 1000 bytes (wiretag.max.input.bytes)"));
        assertEquals("ninjs: item \"...\" has no headline",
                DeadLetters.reasonKind("ninjs: item \"urn:x:17\" has no headline"));
    }
}
