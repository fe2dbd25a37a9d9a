package io.wiretag.tagging;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * STUB, to be replaced by the tagging engine: entities and topic rules, loaded from {@code config/taxonomy}
 * or from the records of {@code news.taxonomy}.
 */
public final class Taxonomy {
    private final Map<String, byte[]> records;

    private Taxonomy(Map<String, byte[]> records) {
        this.records = Map.copyOf(records);
    }

    public static Taxonomy load(Path dir) {
        return new Taxonomy(Map.of());
    }

    /** Builds a taxonomy from the live records of {@code news.taxonomy}: key to definition JSON. */
    public static Taxonomy fromRecords(Map<String, byte[]> records) {
        return new Taxonomy(records);
    }

    /** The records to publish to {@code news.taxonomy}: key (entity or topic id) to definition JSON. */
    public Map<String, byte[]> toRecords() {
        return records;
    }

    /** The ids of the topics this taxonomy defines, e.g. {@code ukraine-war}. */
    public Set<String> topicIds() {
        return Set.of();
    }

    /** A short stable fingerprint of the content, named in every TaggedStory. */
    public String version() {
        return "stub";
    }
}
