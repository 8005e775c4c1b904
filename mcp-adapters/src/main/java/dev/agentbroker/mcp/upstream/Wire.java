package dev.agentbroker.mcp.upstream;

import java.io.IOException;

import jakarta.json.JsonObject;

/**
 * One transport connection carrying JSON-RPC messages to and from an upstream server.
 * Messages the transport can attribute to one of our requests (e.g. from the SSE stream that
 * answers a POST) are delivered with that request's context as a hint.
 */
interface Wire {
    /** Receives messages and the end of the connection. */
    interface Inbound {
        void message(JsonObject message, CallContext hint);

        void closed(String reason);
    }

    /** Opens the connection; messages go to {@code inbound} from then on. */
    void start(Inbound inbound) throws IOException;

    /** Sends one message; {@code hint} is the context of the request it belongs to, or null. */
    void send(JsonObject message, CallContext hint) throws IOException;

    /** Called once the initialize handshake has completed with the negotiated version. */
    default void initialized(String protocolVersion) {
    }

    void close();
}
