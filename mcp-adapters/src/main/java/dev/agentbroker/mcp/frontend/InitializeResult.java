package dev.agentbroker.mcp.frontend;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.agentbroker.mcp.gateway.McpGateway;
import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * The answer to {@code initialize} (MCP "Lifecycle"): for a single-server view the upstream's
 * own capabilities, server info and instructions (so the broker is invisible), with the
 * version negotiated with this client; for the aggregate the broker's federated capabilities.
 */
final class InitializeResult {
    private InitializeResult() {
    }

    static JsonObject build(McpGateway gateway, String view, String version) {
        JsonObject upstream = view == null ? null : gateway.upstreamInfo(view);
        if (upstream != null) {
            return JsonRpc.with(upstream, "protocolVersion", version);
        }
        JsonObjectBuilder capabilities = JSON.createObjectBuilder()
                .add("tools", JSON.createObjectBuilder().add("listChanged", true))
                .add("resources", JSON.createObjectBuilder().add("subscribe", true).add("listChanged", true))
                .add("prompts", JSON.createObjectBuilder().add("listChanged", true))
                .add("completions", JsonObject.EMPTY_JSON_OBJECT)
                .add("logging", JsonObject.EMPTY_JSON_OBJECT);
        return JSON.createObjectBuilder().add("protocolVersion", version).add("capabilities", capabilities)
                .add("serverInfo", JSON.createObjectBuilder().add("name", view == null ? "agent-broker" : "agent-broker/" + view)
                        .add("version", "0.1.0"))
                .add("instructions", "Tools of several MCP servers, named server__tool; access is governed by the broker.")
                .build();
    }
}
