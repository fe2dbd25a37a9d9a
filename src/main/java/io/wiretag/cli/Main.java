package io.wiretag.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the one executable jar: {@code java -jar wiretag.jar COMMAND ...}. */
@Command(name = "wiretag", mixinStandardHelpOptions = true, version = "wiretag 0.1.0",
        description = "Kafka Streams pipeline that normalises wire stories, tags them by entity and topic, and routes them.",
        subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class, ParseCommand.class,
                TagCommand.class, TailCommand.class, TaxonomyCommand.class, DlqCommand.class, BenchCommand.class,
                EvalCommand.class, TopicEvalCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
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
