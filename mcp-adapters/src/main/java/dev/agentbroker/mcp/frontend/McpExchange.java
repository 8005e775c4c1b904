package dev.agentbroker.mcp.frontend;

import java.io.IOException;
import java.util.Map;

/**
 * One HTTP exchange as the front end sees it; the host's web framework implements it (the
 * broker: Helidon). Used by one thread at a time.
 */
public interface McpExchange {
    /** The first value of a request header (case-insensitive name), or null. */
    String header(String name);

    /** Sends a complete response. */
    void respond(int status, Map<String, String> headers, byte[] body);

    /** Starts a {@code 200 text/event-stream} response. */
    EventStream openEventStream(Map<String, String> headers) throws IOException;

    /** An open SSE response. Implementations serialise concurrent writers. */
    interface EventStream {
        /** Writes one {@code data:} event and flushes. */
        void send(String data) throws IOException;

        /** Writes a comment line (keep-alive) and flushes. */
        void comment(String text) throws IOException;

        void close();
    }
}
