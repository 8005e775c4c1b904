package dev.agentbroker.broker;

import dev.agentbroker.broker.cli.Cli;

/** Entry point of {@code bin/broker}: runs one CLI command and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = new Cli(System.out, System.err, System.getenv()).run(args);
        System.exit(status);
    }
}
