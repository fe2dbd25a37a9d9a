package io.wiretag.ingest;

import io.wiretag.formats.apmedia.ApRendition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A hot folder, as wire services deliver by FTP: each complete file dropped in is sent to {@code news.raw}
 * once, then moved to {@code processed/} (or, when it cannot be sent, to {@code failed/} with a
 * {@code .reason} file beside it). Files still being written are left alone: hidden names, upload
 * suffixes ({@code .part}, {@code .tmp}, ...) and files whose size or modification time still changes.
 * A journal in the folder makes a restart after a crash neither re-send nor skip a file. The NITF rendition of
 * an AP Media API item is sent marked as the item's (see {@link RenditionFiles}) when both are ready in one scan
 * or the rendition comes after its item; a rendition that comes before its item is sent as a story of its own.
 */
public final class HotFolder implements AutoCloseable {
    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";
    /** Suffixes FTP servers and upload tools give files they are still writing. */
    /** How many names of AP renditions still to come are remembered (four per item). */
    private static final int MAX_EXPECTED_RENDITIONS = 4_000;
    private static final List<String> IN_PROGRESS = List.of(".part", ".tmp", ".temp", ".filepart", ".partial",
            ".crdownload", ".download", ".upload", ".swp", ".lock");

    /** How the folder is watched; {@link #defaults()} suits FTP deliveries. */
    public record Settings(long maxBytes, Duration settle, Duration scanInterval, String provider, String formatHint) {
        /** 16 MiB per file; a file must keep its size and time for 2 s; a full scan every 2 s besides the events. */
        public static Settings defaults() {
            return new Settings(FileIngest.DEFAULT_MAX_BYTES, Duration.ofSeconds(2), Duration.ofSeconds(2), null, null);
        }

        public Settings withProvider(String provider, String formatHint) {
            return new Settings(maxBytes, settle, scanInterval, provider, formatHint);
        }
    }

    private record Seen(long size, long modifiedNanos, long sinceNanos) {
    }

