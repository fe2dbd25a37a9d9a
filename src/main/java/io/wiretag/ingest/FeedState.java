package io.wiretag.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.story.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a polled feed has already delivered: the content hash of every entry sent (newest last, at most
 * {@link #MAX_ENTRIES}), and the feed's ETag and Last-Modified for a conditional GET. Saved as a small
 * JSON file, replaced atomically, so a restart sends only what is new or changed.
 */
final class FeedState {
    /** Enough for any feed's window; the oldest entries, long gone from the feed, are forgotten. */
    static final int MAX_ENTRIES = 5000;

    private final Path file;
    private final LinkedHashMap<String, String> sent = new LinkedHashMap<>();
    String etag;
    String lastModified;

    private FeedState(Path file) {
        this.file = file;
    }

    static FeedState load(Path file) {
        FeedState s = new FeedState(file);
        if (!Files.exists(file)) {
            return s;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(file));
            s.etag = n.hasNonNull("etag") ? n.get("etag").asText() : null;
            s.lastModified = n.hasNonNull("lastModified") ? n.get("lastModified").asText() : null;
            n.path("sent").properties().forEach(e -> s.sent.put(e.getKey(), e.getValue().asText()));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feed state " + file + ": " + e.getMessage()
                    + " (delete it to start over: every entry in the feed would then be sent again)", e);
        }
    }

    /** True when this entry, with this content, was sent before. */
    boolean sent(String id, String hash) {
        return hash.equals(sent.get(id));
    }

    boolean known(String id) {
        return sent.containsKey(id);
    }

    void markSent(String id, String hash) {
        sent.remove(id); // re-insert at the end: newest last, so the eviction below takes the oldest
        sent.put(id, hash);
        while (sent.size() > MAX_ENTRIES) {
            sent.remove(sent.keySet().iterator().next());
        }
    }

    void save() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("etag", etag);
        out.put("lastModified", lastModified);
        out.put("sent", sent);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(out), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
