package dev.agentbroker.broker.mcp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.helidon.webserver.http.HttpService;
import jakarta.json.JsonObject;

import io.micrometer.core.instrument.MeterRegistry;

import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.policy.ToolAnnotations;
import dev.agentbroker.broker.policy.ToolDescriptor;
import dev.agentbroker.broker.policy.ToolGroups;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.mcp.frontend.StreamableHttpEndpoint;
import dev.agentbroker.mcp.gateway.McpGate;
import dev.agentbroker.mcp.gateway.McpGateway;
import dev.agentbroker.mcp.gateway.ToolPins;
import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * Builds the MCP gateway from the {@code mcp} section: upstream connections (secrets resolved
 * now, failing start-up with the key path), tool pins in {@code <data-dir>/mcp-tool-pins.json},
 * the Streamable HTTP front end, the {@code /mcp} routes and the tool-approval admin API.
 * Tools each upstream lists are fed to the policy {@link EntityStore}. Plain wiring code,
 * called once from {@code Broker.start}; {@link #close()} stops the upstreams.
 */
public final class McpFeature implements AutoCloseable {
    private static final Duration REAP_EVERY = Duration.ofSeconds(15);

    private final McpGateway gateway;
    private final StreamableHttpEndpoint endpoint;
    private final List<HttpService> services;
    private volatile boolean closed;

    private McpFeature(McpGateway gateway, StreamableHttpEndpoint endpoint, List<HttpService> services) {
        this.gateway = gateway;
        this.endpoint = endpoint;
        this.services = List.copyOf(services);
    }

    /**
     * The MCP feature, not yet connected (see {@link #start()}).
     *
     * @param dataDir     where the pin file and, by default, the fs sandbox root live
     * @param verifier    verifies task tokens for {@code <base>/mcp...} and {@code <base>/admin}
     * @param gate        decides every operation ({@link ScopeGate} or the Cedar gate); the caller
     *                    object it receives is the request's {@code VerifiedToken}
     * @param audit       where tool calls, listings and pin changes are recorded
     * @param entities    the policy entity store fed with each upstream's tools, or null
     * @param groups      tool groups for those descriptors, or null for none
     * @param baseUrl     the broker's public base URL (known once the server is bound)
     * @param environment where {@code env:NAME} secret references are looked up
     * @param registry    where each forwarded call's upstream part is timed
     */
    public static McpFeature create(McpConfig config, Path dataDir, TokenVerifier verifier, McpGate gate, AuditSink audit,
                                    EntityStore entities, ToolGroups groups, Supplier<URI> baseUrl,
                                    Map<String, String> environment, MeterRegistry registry) {
        Path sandboxRoot = config.sandboxRoot().map(dataDir::resolve).orElse(dataDir.resolve("sandbox"));
        List<McpGateway.UpstreamSpec> specs = new ArrayList<>();
        config.servers().values().forEach(server -> specs.add(new McpGateway.UpstreamSpec(
                Upstreams.create(server, config, sandboxRoot, environment), server.trust())));
        McpGateway gateway = new McpGateway(specs, ToolPins.open(pinFile(dataDir)), gate,
                new AuditingEventSink(audit, registry));
        if (entities != null) {
            feed(gateway, entities, groups == null ? new ToolGroups(Map.of()) : groups);
        }
        StreamableHttpEndpoint endpoint = new StreamableHttpEndpoint(gateway, config.sessionIdle(), config.maxSessions(),
                config.maxRequestBytes(), Duration.ofSeconds(15));
        List<HttpService> services = List.of(new McpService(endpoint, gateway, new BearerAuth(verifier), baseUrl, config),
                new ToolAdminService(gateway, verifier, baseUrl));
        return new McpFeature(gateway, endpoint, services);
    }

    /** The tool pin file the broker and {@code bin/broker tools} share. */
    public static Path pinFile(Path dataDir) {
        return dataDir.resolve("mcp-tool-pins.json");
    }

    private static void feed(McpGateway gateway, EntityStore entities, ToolGroups groups) {
        gateway.servers().forEach(entities::addServer);
        gateway.onToolsListed((server, tools) -> entities.setTools(server, descriptors(server, tools, groups)));
    }

    static List<ToolDescriptor> descriptors(String server, Map<String, JsonObject> tools, ToolGroups groups) {
        List<ToolDescriptor> out = new ArrayList<>();
        tools.forEach((name, tool) -> out.add(new ToolDescriptor(server, name,
                ToolAnnotations.fromJson(JsonRpc.object(tool, "annotations")), groups.groupsOf(server, name))));
        return out;
    }

    /** The routes: {@code /mcp}, {@code /mcp/{server}}, their metadata, and the admin API. */
    public List<HttpService> services() {
        return services;
    }

    public McpGateway gateway() {
        return gateway;
    }

    /** Connects every upstream in the background and starts ending idle sessions. */
    public void start() {
        gateway.start();
        Thread.ofVirtual().name("mcp-session-reaper").start(() -> {
            while (!closed) {
                try {
                    Thread.sleep(REAP_EVERY);
                } catch (InterruptedException e) {
                    return;
                }
                endpoint.expireIdleSessions();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        gateway.close();
    }
}
