package org.bothy.localstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bothy} command line: run the local consortium, mint a development token, say what runs. */
@Command(name = "bothy", mixinStandardHelpOptions = true, version = "Bothy local stack 0.1.0",
        description = "Runs the Bothy consortium on one machine: real Kafka and PostgreSQL, every service, demo data.",
        subcommands = {UpCommand.class, TokenCommand.class, StatusCommand.class})
public final class Bothy implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bothy()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
