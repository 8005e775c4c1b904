package dev.agentbroker.broker.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/broker}: dispatches to a sub-command and maps failures to exit statuses
 * (0 success, 1 runtime failure, 2 wrong usage or invalid configuration).
 */
public final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final Terminal terminal;
    private final List<Command> commands;

    public Cli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.terminal = new Terminal(out, err, environment);
        this.commands = List.of(new StartCommand(), new DemoCommand(), new TokenCommand(), new KeysCommand(),
                new PolicyCommand(), new AuditCommand(), new TraceCommand(), new ToolsCommand(), new VersionCommand());
    }

    public int run(String... args) {
        if (args.length == 0 || isHelp(args[0]) || args[0].equals("help") && args.length == 1) {
            terminal.out().print(overview());
            return OK;
        }
        if (args[0].equals("--version")) {
            return new VersionCommand().run(Arguments.parse(List.of(), List.of()), terminal);
        }
        String name = args[0].equals("help") ? args[1] : args[0];
        Optional<Command> command = commands.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            terminal.err().println("error: unknown command '" + name + "'");
            terminal.err().print(overview());
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (args[0].equals("help") || rest.stream().anyMatch(Cli::isHelp)) {
            terminal.out().print(help(command.get()));
            return OK;
        }
        try {
            return command.get().run(Arguments.parse(rest, command.get().options()), terminal);
        } catch (UsageException e) {
            terminal.err().println("error: " + e.getMessage());
            terminal.err().print(help(command.get()));
            return USAGE;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    String overview() {
        StringBuilder text = new StringBuilder();
        text.append("Agent Broker: delegated task tokens, Cedar policy at every model and tool call,\n")
                .append("and one tamper-evident trace per agent task.\n\n")
                .append("Usage: bin/broker <command> [options]\n\nCommands:\n");
        int width = commands.stream().mapToInt(c -> c.synopsis().length()).max().orElse(0) + 2;
        String row = "  %-" + width + "s%s%n";
        for (Command command : commands) {
            text.append(String.format(row, command.synopsis(), command.summary()));
        }
        text.append(String.format(row, "help COMMAND", "Show the options of one command"));
        text.append("\nRun 'bin/broker COMMAND --help' for details. Docs: docs/README.md\n");
        return text.toString();
    }

    static String help(Command command) {
        StringBuilder text = new StringBuilder();
        text.append("Usage: bin/broker ").append(command.synopsis()).append("\n\n")
                .append(command.summary()).append('\n');
        if (!command.options().isEmpty()) {
            text.append("\nOptions:\n");
            for (Command.Option option : command.options()) {
                String left = "--" + option.name() + (option.takesValue() ? " " + option.valueName() : "");
                text.append(String.format("  %-22s %s%n", left, option.description()));
            }
        }
        return text.toString();
    }
}
