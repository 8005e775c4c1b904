package dev.agentbroker.broker.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigLoader;

/** The {@code --config}, {@code --port} and {@code --data-dir} options shared by the commands that read the configuration. */
final class ConfigOptions {
    static final Command.Option CONFIG = new Command.Option("config", "FILE",
            "YAML configuration file (default: embedded quickstart)");
    static final Command.Option PORT = new Command.Option("port", "N",
            "listen on port N instead of server.port (0 = any free port)");
    static final Command.Option DATA_DIR = new Command.Option("data-dir", "DIR",
            "keep keys, audit log and state in DIR instead of data-dir");

    private ConfigOptions() {
    }

    /** {@link #load}, or empty after printing the invalid key to the terminal (the command then exits 2). */
    static Optional<BrokerConfig> loadOrReport(Arguments arguments, Terminal terminal) {
        try {
            return Optional.of(load(arguments));
        } catch (ConfigException e) {
            terminal.err().println("error: invalid configuration: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The configuration named by {@code --config} (or the embedded one) with {@code --port} and {@code --data-dir} applied. */
    static BrokerConfig load(Arguments arguments) {
        ConfigLoader loader = new ConfigLoader();
        BrokerConfig config = arguments.value("config").map(Path::of).map(loader::load).orElseGet(loader::loadEmbedded);
        Integer port = arguments.integer("port", 0, 65535).orElse(null);
        if (port != null) {
            config = config.withPort(port);
        }
        String dataDir = arguments.value("data-dir").orElse(null);
        if (dataDir != null) {
            config = config.withDataDir(Path.of(dataDir));
        }
        return config;
    }
}
