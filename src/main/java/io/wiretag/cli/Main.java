package io.wiretag.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the one executable jar: {@code java -jar wiretag.jar COMMAND ...}. */
@Command(name = "wiretag", mixinStandardHelpOptions = true, version = "wiretag 0.1.0",
        description = "Kafka Streams pipeline that normalises wire stories, tags them by entity and topic, and routes them.",
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, ParseCommand.class,
                TagCommand.class, TailCommand.class, TaxonomyCommand.class, DlqCommand.class, BenchCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        runCommonPoolTasksOnTheCaller();
        System.exit(commandLine().execute(args));
    }

    /** The JVM property that sets the parallelism of {@code ForkJoinPool.commonPool()}. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /**
     * Unless the user set it, gives the common fork-join pool no threads of its own, so that a task handed to it
     * and then waited for runs on the thread that waits. Language detection (Lingua) hands each text's n-gram
     * sums to the common pool and waits for them: on the stream thread that detects, the hand-off woke a pool
     * thread per story, which cost ~30 µs of CPU a story here (more than the detection it replaced, in all).
     * wiretag hands the common pool nothing it does not wait for, and {@code CompletableFuture}'s async methods
     * without an executor get a thread each, as on any machine of two cores; a task handed to the pool and never
     * waited for would never run (Kafka's broker does that only for tiered storage's index cache). Must run
     * before anything touches the pool: first thing in {@link #main}.
     */
    static void runCommonPoolTasksOnTheCaller() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, "0");
        }
    }

    /** The command line with wiretag's error handling: bad arguments in one line and exit 2, failures in one line and exit 1. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
            return 1;
        });
        return cli;
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
