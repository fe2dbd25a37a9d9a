package io.wiretag.tagging;

import java.util.List;

/** The taxonomy cannot be used: the message names each file and what is wrong in it. */
public final class TaxonomyException extends RuntimeException {
    private final List<String> problems;

    public TaxonomyException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the taxonomy:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
