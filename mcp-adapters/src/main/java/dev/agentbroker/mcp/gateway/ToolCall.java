package dev.agentbroker.mcp.gateway;

import java.util.Map;

import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * {@code tools/call} (MCP "Tools"): resolve the exposed name, refuse quarantined definitions,
 * ask the gate, forward with progress and server-to-client requests relayed. A denial is a
 * tool result with {@code isError: true} and a readable text, which agent frameworks show to
 * the model; protocol problems stay JSON-RPC errors.
 */
final class ToolCall {
    private final Request request;
    private final JsonObject params;

    ToolCall(Request request, JsonObject params) {
        this.request = request;
        this.params = params;
    }

    JsonObject run() {
        String exposed = Request.required(params, "name");
        if (params.containsKey("arguments") && !(params.get("arguments") instanceof JsonObject)) {
            throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "params.arguments must be an object");
        }
        JsonObject arguments = JsonRpc.object(params, "arguments");
        Request.Target target = resolve(exposed);
        if (!request.gateway.hasServer(target.server())) {
            return refuse(target, arguments, McpGate.Decision.deny("no such tool"));
        }
        ToolCatalog catalog = request.gateway.upstream(target.server()).catalog();
        JsonObject tool = catalog.tools().get(target.item());
        if (tool == null) {
            return refuse(target, arguments, unavailable(catalog, target));
        }
        McpGate.Decision decision = Gated.decide(request, McpGate.Action.CALL_TOOL, target.server(), target.item(),
                arguments, JsonRpc.object(tool, "annotations"));
        if (!decision.allowed()) {
            return refuse(target, arguments, decision);
        }
        RelayContext context = new RelayContext(request, target.server());
        JsonObject upstreamParams = context.mapProgressToken(JsonRpc.with(params, "name", target.item()));
        return Gated.forward(request, McpGate.Action.CALL_TOOL, target, "tools/call", upstreamParams, context);
    }

    private static McpGate.Decision unavailable(ToolCatalog catalog, Request.Target target) {
        PendingTool waiting = catalog.quarantined(target.item());
        if (waiting != null) {
            return McpGate.Decision.deny("the tool's definition is quarantined (" + waiting.reason()
                    + ") until an operator approves it");
        }
        return McpGate.Decision.deny("no such tool");
    }

    private JsonObject refuse(Request.Target target, JsonObject arguments, McpGate.Decision decision) {
        Gated.denied(request, McpGate.Action.CALL_TOOL, target, decision, arguments);
        return McpGateway.toolError(Gated.denialText(McpGate.Action.CALL_TOOL, target.exposed(), decision));
    }

    private Request.Target resolve(String exposed) {
        if (!request.aggregate()) {
            return new Request.Target(request.view, exposed, exposed);
        }
        String server = Names.serverOf(exposed);
        if (server == null || !request.gateway.hasServer(server) || !request.servers().contains(server)) {
            return new Request.Target(server == null ? "" : server, exposed, exposed);
        }
        for (Map.Entry<String, JsonObject> e : request.gateway.upstream(server).catalog().tools().entrySet()) {
            if (Names.namespaced(server, e.getKey()).equals(exposed)) {
                return new Request.Target(server, e.getKey(), exposed);
            }
        }
        return new Request.Target(server, exposed.substring(server.length() + 2), exposed);
    }
}
