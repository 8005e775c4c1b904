package dev.agentbroker.mcp.gateway;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.upstream.CallContext;

/**
 * The upstream side of one forwarded request: the client's progress token is replaced by a
 * broker-unique one (upstream connections are shared by sessions) and mapped back on each
 * {@code notifications/progress}; server-to-client requests pass the gate, then go to the
 * requesting client's session. One instance per forwarded request.
 */
final class RelayContext implements CallContext {
    private static final AtomicLong TOKENS = new AtomicLong();

    private final Request request;
    private final String server;
    private JsonValue clientToken;

    RelayContext(Request request, String server) {
        this.request = request;
        this.server = server;
    }

    /** {@code params} with the client's progress token replaced by a unique one, if it had one. */
    JsonObject mapProgressToken(JsonObject params) {
        JsonObject meta = JsonRpc.object(params, "_meta");
        if (meta == null || !meta.containsKey("progressToken")) {
            return params;
        }
        clientToken = meta.get("progressToken");
        String ours = "broker-" + TOKENS.incrementAndGet();
        return JsonRpc.with(params, "_meta", JsonRpc.with(meta, "progressToken", JSON.createValue(ours)));
    }

    @Override
    public void notification(JsonObject message) {
        JsonObject params = JsonRpc.params(message);
        if ("notifications/progress".equals(JsonRpc.string(message, "method"))) {
            if (clientToken == null) {
                return;
            }
            message = JsonRpc.with(message, "params", JsonRpc.with(params, "progressToken", clientToken));
        }
        request.toClient.notification(message);
    }

    @Override
    public JsonObject serverRequest(String method, JsonObject params) {
        McpGate.Decision decision = Gated.decide(request, McpGate.Action.RELAY_REQUEST, server, method, null, null);
        if (!decision.allowed()) {
            throw new McpProtocolException(JsonRpc.REFUSED, method + " refused by the broker: " + decision.reason());
        }
        return request.toClient.serverRequest(method, params);
    }

    @Override
    public boolean acceptsServerRequests() {
        return request.toClient.acceptsServerRequests();
    }
}
