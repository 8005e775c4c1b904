package dev.agentbroker.broker.cli;

/** The command line itself is wrong (unknown option, missing value, bad number). */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
