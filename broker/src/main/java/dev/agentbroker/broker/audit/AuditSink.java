package dev.agentbroker.broker.audit;

/**
 * Where audit events go. {@link #record} returns only once the event is durable (the
 * file-backed implementation group-commits with one fsync per batch), so a caller may
 * acknowledge its request afterwards. When the record cannot be made durable it throws
 * {@link AuditUnavailableException} and the caller must fail closed (deny, HTTP 503).
 * Implementations are thread-safe.
 */
public interface AuditSink {
    /**
     * Appends {@code event} and waits until it is durable.
     *
     * @return the sequence number assigned to the record
     * @throws AuditUnavailableException when the record could not be written
     */
    long record(AuditEvent event);

    /** Whether records are being made durable now (a false answer lets a caller refuse early). */
    default boolean available() {
        return true;
    }
}
