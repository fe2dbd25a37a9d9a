package io.wiretag.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends files and directories (recursively, hidden files skipped, in name order) to {@code news.raw},
 * reporting progress, and says at the end what was sent, what failed and what was skipped. The NITF rendition
 * of an AP Media API item listed too follows its item, marked as its rendition (see {@link RenditionFiles}).
 */
public final class FileIngest {
    /** The default limit on one file: no wire story is larger. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    /** Files larger than this are skipped with a reason: no wire story is this large. */
    private final long maxBytes;
    private final RawSender sender;
    private final String provider;
    private final String formatHint;

    public FileIngest(RawSender sender, String provider, String formatHint, long maxBytes) {
        this.sender = sender;
        this.provider = provider;
        this.formatHint = formatHint;
        this.maxBytes = maxBytes;
    }

    /** The tally of one run. */
    public record Summary(int sent, int failed, int skipped, List<String> problems) {
        public String line() {
            return "sent " + sent + ", failed " + failed + ", skipped " + skipped;
        }
    }

    /** Every regular, non-hidden file under the given paths, directories walked recursively, in name order. */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !isHidden(p, f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read directory " + p + ": " + e.getMessage(), e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** The feed a file belongs to: the folder it was delivered into. Files of one folder keep their order. */
    public static String feedOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? null : parent.toString();
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    public Summary send(List<Path> files, Consumer<String> progress) {
        int sent = 0;
        int failed = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        List<Future<RecordMetadata>> pending = new ArrayList<>();
        List<Path> pendingFiles = new ArrayList<>();
        long start = System.nanoTime();
        long lastReport = start;
        for (RenditionFiles.Entry e : RenditionFiles.pair(files)) {
            Path f = e.file();
            try {
                long size = Files.size(f);
                if (size > maxBytes) {
                    skipped++;
                    problems.add(f + ": skipped, " + size + " bytes is over the limit of " + maxBytes);
                    continue;
                }
                // A rendition lies beside its item, so both have the item's feed key and keep their order.
                pending.add(sender.send(Files.readAllBytes(f), provider, f.toString(), feedOf(f), formatHint, Instant.now(), e.renditionOf()));
                pendingFiles.add(f);
            } catch (IOException ex) {
                failed++;
                problems.add(f + ": cannot read: " + ex.getMessage());
            }
            long now = System.nanoTime();
            if (now - lastReport > 1_000_000_000L) {
                lastReport = now;
                progress.accept(String.format("ingest: %d/%d files (%.0f/s)", pending.size() + failed + skipped, files.size(),
                        (pending.size() + failed + skipped) / ((now - start) / 1e9)));
            }
        }
        sender.flush();
        for (int i = 0; i < pending.size(); i++) {
            try {
                pending.get(i).get();
                sent++;
            } catch (ExecutionException e) {
                failed++;
                problems.add(pendingFiles.get(i) + ": not sent: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            }
        }
        return new Summary(sent, failed, skipped, problems);
    }
}
