package io.wiretag.it;

import io.wiretag.config.WiretagConfig;
import io.wiretag.kafka.Ports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code wiretag run} in a child JVM against a test's broker: an instance that can be killed as a power cut
 * would kill it ({@code destroyForcibly}), which an instance inside the test's own JVM cannot be.
 */
final class ChildApp {
    private ChildApp() {
    }

    /** Starts an instance; returns once it says it is running. {@code settings} are more {@code -D} keys. */
    static Process start(Path log, String bootstrap, String app, Path dataDir, Map<String, String> settings)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.wiretag.cli.Main", "run",
                "--bootstrap-servers", bootstrap,
                "-D", WiretagConfig.APPLICATION_ID + "=" + app,
                "-D", WiretagConfig.DATA_DIR + "=" + dataDir,
                "-D", WiretagConfig.TAXONOMY_DIR + "=config/taxonomy",
                "-D", WiretagConfig.HTTP_PORT + "=" + Ports.free("127.0.0.1"),
                // A killed member is noticed after this long instead of 45 s, so the survivor takes over quickly.
                "-D", "kafka.consumer.session.timeout.ms=6000",
                "-D", "kafka.consumer.heartbeat.interval.ms=1000"));
        settings.forEach((k, v) -> {
            cmd.add("-D");
            cmd.add(k + "=" + v);
        });
        Process p = new ProcessBuilder(cmd).directory(new File(".")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(log).contains("pipeline " + app + " running")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("the app did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100); // polling the log for the start line, not waiting for a result
        }
        return p;
    }
}
