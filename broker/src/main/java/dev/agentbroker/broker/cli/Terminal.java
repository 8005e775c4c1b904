package dev.agentbroker.broker.cli;

import java.io.PrintStream;
import java.util.Map;

/** Where a command writes and what environment it sees; passed in so tests capture output. */
record Terminal(PrintStream out, PrintStream err, Map<String, String> environment) {
}
