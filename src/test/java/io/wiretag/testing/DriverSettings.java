package io.wiretag.testing;

import io.wiretag.config.WiretagConfig;
import io.wiretag.pipeline.StreamsSettings;
import java.nio.file.Path;
import java.util.Properties;

/** The Streams settings a TopologyTestDriver test runs with: the app's own, with state kept in the test's folder. */
public final class DriverSettings {
    private DriverSettings() {
    }

    public static Properties of(String applicationId, Path stateDir) {
        WiretagConfig config = WiretagConfig.defaultsOnly()
                .with(WiretagConfig.APPLICATION_ID, applicationId)
                .with(WiretagConfig.DATA_DIR, stateDir.toString());
        return StreamsSettings.properties(config, "unused:9092");
    }
}
