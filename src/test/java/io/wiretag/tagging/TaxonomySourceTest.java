package io.wiretag.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The jar carries the shipped taxonomy, so commands run away from config/ still tag as the project does. */
class TaxonomySourceTest {
    @Test
    void theBundledTaxonomyIsTheShippedOne() {
        Path bundled = TaxonomySource.bundled();
        assertNotNull(bundled, "the build puts config/taxonomy on the classpath as /taxonomy");
        assertEquals(Taxonomy.load(Path.of("config/taxonomy")).version(), Taxonomy.load(bundled).version());
    }

    @Test
    void aDirectoryThatExistsOrIsNotTheDefaultIsReadAsGiven() {
        assertEquals(Path.of("config/taxonomy"), TaxonomySource.resolve(Path.of("config/taxonomy")));
        assertEquals(Path.of("elsewhere/taxonomy"), TaxonomySource.resolve(Path.of("elsewhere/taxonomy")));
    }
}
