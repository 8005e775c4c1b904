package dev.agentbroker.broker.cli;

import java.nio.file.Path;
import java.util.List;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.mcp.McpFeature;
import dev.agentbroker.mcp.gateway.PendingTool;
import dev.agentbroker.mcp.gateway.ToolPins;

/**
 * {@code bin/broker tools pending|approve}: lists the MCP tool definitions waiting for
 * approval (quarantined as changed, flagged or new on a require-approval server) and pins
 * them, working on the pin file in the data directory. A running broker notices the change at
 * its next listing, lists the tool again and audits {@code tool.approved}.
 */
final class ToolsCommand implements Command {
    @Override
    public String name() {
        return "tools";
    }

    @Override
    public String synopsis() {
        return "tools pending | approve SERVER [TOOL]";
    }

    @Override
    public String summary() {
        return "List quarantined MCP tool definitions, or approve (pin) them";
    }

    @Override
    public List<Option> options() {
        return List.of(new Option("config", "FILE", "take data-dir from this config (default: embedded quickstart)"),
                new Option("data-dir", "DIR", "the broker's data directory (overrides the config's)"));
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        List<String> args = arguments.positional();
        if (args.isEmpty()) {
            throw new UsageException("tools needs a sub-command: pending or approve");
        }
        ToolPins pins;
        try {
            pins = ToolPins.open(McpFeature.pinFile(dataDir(arguments)));
        } catch (ConfigException e) {
            terminal.err().println("error: invalid configuration: " + e.getMessage());
            return Cli.USAGE;
        } catch (RuntimeException e) {
            terminal.err().println("error: " + e.getMessage());
            return Cli.FAILED;
        }
        return switch (args.get(0)) {
            case "pending" -> pending(pins, args, terminal);
            case "approve" -> approve(pins, args, terminal);
            default -> throw new UsageException("unknown tools sub-command '" + args.get(0) + "'");
        };
    }

    private static int pending(ToolPins pins, List<String> args, Terminal terminal) {
        if (args.size() > 1) {
            throw new UsageException("unexpected argument '" + args.get(1) + "'");
        }
        List<PendingTool> waiting = pins.pending();
        if (waiting.isEmpty()) {
            terminal.out().println("no tool definitions are waiting for approval");
        }
        for (PendingTool p : waiting) {
            terminal.out().println(p.server() + "/" + p.tool() + "  " + p.reason()
                    + (p.flags().isEmpty() ? "" : "  flags: " + String.join(", ", p.flags())) + "  since " + p.since());
            terminal.out().println("    sha256 " + p.digest());
            terminal.out().println("    description: " + p.description().replaceAll("\\p{Cntrl}|\\p{Cf}", "?"));
        }
        return Cli.OK;
    }

    private static int approve(ToolPins pins, List<String> args, Terminal terminal) {
        if (args.size() < 2 || args.size() > 3) {
            throw new UsageException("approve needs SERVER and optionally TOOL");
        }
        List<PendingTool> approved = pins.approve(args.get(1), args.size() == 3 ? args.get(2) : null);
        if (approved.isEmpty()) {
            terminal.err().println("error: nothing of " + String.join("/", args.subList(1, args.size()))
                    + " is waiting for approval (see 'bin/broker tools pending')");
            return Cli.FAILED;
        }
        approved.forEach(p -> terminal.out().println("approved " + p.server() + "/" + p.tool() + " (sha256 " + p.digest() + ")"));
        return Cli.OK;
    }

    private static Path dataDir(Arguments arguments) {
        if (arguments.value("data-dir").isPresent()) {
            return Path.of(arguments.value("data-dir").get());
        }
        ConfigLoader loader = new ConfigLoader();
        BrokerConfig config = arguments.value("config").map(f -> loader.load(Path.of(f))).orElseGet(loader::loadEmbedded);
        return config.dataDir();
    }
}
