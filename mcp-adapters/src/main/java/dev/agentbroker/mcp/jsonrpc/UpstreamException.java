package dev.agentbroker.mcp.jsonrpc;

import jakarta.json.JsonObject;

/**
 * An upstream answered with a JSON-RPC error (relayed as is, {@link #error()}) or could not
 * be reached (the backend is down: {@link JsonRpc#UPSTREAM_ERROR}).
 */
public final class UpstreamException extends McpProtocolException {
    private static final long serialVersionUID = 1L;
    private final transient JsonObject error;

    public UpstreamException(JsonObject error) {
        super(error.getInt("code", JsonRpc.INTERNAL_ERROR), String.valueOf(JsonRpc.string(error, "message")));
        this.error = error;
    }

    public UpstreamException(String message) {
        super(JsonRpc.UPSTREAM_ERROR, message);
        this.error = null;
    }

    /** The upstream's error object to relay, or null when the upstream was unreachable. */
    public JsonObject error() {
        return error;
    }
}
