package io.wiretag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Polls one RSS or Atom feed (an http(s) URL or a local file) and sends each new or updated entry to
 * {@code news.raw} as its own feed document. An entry is remembered in the state file only after the
 * broker acknowledged it, so a restart neither re-sends what was sent nor loses what was not.
 */
public final class FeedPoller {
    /** Limits on one fetch. */
    public record Settings(long maxBytes, Duration connectTimeout, Duration requestTimeout, String provider) {
        public static Settings defaults(String provider) {
            return new Settings(FileIngest.DEFAULT_MAX_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(30), provider);
        }
    }

    /** What one poll found and sent; {@code error} is the one-line reason when the feed could not be read. */
    public record Poll(int entries, int fresh, int updated, int sent, int failed, String error) {
        public String line(String source) {
            if (error != null) {
                return "rss: " + error;
            }
            return "rss: " + source + ": " + entries + " entries, " + fresh + " new, " + updated + " updated, sent " + sent
                    + (failed > 0 ? ", failed " + failed : "");
        }
    }

    /** The feed could not be fetched or read; the message is one line that names the feed. */
    public static final class FeedException extends IOException {
        private static final long serialVersionUID = 1L;

        FeedException(String message) {
            super(message);
        }
    }

    private final String source;
    private final URI uri;
    private final Path file;
    private final RawSender sender;
    private final Settings settings;
    private final FeedState state;
    private final HttpClient http;
    private int totalSent;
    private int totalFailed;

    /**
     * A poller for {@code source} (an http or https URL, otherwise a file path), remembering what it sent
     * in {@code stateFile}.
     */
    public FeedPoller(String source, RawSender sender, Settings settings, Path stateFile) {
        this.source = source;
        String lower = source.toLowerCase(Locale.ROOT);
        boolean remote = lower.startsWith("http://") || lower.startsWith("https://");
        this.uri = remote ? URI.create(source) : null;
        this.file = remote ? null : Path.of(source);
        this.sender = sender;
        this.settings = settings;
        this.state = FeedState.load(stateFile);
        this.http = remote ? HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build() : null;
    }

    public String source() {
        return source;
    }

    /** Fetches the feed once and sends what is new or updated; never throws for a feed that is down. */
    public Poll pollOnce() throws InterruptedException {
        byte[] bytes;
        try {
            bytes = fetch();
        } catch (FeedException e) {
            return new Poll(0, 0, 0, 0, 0, e.getMessage());
        }
        if (bytes == null) {
            return new Poll(0, 0, 0, 0, 0, null); // 304 Not Modified
        }
        FeedSplitter.Split split;
        try {
            split = FeedSplitter.split(bytes);
        } catch (FeedSplitter.NotAFeedException e) {
            return new Poll(0, 0, 0, 0, 0, source + ": " + e.getMessage());
        }
        int fresh = 0;
        int updated = 0;
        List<FeedSplitter.Entry> toSend = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Set<String> inThisPoll = new HashSet<>();
        for (FeedSplitter.Entry e : split.entries()) {
            if (!inThisPoll.add(e.id()) || state.sent(e.id(), e.contentHash())) {
                continue; // a duplicate id within the feed sends once; an unchanged entry not at all
            }
            if (state.known(e.id())) {
                updated++;
            } else {
                fresh++;
            }
            toSend.add(e);
            acks.add(sender.send(e.document(), settings.provider(), source, source, split.format(), Instant.now()));
        }
        int sent = 0;
        int failed = 0;
        String error = null;
        sender.flush();
        for (int i = 0; i < toSend.size(); i++) {
            try {
                acks.get(i).get();
                state.markSent(toSend.get(i).id(), toSend.get(i).contentHash());
                sent++;
            } catch (ExecutionException ex) {
                // not remembered: the next poll sends it again
                failed++;
                error = source + ": " + failed + " entries not sent, will retry: " + ex.getCause().getMessage();
            }
        }
        if (failed > 0) {
            // a 304 on the next poll would hide the entries that did not go out
            state.etag = null;
            state.lastModified = null;
        }
        try {
            state.save();
        } catch (IOException ex) {
            error = source + ": cannot save the feed state: " + ex.getMessage();
        }
        totalSent += sent;
        totalFailed += failed;
        return new Poll(split.entries().size(), fresh, updated, sent, failed, error);
    }

    public FileIngest.Summary summary() {
        return new FileIngest.Summary(totalSent, totalFailed, 0, List.of());
    }

    private byte[] fetch() throws FeedException, InterruptedException {
        if (file != null) {
            try {
                if (Files.size(file) > settings.maxBytes()) {
                    throw new FeedException(source + ": the feed is " + Files.size(file) + " bytes, over the limit of " + settings.maxBytes());
                }
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new FeedException(source + ": no such file");
            } catch (IOException e) {
                throw new FeedException(source + ": cannot read: " + e.getMessage());
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("User-Agent", "wiretag/0.1 (feed poller)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
        if (state.etag != null) {
            request.header("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            request.header("If-Modified-Since", state.lastModified);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() == 304) {
                    return null;
                }
                if (response.statusCode() != 200) {
                    throw new FeedException(source + ": the feed is down: HTTP " + response.statusCode());
                }
                byte[] body = in.readNBytes((int) Math.min(settings.maxBytes() + 1, Integer.MAX_VALUE - 8));
                if (body.length > settings.maxBytes()) {
                    throw new FeedException(source + ": the feed is over the limit of " + settings.maxBytes() + " bytes");
                }
                // remembered only once the entries are sent and the state saved, with them
                state.etag = response.headers().firstValue("ETag").orElse(null);
                state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
                return body;
            }
        } catch (HttpConnectTimeoutException e) {
            throw new FeedException(source + ": the feed is down: no connection within " + settings.connectTimeout().toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new FeedException(source + ": the feed is down: no answer within " + settings.requestTimeout().toSeconds() + " s");
        } catch (ConnectException e) {
            throw new FeedException(source + ": the feed is down: connection refused");
        } catch (FeedException e) {
            throw e;
        } catch (IOException e) {
            throw new FeedException(source + ": the feed is down: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        }
    }
}
