package dev.agentbroker.broker.policy;

/**
 * The policy area's exception family: a policy set that does not load, an argument that
 * cannot be canonicalised, a test case that cannot be read. Messages are safe to log; the
 * HTTP layers map them to a denial or to a CLI error, never to a stack trace for a client.
 */
public class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
