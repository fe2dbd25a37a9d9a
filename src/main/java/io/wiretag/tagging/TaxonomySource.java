package io.wiretag.tagging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the taxonomy files are read from: the directory given, or, when that is the default
 * {@code config/taxonomy} and it is not there (the jar run from another folder), the copy of it bundled in
 * the jar, so every command works out of the box.
 */
public final class TaxonomySource {
    public static final Path DEFAULT = Path.of("config/taxonomy");
    private static final String BUNDLED = "/taxonomy";

    private TaxonomySource() {
    }

    /** The directory to read: {@code dir} itself, unless it is the default and absent. */
    public static Path resolve(Path dir) {
        if (Files.isDirectory(dir) || !dir.normalize().equals(DEFAULT)) {
            return dir;
        }
        Path bundled = bundled();
        return bundled != null ? bundled : dir;
    }

    /** The taxonomy the jar was built with, or null when the classpath has none. */
    public static Path bundled() {
        URL url = TaxonomySource.class.getResource(BUNDLED);
        if (url == null) {
            return null;
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath(BUNDLED);
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open the taxonomy bundled in the jar: " + e.getMessage(), e));
        }
    }
}
