package dev.agentbroker.mcp.upstream;

import jakarta.json.JsonObject;

/**
 * What an upstream request may need from the agent session that caused it: notifications
 * related to the request (progress, log messages) and server-to-client requests (sampling,
 * elicitation, roots) that must be answered by that session. Implementations are thread-safe.
 */
public interface CallContext {
    /** A context that drops notifications and refuses every server-to-client request. */
    CallContext NONE = new CallContext() {
        @Override
        public void notification(JsonObject message) {
        }

        @Override
        public JsonObject serverRequest(String method, JsonObject params) {
            throw new dev.agentbroker.mcp.jsonrpc.McpProtocolException(
                    dev.agentbroker.mcp.jsonrpc.JsonRpc.REFUSED, method + " is not available outside a client request");
        }

        @Override
        public boolean acceptsServerRequests() {
            return false;
        }
    };

    /** A notification the upstream related to this request (e.g. {@code notifications/progress}). */
    void notification(JsonObject message);

    /**
     * Relays a server-to-client request and waits for its result.
     *
     * @throws dev.agentbroker.mcp.jsonrpc.McpProtocolException when refused or failed
     */
    JsonObject serverRequest(String method, JsonObject params);

    /** Whether this context can take server-to-client requests at all. */
    default boolean acceptsServerRequests() {
        return true;
    }
}
