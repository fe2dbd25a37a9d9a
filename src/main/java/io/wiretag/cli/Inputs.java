package io.wiretag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.ParseException;
import java.io.IOException;
import java.util.List;

/** Checks of file arguments shared by the commands that read files. */
final class Inputs {
    private Inputs() {
    }

    /** The paths that exist; each missing one is reported in one line. */
    static List<Path> existing(List<Path> paths, PrintWriter err) {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("wiretag: no such file or directory: " + p);
            }
        }
        return paths.stream().filter(Files::exists).toList();
    }

    /**
     * The limit on one input, {@code wiretag.max.input.bytes}, from the configuration every command reads
     * ({@code WIRETAG_CONFIG} or {@code config/wiretag.properties}, and {@code WIRETAG_*} variables), with
     * the command's own {@code -D} settings over it.
     */
    static int maxInputBytes(Map<String, String> settings) {
        String envFile = System.getenv("WIRETAG_CONFIG");
        Path file = envFile != null && !envFile.isBlank() ? Path.of(envFile) : null;
        return WiretagConfig.load(file, System.getenv(), settings).getInt(WiretagConfig.MAX_INPUT_BYTES);
    }

    /** A file's bytes, refused without reading it when it is larger than {@code maxBytes}. */
    static byte[] read(Path file, int maxBytes) throws IOException, ParseException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new ParseException("input is " + size + " bytes, over the limit of " + maxBytes + " bytes (wiretag.max.input.bytes)");
        }
        return Files.readAllBytes(file);
    }

    /** Standard input, refused when it is larger than {@code maxBytes} (reading stops one byte past it). */
    static byte[] readStdin(int maxBytes) throws IOException, ParseException {
        byte[] bytes = System.in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new ParseException("standard input is over the limit of " + maxBytes + " bytes (wiretag.max.input.bytes)");
        }
        return bytes;
    }

    static boolean missing(List<Path> paths) {
        return paths.stream().anyMatch(p -> !Files.exists(p));
    }
}
