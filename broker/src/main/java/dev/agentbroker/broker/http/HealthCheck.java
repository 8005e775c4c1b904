package dev.agentbroker.broker.http;

/**
 * One readiness condition (for example "the audit log is writable"). Implementations must
 * be cheap and thread-safe: {@code /health} calls them on every probe.
 */
public interface HealthCheck {
    /** Short stable name shown in the health document. */
    String name();

    /** True when this part of the broker can serve requests. */
    boolean ready();
}
