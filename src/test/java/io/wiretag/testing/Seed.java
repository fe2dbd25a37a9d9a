package io.wiretag.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed story, the first story wiretag was made for: from ../shared when present, else the copy the jar bundles for `demo`. */
public final class Seed {
    public static final Path SHARED = Path.of("../shared/seed/000_ae9ed5fd64935bf8.txt");
    public static final Path BUNDLED = Path.of("src/main/resources/samples/seed-trump-putin-2025-02-01.txt");

    private Seed() {
    }

    public static Path path() {
        return Files.exists(SHARED) ? SHARED : BUNDLED;
    }

    public static byte[] bytes() {
        try {
            return Files.readAllBytes(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
