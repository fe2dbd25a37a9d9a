package io.wiretag.pipeline.normalise;

import io.wiretag.formats.FormatDetector;
import io.wiretag.formats.ParseException;
import io.wiretag.formats.ParseResult;
import io.wiretag.formats.RawInput;
import io.wiretag.formats.apmedia.ApRendition;
import io.wiretag.kafka.Topics;
import io.wiretag.story.Story;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns one raw record into its stories (keyed by story id) and refusals (keyed as on input). A refusal
 * carries the original bytes and headers plus the stage, reason and exception class in its headers. A record
 * marked {@value Topics#H_RENDITION_OF} (an AP item's NITF rendition) gives a story with the item's id.
 */
public final class NormaliseProcessor implements Processor<byte[], byte[], String, Normalised> {
    public static final String STAGE = "normalise";

    private final FormatDetector detector;
    private ProcessorContext<String, Normalised> context;

    public NormaliseProcessor(FormatDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, Normalised> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Headers headers = record.headers();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        Instant received = receivedAt(headers, record.timestamp());
        RawInput input = new RawInput(value, header(headers, Topics.H_FORMAT), header(headers, Topics.H_PROVIDER),
                header(headers, Topics.H_SOURCE), received);
        String renditionOf = header(headers, Topics.H_RENDITION_OF);
        boolean rendition = renditionOf != null && !renditionOf.isBlank();
        ParseResult.Streamed result;
        try {
            if (rendition) {
                // An AP item's NITF rendition takes the item's id; the header it keeps marks it for the join.
                ParseResult r = detector.parse(input);
                boolean one = r.stories().size() == 1;
                r.stories().forEach(s -> forward(record, one ? ApRendition.asRenditionOf(s, renditionOf) : s));
                result = new ParseResult.Streamed(r.stories().size(), r.failures());
            } else {
                // Each story goes on as it is read: a feed of many items is never held whole.
                result = detector.stream(input, s -> forward(record, s));
            }
        } catch (ParseException e) {
            refuse(record, e.getMessage(), e.getCause() != null ? e.getCause().getClass().getName() : e.getClass().getName());
            return;
        }
        int items = result.stories() + result.failures().size();
        for (ParseResult.ItemFailure f : result.failures()) {
            refuse(record, "item " + (f.index() + 1) + " of " + items + ": " + f.reason(), ParseException.class.getName());
        }
    }

    private void forward(Record<byte[], byte[]> record, Story story) {
        context.forward(new Record<String, Normalised>(story.id(), new Normalised.Parsed(story), record.timestamp(),
                copy(record.headers())));
    }

    private void refuse(Record<byte[], byte[]> record, String reason, String exceptionClass) {
        Headers h = copy(record.headers());
        h.add(Topics.H_DLQ_STAGE, STAGE.getBytes(StandardCharsets.UTF_8));
        h.add(Topics.H_DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        h.add(Topics.H_DLQ_EXCEPTION, exceptionClass.getBytes(StandardCharsets.UTF_8));
        context.recordMetadata().ifPresent(m -> h.add(Topics.H_DLQ_ORIGIN,
                (m.topic() + "/" + m.partition() + "@" + m.offset()).getBytes(StandardCharsets.UTF_8)));
        // The key stays the original bytes: the Refused value carries it to the dead-letter sink.
        context.forward(new Record<String, Normalised>(null,
                new Normalised.Refused(record.key(), record.value(), reason, exceptionClass), record.timestamp(), h));
    }

    private static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
    }

    public static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** When a raw record was received: its {@value Topics#H_RECEIVED_AT} header, else its timestamp. */
    public static Instant receivedAt(Headers headers, long timestamp) {
        String v = header(headers, Topics.H_RECEIVED_AT);
        if (v != null) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException ignored) {
                // fall back to the record's timestamp
            }
        }
        return Instant.ofEpochMilli(timestamp);
    }
}
