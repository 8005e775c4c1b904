package dev.agentbroker.broker.audit;

/**
 * The audit log cannot make a record durable (disk full, I/O error, closed). Requests must
 * not proceed unaudited: map this to HTTP 503 with a clear message.
 */
public final class AuditUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
