package dev.agentbroker.broker.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.token.TokensFeature;
import dev.agentbroker.broker.token.keys.SigningKeys;

/**
 * {@code bin/broker keys rotate}: publishes a new task-token signing key in the data dir. The
 * previous key stays in the JWKS (and verifies) until every token it signed has expired; a
 * running broker picks the new key up within a second.
 */
final class KeysCommand implements Command {
    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String synopsis() {
        return "keys rotate [--data-dir DIR] [--config FILE]";
    }

    @Override
    public String summary() {
        return "Rotate the task-token signing key (old key stays published until its tokens expire)";
    }

    @Override
    public List<Option> options() {
        return List.of(ConfigOptions.DATA_DIR, ConfigOptions.CONFIG);
    }

    @Override
    public int run(Arguments arguments, Terminal terminal) {
        if (!arguments.positional().equals(List.of("rotate"))) {
            throw new UsageException("keys needs exactly one sub-command: rotate");
        }
        Optional<BrokerConfig> loaded = ConfigOptions.loadOrReport(arguments, terminal);
        if (loaded.isEmpty()) {
            return Cli.USAGE;
        }
        BrokerConfig config = loaded.get();
        if (config.identity().tokens().keys().isPresent()) {
            terminal.err().println("error: tokens.keys is set: the signing keys come from the configuration; "
                    + "rotate them there");
            return Cli.USAGE;
        }
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        Duration retention = TokensFeature.keyRetention(config.identity());
        String kid = SigningKeys.rotate(dataDir, retention, Clock.systemUTC());
        terminal.out().println("New signing key " + kid + " in " + dataDir.resolve("keys"));
        terminal.out().println("The previous key stays published for " + retention.toSeconds()
                + " s, until the tokens it signed have expired.");
        return Cli.OK;
    }
}
