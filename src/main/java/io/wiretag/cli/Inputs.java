package io.wiretag.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static boolean missing(List<Path> paths) {
        return paths.stream().anyMatch(p -> !Files.exists(p));
    }
}
