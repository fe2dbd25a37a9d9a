package io.wiretag.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.wiretag.story.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The hot folder's memory across crashes: one JSON line per file the broker acknowledged ({@code acked},
 * with the file's name and SHA-256) and one when it was moved out ({@code done}). A file still in the
 * folder whose name and bytes match an open {@code acked} entry was sent before a crash and is moved
 * without being sent again. A lock file beside it keeps two watchers from sharing a folder.
 */
final class HotFolderJournal implements AutoCloseable {
    static final String FILE_NAME = ".wiretag-journal";
    static final String LOCK_NAME = ".wiretag-journal.lock";

    private record Key(String name, String sha256) {
    }

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    /** Acked and not yet moved: name + hash to where the record landed. */
    private final Map<Key, String> open = new LinkedHashMap<>();

    private HotFolderJournal(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (or creates) the journal of {@code dir}, replays it, and keeps only the open entries whose file
     * {@code stillThere} says is still in the folder: an entry for a file already moved is finished work.
     */
    static HotFolderJournal open(Path dir, Predicate<String> stillThere) throws IOException {
        // The lock is on a file of its own: the journal itself is replaced by a rename when compacted.
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same JVM
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("another wiretag is already watching " + dir + " (" + LOCK_NAME + " is locked)");
        }
        HotFolderJournal journal = new HotFolderJournal(dir.resolve(FILE_NAME), lockChannel, lock);
        try {
            journal.replay();
            journal.open.keySet().removeIf(k -> !stillThere.test(k.name));
            journal.compact();
            journal.channel = FileChannel.open(journal.file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    private void replay() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                // a line torn by a crash mid-write: it was never synced, so no file was moved on its strength
                continue;
            }
            Key k = new Key(n.path("name").asText(), n.path("sha256").asText());
            if ("acked".equals(n.path("event").asText())) {
                open.put(k, n.path("at").asText());
            } else if ("done".equals(n.path("event").asText())) {
                open.remove(k);
            }
        }
    }

    /** Rewrites the journal with only the open entries, so it does not grow forever; a crash keeps the old one. */
    private void compact() throws IOException {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        StringBuilder out = new StringBuilder();
        open.forEach((k, at) -> out.append(line("acked", k, at)));
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                c.write(b);
            }
            c.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String line(String event, Key k, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        m.put("name", k.name);
        m.put("sha256", k.sha256);
        m.put("at", at);
        return Json.write(m) + "\n";
    }

    /** True when this file, with these bytes, was acknowledged and not yet moved: send it no more. */
    boolean acked(String name, String sha256) {
        return open.containsKey(new Key(name, sha256));
    }

    /** Notes an acknowledged send ({@code at}: topic/partition@offset); durable only after {@link #sync}. */
    void recordAcked(String name, String sha256, String at) throws IOException {
        Key k = new Key(name, sha256);
        open.put(k, at);
        append(line("acked", k, at));
    }

    /** Notes that the file was moved out; durable only after {@link #sync}. */
    void recordDone(String name, String sha256) throws IOException {
        Key k = new Key(name, sha256);
        open.remove(k);
        append(line("done", k, Instant.now().toString()));
    }

    private void append(String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Forces what was recorded to disk: called before any file is moved on the strength of it. */
    void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                channel.force(false);
                channel.close();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
