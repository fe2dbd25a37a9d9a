package io.wiretag.cli;

import io.wiretag.tagging.Taxonomy;
import java.nio.file.Path;
import java.util.List;

/** The problems `taxonomy check` reports for a taxonomy directory. */
final class TaxonomyChecks {
    private TaxonomyChecks() {
    }

    static List<String> problems(Path dir) {
        try {
            Taxonomy.load(dir);
            return List.of();
        } catch (RuntimeException e) {
            return List.of(e.getMessage());
        }
    }
}
