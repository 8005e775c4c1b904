package dev.agentbroker.broker.policy;

/**
 * A tool or prompt argument cannot be put in a form policies can test safely (a NUL in a
 * path, a URL without a host, arguments nested too deep). The request is denied: an
 * argument the policies cannot see is never forwarded. The message names the problem, never
 * the argument's value, and may be shown to the caller.
 */
public final class ArgumentRejectedException extends PolicyException {
    private static final long serialVersionUID = 1L;

    public ArgumentRejectedException(String message) {
        super(message);
    }
}
