package dev.agentbroker.mcp.gateway;

/**
 * Receives what happened, after the fact; implemented by the host (the broker writes audit
 * records). A sink that cannot record must throw: the gateway then fails the request closed.
 * Thread-safe.
 */
public interface McpEventSink {
    /** An operation the gate decided, with its outcome. */
    void operation(Object caller, McpEvent event);

    /**
     * A {@code tools/list} was answered: {@code shown} tools listed, {@code withheld} hidden by
     * the gate (quarantined tools are not counted: they were never offered).
     *
     * @param view the server of a single-server view, or null for the aggregate
     */
    default void listed(Object caller, String view, int shown, int withheld) {
    }

    /** A tool definition was quarantined (new and flagged, or changed since approval) or approved. */
    void pin(PinEvent event);
}
