package io.wiretag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.wiretag.config.WiretagConfig;
import io.wiretag.formats.ParseException;
import io.wiretag.tagging.Tagger;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomyException;
import io.wiretag.tagging.TaxonomySource;
import java.io.IOException;
import java.util.List;

/** Checks of file arguments shared by the commands that read files. */
final class Inputs {
    private Inputs() {
    }

    /** A command's tagger, or, when {@code tagger} is null, the exit code after one line on stderr. */
    record Compiled(Tagger tagger, int exit) {
    }

    /**
     * The taxonomy of {@code --taxonomy DIR} (resolved as every command resolves it) compiled: a missing
     * directory is a usage error (2), an invalid taxonomy a failure (1), each one line prefixed by the command.
     */
    static Compiled tagger(String command, Path dir, PrintWriter err) {
        Path d = TaxonomySource.resolve(dir);
        if (!Files.isDirectory(d)) {
            err.println(command + ": taxonomy directory " + d + " not found (use --taxonomy DIR)");
            return new Compiled(null, 2);
        }
        try {
            return new Compiled(Tagger.compile(Taxonomy.load(d)), 0);
        } catch (TaxonomyException e) {
            err.println(command + ": taxonomy " + d + ": " + e.getMessage());
            return new Compiled(null, 1);
        }
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
    /**
     * A UTF-8 text file within {@code wiretag.max.input.bytes}, or null when it cannot be read, which is then said
     * in one line on {@code err} ("eval: no such file: x").
     */
    static String readText(String command, Path file, Map<String, String> settings, java.io.PrintWriter err) {
        try {
            return new String(read(file, maxInputBytes(settings)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println(command + ": no such file: " + file);
        } catch (IOException e) {
            err.println(command + ": cannot read " + file + ": " + e.getMessage());
        } catch (ParseException e) {
            err.println(command + ": " + file + ": " + e.getMessage());
        }
        return null;
    }

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
