package dev.agentbroker.mcp.jsonrpc;

/**
 * A request cannot be served and the caller gets a JSON-RPC error with {@link #code()} and
 * the message (always safe to show: no stack trace, no secret, no upstream internals).
 */
public class McpProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    public McpProtocolException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
