package io.wiretag.cli;

import io.wiretag.config.WiretagConfig;
import io.wiretag.pipeline.Pipeline;
import io.wiretag.serve.AppServer;
import io.wiretag.tagging.Taxonomy;
import io.wiretag.tagging.TaxonomySource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code run}: the pipeline against the configured cluster, until stopped; exit 1 if it fails. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline against the configured cluster (bootstrap.servers),",
                "or against an embedded broker when none is configured. Stops cleanly on Ctrl-C / SIGTERM."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    @SuppressWarnings("try") // the shutdown hook closes the server and the pipeline from its own thread on Ctrl-C
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        WiretagConfig c = config.load();
        Taxonomy taxonomy = Taxonomy.load(TaxonomySource.resolve(c.path(WiretagConfig.TAXONOMY_DIR)));
        try (Cluster cluster = Cluster.connect(c, true);
             Pipeline pipeline = Pipeline.start(c, cluster.bootstrapServers(), taxonomy);
             AppServer http = AppServer.start(c, cluster.clientSettings(), pipeline.streams())) {
            out.println("wiretag: pipeline " + pipeline.applicationId() + " running against " + cluster.bootstrapServers()
                    + "; HTTP on http://" + http.address());
            out.flush();
            Throwable failure = Cluster.serveUntilStopped(http, pipeline, cluster);
            if (failure != null) {
                spec.commandLine().getErr().println("wiretag: pipeline failed: " + failure);
                return 1;
            }
            return 0;
        }
    }
}
