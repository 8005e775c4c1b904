package dev.agentbroker.mcp.gateway;

import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.upstream.CallContext;

/**
 * The gate-forward-record sequence shared by {@code tools/call}, {@code resources/read} and
 * {@code prompts/get}: decide, forward with timing, then tell the event sink the outcome.
 * Stateless.
 */
final class Gated {
    private Gated() {
    }

    static McpGate.Decision decide(Request request, McpGate.Action action, String server, String item,
                                   JsonObject arguments, JsonObject annotations) {
        try {
            return request.gateway.gate().check(request.caller,
                    new McpGate.Operation(action, server, item, arguments, annotations, false));
        } catch (RuntimeException e) {
            return McpGate.Decision.deny("policy evaluation failed");
        }
    }

    static String denialText(McpGate.Action action, String exposed, McpGate.Decision decision) {
        return action.label() + " on " + exposed + " denied: " + decision.reason();
    }

    static void denied(Request request, McpGate.Action action, Request.Target target, McpGate.Decision decision,
                       JsonObject arguments) {
        request.gateway.sink().operation(request.caller, new McpEvent(action, target.server(), target.item(),
                target.exposed(), false, decision.reason(), "denied", digest(arguments), -1));
    }

    /** Forwards and records the outcome; an upstream failure is recorded, then rethrown. */
    static JsonObject forward(Request request, McpGate.Action action, Request.Target target, String method,
                              JsonObject params, CallContext context) {
        JsonObject arguments = params.get("arguments") instanceof JsonObject a ? a : null;
        long start = System.nanoTime();
        String outcome = "error";
        try {
            JsonObject result = request.forward(target.server(), method, params, context == null ? CallContext.NONE : context);
            outcome = result.get("isError") == jakarta.json.JsonValue.TRUE ? "error" : "ok";
            return result;
        } catch (McpProtocolException e) {
            throw e;
        } finally {
            request.gateway.sink().operation(request.caller, new McpEvent(action, target.server(), target.item(),
                    target.exposed(), true, null, outcome, digest(arguments), (System.nanoTime() - start) / 1000));
        }
    }

    static String digest(JsonObject arguments) {
        return arguments == null ? null : CanonicalJson.sha256(arguments);
    }
}
