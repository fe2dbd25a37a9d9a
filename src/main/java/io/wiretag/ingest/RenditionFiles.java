package io.wiretag.ingest;

import io.wiretag.formats.apmedia.ApRendition;
import io.wiretag.formats.apmedia.ApRendition.NitfRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the NITF rendition delivered beside an AP Media API item file (same folder, one of the names
 * {@link ApRendition#namesBeside} lists): the one rule {@link FileIngest}, {@link HotFolder} and {@code parse} follow.
 */
public final class RenditionFiles {
    /** Item files larger than this are not read for a rendition: no AP item's metadata is this large. */
    private static final long MAX_ITEM_BYTES = FileIngest.DEFAULT_MAX_BYTES;

    private RenditionFiles() {
    }

    /**
     * A file to send or parse. {@code renditionOf} is the AP item id when the file is that item's NITF
     * rendition (it then directly follows its item); {@code unpaired} is set for an item whose NITF rendition
     * is not among the files (its names tell a later delivery apart).
     */
    public record Entry(Path file, String renditionOf, NitfRef unpaired) {
    }

    /** What the file says about its NITF rendition, when it is an AP Media API item that names one. */
    public static Optional<NitfRef> itemRef(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_ITEM_BYTES || !startsLikeJson(file)) {
                return Optional.empty();
            }
            return ApRendition.nitfOf(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty(); // unreadable: the sender reports it when it reads the file itself
        }
    }

    /** The item's NITF rendition beside it: the first of its names that is a regular file in the item's folder. */
    public static Optional<Path> beside(Path itemFile, NitfRef ref) {
        Path dir = itemFile.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        for (String name : ApRendition.namesBeside(itemFile.getFileName().toString(), ref)) {
            Path candidate = itemFile.resolveSibling(name);
            if (Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The files in their order, but each NITF rendition of an item also listed moves to just after its item
     * and is marked with the item id. A rendition claimed by two items follows the first.
     */
    public static List<Entry> pair(List<Path> files) {
        Map<Path, Path> listed = new HashMap<>();
        for (Path f : files) {
            listed.putIfAbsent(key(f), f);
        }
        Map<Path, Path> renditionOfItem = new HashMap<>();
        Map<Path, String> itemIdOf = new HashMap<>();
        Map<Path, NitfRef> unpaired = new HashMap<>();
        Set<Path> claimed = new HashSet<>();
        for (Path f : files) {
            if (claimed.contains(key(f))) {
                continue;
            }
            Optional<NitfRef> ref = itemRef(f);
            if (ref.isEmpty()) {
                continue;
            }
            Optional<Path> r = beside(f, ref.get()).map(RenditionFiles::key)
                    .filter(k -> listed.containsKey(k) && !claimed.contains(k) && !k.equals(key(f)));
            if (r.isPresent()) {
                claimed.add(r.get());
                renditionOfItem.put(key(f), listed.get(r.get()));
                itemIdOf.put(key(f), ref.get().itemId());
            } else {
                unpaired.put(key(f), ref.get());
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            Path k = key(f);
            if (claimed.contains(k)) {
                continue;
            }
            out.add(new Entry(f, null, unpaired.get(k)));
            // An item listed twice brings its rendition once.
            Path rendition = renditionOfItem.remove(k);
            if (rendition != null) {
                out.add(new Entry(rendition, itemIdOf.get(k), null));
            }
        }
        return out;
    }

    private static Path key(Path f) {
        return f.toAbsolutePath().normalize();
    }

    /** A cheap look at the first bytes, so that only JSON files are read whole. */
    private static boolean startsLikeJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            for (byte b : head) {
                if (b == '{') {
                    return true;
                }
                // white space and a UTF-8 byte order mark may come first
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                    return false;
                }
            }
            return false;
        }
    }
}
