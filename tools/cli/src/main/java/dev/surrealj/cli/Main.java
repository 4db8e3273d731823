package dev.surrealj.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code surrealj} command line.
 *
 * <pre>{@code
 * surrealj server --port 8000        # the local SurrealDB engine, until Ctrl-C
 * surrealj demo                      # start the engine and walk through SurrealJ
 * }</pre>
 */
@Command(name = "surrealj", mixinStandardHelpOptions = true, version = "SurrealJ 0.1.0-SNAPSHOT",
        description = "SurrealJ: JDBC, jOOQ, ORM and Calcite tooling for SurrealDB.",
        subcommands = {ServerCommand.class, DemoCommand.class})
public final class Main {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
