package dev.agentbroker.broker.config;

import java.nio.file.Path;

/**
 * The whole broker configuration: immutable, parsed and validated once at start-up by
 * {@link ConfigLoader}. Sections are added here as features land; every key the code reads
 * is documented in docs/configuration.md.
 *
 * @param source  where the configuration came from (a file path or the embedded quickstart)
 * @param server  the HTTP listener
 * @param dataDir where keys, the audit log and other state live
 * @param logging log level and line format
 * @param policies the Cedar policy set, its reload and shadow candidate
 */
public record BrokerConfig(String source, ServerConfig server, Path dataDir, LoggingConfig logging,
                           PoliciesConfig policies) {

    static BrokerConfig read(String source, ConfigNode root) {
        if (!root.has("server")) {
            throw new ConfigException("server", "required section is missing (at least server.port)");
        }
        ServerConfig server = root.child("server").read(ServerConfig::read);
        Path dataDir = Path.of(root.string("data-dir", "data"));
        LoggingConfig logging = root.child("logging").read(LoggingConfig::read);
        PoliciesConfig policies = root.child("policies").read(PoliciesConfig::read);
        return new BrokerConfig(source, server, dataDir, logging, policies);
    }

    /** This configuration listening on {@code port} instead (0 picks a free port). */
    public BrokerConfig withPort(int port) {
        return new BrokerConfig(source, server.withPort(port), dataDir, logging, policies);
    }

    /** This configuration keeping its state in {@code dir} instead. */
    public BrokerConfig withDataDir(Path dir) {
        return new BrokerConfig(source, server, dir, logging, policies);
    }
}
