package dev.agentbroker.broker.cli;

import java.util.List;

/** One {@code bin/broker} sub-command. */
interface Command {
    /** The word that selects it, e.g. {@code start}. */
    String name();

    /** The synopsis shown by {@code --help}, e.g. {@code start [--config FILE]}. */
    String synopsis();

    /** One line on what it does. */
    String summary();

    /** The options it accepts, each as {@code --name} with its description. */
    List<Option> options();

    /** Runs with parsed options and positional arguments; returns the exit status. */
    int run(Arguments arguments, Terminal terminal);

    record Option(String name, String valueName, String description) {
        boolean takesValue() {
            return valueName != null;
        }
    }
}