    private final Path dir;
    private final Path processed;
    private final Path failed;
    private final RawSender sender;
    private final Settings settings;
    private final Consumer<String> progress;
    private final HotFolderJournal journal;
    private final WatchService watcher;
    private final Map<String, Seen> seen = new HashMap<>();
    /** File names an AP item sent earlier gave its NITF rendition, to that item's id; the oldest are forgotten. */
    private final Map<String, String> expectedRenditions = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_EXPECTED_RENDITIONS;
        }
    };
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean closing;
    private boolean journalClosed;
    private int sent;
    private int failedCount;
    private int skipped;
    private final List<String> problems = new ArrayList<>();

    /**
     * Prepares {@code dir} (creating {@code processed/} and {@code failed/}) and replays its journal;
     * {@code progress} gets one line per file. Nothing is read until {@link #run} or {@link #scanOnce}.
     */
    public HotFolder(Path dir, RawSender sender, Settings settings, Consumer<String> progress) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        this.dir = dir;
        this.processed = Files.createDirectories(dir.resolve(PROCESSED));
        this.failed = Files.createDirectories(dir.resolve(FAILED));
        this.sender = sender;
        this.settings = settings;
        this.progress = progress;
        this.journal = HotFolderJournal.open(dir, name -> Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS));
        WatchService w = null;
        try {
            w = FileSystems.getDefault().newWatchService();
            dir.register(w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems (network mounts) give no events: the periodic scan alone then finds the files.
            if (w != null) {
                w.close();
            }
            w = null;
        }
        this.watcher = w;
    }

    /** Watches until {@link #close} is called: a scan on every file event and every scan interval. */
    public void run() throws IOException, InterruptedException {
        running = true;
        try {
            while (!closing) {
                scanOnce();
                if (watcher == null) {
                    if (stoppedAwait(settings.scanInterval())) {
                        break;
                    }
                    continue;
                }
                // WatchService misses events on some file systems, so a timeout turns the wait into a periodic scan.
                WatchKey key = watcher.poll(settings.scanInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (ClosedWatchServiceException e) {
            // close() was called while waiting: a clean stop
        } finally {
            stopped.countDown();
        }
    }

    private boolean stoppedAwait(Duration d) throws InterruptedException {
        return closeRequested.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass over the folder: sends every file that is complete, moves what was acknowledged or failed. */
    public synchronized void scanOnce() throws IOException, InterruptedException {
        List<Path> ready = readyFiles();
        List<Pending> pending = new ArrayList<>();
        for (RenditionFiles.Entry entry : RenditionFiles.pair(ready)) {
            Path f = entry.file();
            String name = f.getFileName().toString();
            String renditionOf = entry.renditionOf() != null ? entry.renditionOf() : expectedRenditions.remove(name);
            if (entry.unpaired() != null) {
                // The item's rendition has not come yet: remember its names, so it is marked when it does.
                ApRendition.namesBeside(name, entry.unpaired()).forEach(n -> expectedRenditions.put(n, entry.unpaired().itemId()));
            }
            long size = Files.size(f);
            if (size > settings.maxBytes()) {
                fail(f, size + " bytes is over the limit of " + settings.maxBytes() + " bytes (wiretag.max.input.bytes)");
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                fail(f, "cannot read: " + e.getMessage());
                continue;
            }
            String sha = sha256(bytes);
            if (journal.acked(name, sha)) {
                // Acknowledged before a crash, never moved: sending again would duplicate it.
                move(f, processed);
                journal.recordDone(name, sha);
                journal.sync();
                skipped++;
                progress.accept("watch: " + name + " was sent before a restart; moved to " + PROCESSED + "/ without sending again");
                continue;
            }
            pending.add(new Pending(f, name, sha, sender.send(bytes, settings.provider(), f.toString(), FileIngest.feedOf(f),
                    settings.formatHint(), Instant.now(), renditionOf)));
        }
        if (pending.isEmpty()) {
            return;
        }
        sender.flush();
        List<Pending> acked = new ArrayList<>();
        for (Pending p : pending) {
            try {
                RecordMetadata m = p.future.get();
                journal.recordAcked(p.name, p.sha, m.topic() + "/" + m.partition() + "@" + m.offset());
                acked.add(p);
                p.where = m.topic() + "/" + m.partition() + "@" + m.offset();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RetriableException) {
                    // The broker is away: leave the file where it is and try again on the next scan.
                    progress.accept("watch: " + p.name + " not sent yet, will retry: " + e.getCause().getMessage());
                } else {
                    fail(p.file, "not sent: " + e.getCause().getMessage());
                }
            }
        }
        // The acks are on disk before any file moves: a crash from here on neither re-sends nor skips.
        journal.sync();
        for (Pending p : acked) {
            move(p.file, processed);
            journal.recordDone(p.name, p.sha);
            sent++;
            progress.accept("watch: sent " + p.name + " -> " + p.where + " (" + line() + ")");
        }
        journal.sync();
    }

    private static final class Pending {
        final Path file;
        final String name;
        final String sha;
        final Future<RecordMetadata> future;
        String where;

        Pending(Path file, String name, String sha, Future<RecordMetadata> future) {
            this.file = file;
            this.name = name;
            this.sha = sha;
            this.future = future;
        }
    }

    /** Regular files in the folder that look complete and kept their size and time for the settle period. */
    private List<Path> readyFiles() throws IOException {
        long now = System.nanoTime();
        List<Path> ready = new ArrayList<>();
        Map<String, Seen> still = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (inProgress(name)) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    continue; // gone between the listing and now
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                Seen before = seen.get(name);
                if (before != null && before.size == a.size() && before.modifiedNanos == modified) {
                    still.put(name, before);
                    if (now - before.sinceNanos >= settings.settle().toNanos()) {
                        ready.add(f);
                    }
                } else {
                    still.put(name, new Seen(a.size(), modified, now));
                }
            }
        }
        seen.clear();
        seen.putAll(still);
        ready.sort(null);
        return ready;
    }

    /** Names an upload is still writing: hidden files (FTP servers' temporary names) and known suffixes. */
    static boolean inProgress(String name) {
        if (name.startsWith(".") || name.startsWith("~")) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return IN_PROGRESS.stream().anyMatch(lower::endsWith);
    }

    private void fail(Path f, String reason) throws IOException {
        Path target = move(f, failed);
        Files.writeString(target.resolveSibling(target.getFileName() + ".reason"), reason + "\n", StandardCharsets.UTF_8);
        failedCount++;
        problems.add(f.getFileName() + ": " + reason);
        progress.accept("watch: failed " + f.getFileName() + ": " + reason + " (" + line() + ")");
    }

    /** Moves a file into {@code to}, under a new name ({@code name~2.ext}) when one of that name is there. */
    private static Path move(Path f, Path to) throws IOException {
        String name = f.getFileName().toString();
        Path target = to.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = to.resolve(stem + "~" + n + ext);
        }
        return Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String line() {
        return "sent " + sent + ", failed " + failedCount + ", skipped " + skipped;
    }

    /** What was done so far: sent, failed (moved to failed/), skipped (sent before a restart, moved now). */
    public synchronized FileIngest.Summary summary() {
        return new FileIngest.Summary(sent, failedCount, skipped, List.copyOf(problems));
    }

    public Path directory() {
        return dir;
    }

    /** Stops {@link #run} after the scan in progress, then releases the folder. */
    @Override
    public void close() {
        closing = true;
        closeRequested.countDown();
        try {
            if (watcher != null) {
                watcher.close();
            }
            if (running) {
                stopped.await(60, TimeUnit.SECONDS);
            }
            // Both a shutdown hook and the thread that ran the folder may close it: the journal closes once.
            synchronized (journal) {
                if (!journalClosed) {
                    journalClosed = true;
                    journal.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal of " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
