package dev.agentbroker.broker.config;

import java.nio.file.Path;
import java.util.Map;

import dev.agentbroker.broker.audit.AuditConfig;
import dev.agentbroker.broker.mcp.McpConfig;
import dev.agentbroker.broker.models.ModelsConfig;
import dev.agentbroker.broker.models.ProviderConfig;
import dev.agentbroker.broker.token.IdentityConfig;

/**
 * The whole broker configuration: immutable, parsed and validated once at start-up by
 * {@link ConfigLoader}. Sections are added here as features land; every key the code reads
 * is documented in docs/configuration.md.
 *
 * @param source    where the configuration came from (a file path or the embedded quickstart)
 * @param server    the HTTP listener
 * @param dataDir   where keys, the audit log and other state live
 * @param logging   log level and line format
 * @param providers model providers by name (keys as secret references only)
 * @param models    model aliases, routing, retries, breaker and budgets
 * @param policies  the Cedar policy set, its reload and shadow candidate
 * @param identity  tokens, agents, trusted issuers and the development IdP
 * @param audit     the durable audit log: directories, checkpoints, rolling, group commit
 * @param mcp       the MCP gateway: upstream servers, sessions, limits
 */
public record BrokerConfig(String source, ServerConfig server, Path dataDir, LoggingConfig logging,
                           Map<String, ProviderConfig> providers, ModelsConfig models,
                           PoliciesConfig policies, IdentityConfig identity, AuditConfig audit, McpConfig mcp) {

    static BrokerConfig read(String source, ConfigNode root) {
        if (!root.has("server")) {
            throw new ConfigException("server", "required section is missing (at least server.port)");
        }
        ServerConfig server = root.child("server").read(ServerConfig::read);
        Path dataDir = Path.of(root.string("data-dir", "data"));
        LoggingConfig logging = root.child("logging").read(LoggingConfig::read);
        Map<String, ProviderConfig> providers = root.namedMap("providers", ProviderConfig::read);
        ModelsConfig models = root.child("models").read(ModelsConfig::read);
        models.checkProviders(providers);
        PoliciesConfig policies = root.child("policies").read(PoliciesConfig::read);
        IdentityConfig identity = IdentityConfig.read(root);
        if (identity.devIdp().enabled() && !isLoopback(server.host())) {
            throw new ConfigException("dev-idp.enabled", "the development IdP issues user tokens without a password: "
                    + "only allowed when server.host is a loopback address, got " + server.host());
        }
        AuditConfig audit = root.child("audit").read(AuditConfig::read);
        McpConfig mcp = root.child("mcp").read(McpConfig::read);
        return new BrokerConfig(source, server, dataDir, logging, providers, models, policies, identity, audit, mcp);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /** This configuration listening on {@code port} instead (0 picks a free port). */
    public BrokerConfig withPort(int port) {
        return new BrokerConfig(source, server.withPort(port), dataDir, logging, providers, models, policies, identity, audit, mcp);
    }

    /** This configuration keeping its state in {@code dir} instead. */
    public BrokerConfig withDataDir(Path dir) {
        return new BrokerConfig(source, server, dir, logging, providers, models, policies, identity, audit, mcp);
    }
}
