package io.wiretag.serve;

import io.wiretag.ingest.RawSender;
import io.wiretag.serve.WebServer.Request;
import io.wiretag.serve.WebServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * {@code POST /ingest}: the body is one raw story, put on {@code news.raw} untouched. Answers 202 with
 * where it landed only after the broker acknowledged it, so a pushing system may delete its copy then.
 * The NITF rendition of an AP Media API item is posted with {@value #H_RENDITION_OF}: the item's id.
 */
public final class IngestRoute implements WebServer.Handler {
    public static final String PATH = "/ingest";
    public static final String H_PROVIDER = "X-Wiretag-Provider";
    public static final String H_FORMAT = "X-Wiretag-Format";
    public static final String H_SOURCE = "X-Wiretag-Source";
    /** On the NITF rendition of an AP Media API item: the item's id, so the two become one story. */
    public static final String H_RENDITION_OF = "X-Wiretag-Rendition-Of";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:+-]{0,99}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final RawSender sender;
    private final long maxBytes;
    private final Duration ackTimeout;

    public IngestRoute(RawSender sender, long maxBytes, Duration ackTimeout) {
        this.sender = sender;
        this.maxBytes = maxBytes;
        this.ackTimeout = ackTimeout;
    }

    /** Adds {@code POST /ingest} to a server. */
    public void addTo(WebServer server) {
        server.route("POST", PATH, this);
    }

    @Override
    public Response handle(Request request) throws IOException, InterruptedException {
        if (request.contentLength() > maxBytes) {
            return tooLarge(request.contentLength() + " bytes");
        }
        byte[] body = readAtMost(request.body(), maxBytes + 1);
        if (body.length > maxBytes) {
            return tooLarge("more than " + maxBytes + " bytes");
        }
        if (body.length == 0) {
            return Response.error(400, "empty body: POST the raw story as the request body");
        }
        String provider = request.header(H_PROVIDER);
        String format = request.header(H_FORMAT);
        String source = request.header(H_SOURCE);
        if (provider != null && !TOKEN.matcher(provider).matches()) {
            return Response.error(400, H_PROVIDER + " must be a short name of letters, digits and . _ : + -, such as ap");
        }
        if (format != null && !TOKEN.matcher(format).matches()) {
            return Response.error(400, H_FORMAT + " must be a format name such as nitf or newsml-g2");
        }
        if (source != null && (source.length() > 1000 || CONTROL.matcher(source).find())) {
            return Response.error(400, H_SOURCE + " must be at most 1000 characters with no control characters");
        }
        String renditionOf = request.header(H_RENDITION_OF);
        if (renditionOf != null && !TOKEN.matcher(renditionOf).matches()) {
            return Response.error(400, H_RENDITION_OF + " must be the AP item's id (altids.itemid), letters and digits");
        }
        try {
            RecordMetadata m = sender.send(body, provider, source, null, format, Instant.now(), renditionOf)
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("topic", m.topic());
            out.put("partition", m.partition());
            out.put("offset", m.offset());
            return Response.json(202, out);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                return tooLarge("larger than the broker accepts");
            }
            return Response.error(503, "not stored, try again: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return Response.error(503, "not stored, try again: Kafka did not acknowledge within " + ackTimeout.toSeconds() + " s");
        } catch (KafkaException e) {
            return Response.error(503, "not stored, try again: " + e.getMessage());
        }
    }

    private Response tooLarge(String what) {
        return Response.error(413, "story is " + what + ", over the limit of " + maxBytes + " bytes (wiretag.max.input.bytes)");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
    }
}
