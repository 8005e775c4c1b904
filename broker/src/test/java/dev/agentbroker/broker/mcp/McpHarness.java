package dev.agentbroker.broker.mcp;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.http.BrokerServer;
import dev.agentbroker.broker.observability.MetricsRegistry;

/**
 * A broker serving only the MCP feature on a real loopback socket, built from a YAML snippet
 * of the {@code mcp} section, with {@link McpTokens}, the {@link ScopeGate} and an
 * {@link AuditRecorder}.
 */
final class McpHarness implements AutoCloseable {
    final McpTokens tokens = new McpTokens();
    final AuditRecorder audit = new AuditRecorder();
    final McpFeature feature;
    private final BrokerServer server;

    McpHarness(String mcpYaml, Path dataDir, Map<String, String> environment) {
        BrokerConfig config = new ConfigLoader().parse("test", "server:\n  port: 0\n  shutdown-grace: 1s\n" + mcpYaml);
        AtomicReference<URI> base = new AtomicReference<>();
        var registry = MetricsRegistry.create();
        feature = McpFeature.create(config.mcp(), dataDir, tokens, new ScopeGate(), audit, null, null, base::get, environment,
                registry);
        server = BrokerServer.start(config.server(), registry, List.of(), feature.services());
        base.set(server.baseUrl());
        feature.start();
    }

    URI base() {
        return server.baseUrl();
    }

    URI url(String path) {
        return URI.create(base() + path);
    }

    /** A token for {@code <base>/mcp} with the given scopes. */
    String token(String... scopes) {
        return tokens.issue("alice", base() + "/mcp", scopes);
    }

    McpTestClient client(String path, String token) {
        return new McpTestClient(url(path), token);
    }

    @Override
    public void close() {
        server.stop();
        feature.close();
    }
}
