package io.wiretag.cli;

import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomyValidator;
import java.nio.file.Path;
import java.util.List;

/** The problems `taxonomy check` reports for a taxonomy directory: the validator's, or why it does not load. */
final class TaxonomyChecks {
    private TaxonomyChecks() {
    }

    static List<String> problems(Path dir) {
        List<String> problems = TaxonomyValidator.check(dir);
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            Taxonomy.load(dir);
            return List.of();
        } catch (RuntimeException e) {
            return List.of(e.getMessage());
        }
    }
}
