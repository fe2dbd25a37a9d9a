package io.wiretag.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WiretagConfigTest {
    @TempDir
    Path dir;

    @Test
    void withNoClusterConfiguredWiretagRunsItsOwnBroker() {
        WiretagConfig c = WiretagConfig.defaultsOnly();
        assertTrue(c.embedded());
        assertEquals("exactly_once_v2", c.get(WiretagConfig.PROCESSING_GUARANTEE));
        assertEquals("news.raw", c.get(WiretagConfig.TOPIC_RAW));
        assertEquals("127.0.0.1", c.get(WiretagConfig.HTTP_BIND));
    }

    @Test
    void fileOverridesDefaultsEnvironmentOverridesFileFlagsOverrideAll() throws IOException {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "wiretag.data.dir=from-file\nwiretag.topic.partitions=6\napplication.id=from-file\n");
        WiretagConfig c = WiretagConfig.load(file,
                Map.of("WIRETAG_TOPIC_PARTITIONS", "8", "WIRETAG_APPLICATION_ID", "from-env", "HOME", "/x"),
                Map.of("application.id", "from-flag"));
        assertEquals("from-file", c.get(WiretagConfig.DATA_DIR));
        assertEquals(8, c.getInt(WiretagConfig.PARTITIONS));
        assertEquals("from-flag", c.get(WiretagConfig.APPLICATION_ID));
    }

    @Test
    void environmentNamesMapToKeys() {
        assertEquals("WIRETAG_DATA_DIR", WiretagConfig.envName("wiretag.data.dir"));
        assertEquals("WIRETAG_BOOTSTRAP_SERVERS", WiretagConfig.envName("bootstrap.servers"));
        assertEquals("WIRETAG_TOPIC_TOPIC_PREFIX", WiretagConfig.envName("wiretag.topic.topic-prefix"));
        assertEquals("wiretag.topic.topic-prefix", WiretagConfig.keyForEnv("WIRETAG_TOPIC_TOPIC_PREFIX"));
        assertEquals("bootstrap.servers", WiretagConfig.keyForEnv("WIRETAG_BOOTSTRAP_SERVERS"));
        assertEquals("kafka.security.protocol", WiretagConfig.keyForEnv("WIRETAG_KAFKA_SECURITY_PROTOCOL"));
    }

    @Test
    void kafkaPrefixedSettingsReachEveryClientWithoutThePrefix() {
        WiretagConfig c = WiretagConfig.defaultsOnly().with("kafka.security.protocol", "SASL_SSL")
                .with(WiretagConfig.BOOTSTRAP_SERVERS, "k1:9092");
        assertFalse(c.embedded());
        assertEquals(Map.of("security.protocol", "SASL_SSL", "bootstrap.servers", "k1:9092"), c.kafkaClientSettings());
    }

    @Test
    void aMissingConfigFileGivenByNameIsAnError() {
        Exception e = assertThrows(RuntimeException.class, () -> WiretagConfig.load(dir.resolve("nope.properties"), Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith("cannot read config file"), e.getMessage());
    }

    @Test
    void aNonNumberWhereANumberBelongsSaysWhichKey() {
        WiretagConfig c = WiretagConfig.defaultsOnly().with(WiretagConfig.PARTITIONS, "four");
        Exception e = assertThrows(IllegalArgumentException.class, () -> c.getInt(WiretagConfig.PARTITIONS));
        assertEquals("config wiretag.topic.partitions must be a whole number, not 'four'", e.getMessage());
    }

    @Test
    void theShippedFileNamesOnlyKnownKeysWithTheirDefaultValues() throws IOException {
        WiretagConfig shipped = WiretagConfig.load(Path.of("config/wiretag.properties"), Map.of(), Map.of());
        assertEquals(WiretagConfig.defaultsOnly().asMap(), shipped.asMap());
    }

    @Test
    void aTopicPrefixGoesInFrontOfEveryTopicNameAndNothingElse() {
        WiretagConfig c = WiretagConfig.defaultsOnly().withTopicPrefix("run1.");
        assertEquals("run1.news.raw", c.get(WiretagConfig.TOPIC_RAW));
        assertEquals("run1.news.topic.", c.get(WiretagConfig.TOPIC_PREFIX));
        assertEquals("run1.news.dlq.replayed", c.get(WiretagConfig.TOPIC_DLQ_REPLAYED));
        long changed = WiretagConfig.defaultsOnly().asMap().entrySet().stream()
                .filter(e -> !e.getValue().equals(c.get(e.getKey()))).count();
        assertEquals(9, changed, "the nine topic names, no other setting");
    }
}
