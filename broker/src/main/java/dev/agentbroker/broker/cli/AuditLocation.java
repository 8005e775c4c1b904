package dev.agentbroker.broker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.agentbroker.broker.audit.CheckpointKeys;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigLoader;

/**
 * Where the audit commands look: a directory given on the command line, else
 * {@code audit.directory} of {@code --config} (default the embedded quickstart) under
 * {@code --data-dir} or the configured {@code data-dir}; the public key likewise from
 * {@code --public-key}, a sibling {@code audit-keys} directory, or {@code audit.key-directory}.
 */
record AuditLocation(Path directory, Path publicKey) {
    static final List<Command.Option> OPTIONS = List.of(
            new Command.Option("config", "FILE", "read audit.directory from this config (default: embedded quickstart)"),
            new Command.Option("data-dir", "DIR", "the broker's data directory (default: the config's data-dir)"));

    /** What an audit command does once it knows where the log is. */
    interface Action {
        int run(AuditLocation where) throws IOException;
    }

    /** Resolves the location and runs {@code action}, mapping a bad config to 2 and an I/O error to 1. */
    static int run(Arguments arguments, String explicitDir, Terminal terminal, Action action) {
        try {
            return action.run(of(arguments, explicitDir));
        } catch (ConfigException e) {
            terminal.err().println("error: invalid configuration: " + e.getMessage());
            return Cli.USAGE;
        } catch (IOException e) {
            terminal.err().println("error: " + e.getMessage());
            return Cli.FAILED;
        }
    }

    static AuditLocation of(Arguments arguments, String explicitDir) {
        ConfigLoader loader = new ConfigLoader();
        BrokerConfig config = arguments.value("config").map(f -> loader.load(Path.of(f))).orElseGet(loader::loadEmbedded);
        Path dataDir = arguments.value("data-dir").map(Path::of).orElse(config.dataDir());
        Path dir = explicitDir != null ? Path.of(explicitDir).toAbsolutePath().normalize() : config.audit().directoryUnder(dataDir);
        Path key = arguments.value("public-key").map(Path::of).orElseGet(() -> explicitDir != null && dir.getParent() != null
                ? dir.getParent().resolve("audit-keys").resolve(CheckpointKeys.PUBLIC_FILE)
                : config.audit().keyDirectoryUnder(dataDir).resolve(CheckpointKeys.PUBLIC_FILE));
        return new AuditLocation(dir, key);
    }
}
