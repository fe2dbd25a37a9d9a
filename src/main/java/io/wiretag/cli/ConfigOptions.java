package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command that talks to Kafka shares: a config file, single settings, the cluster. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: config/wiretag.properties when present).")
    Path file;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE", description = "One setting, over the file and the environment.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "An external Kafka cluster; without it wiretag starts its own broker.")
    String bootstrapServers;

    WiretagConfig load() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (bootstrapServers != null) {
            overrides.put(WiretagConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        String envFile = System.getenv("WIRETAG_CONFIG");
        Path f = file != null ? file : envFile != null && !envFile.isBlank() ? Path.of(envFile) : null;
        return WiretagConfig.load(f, System.getenv(), overrides);
    }
}
