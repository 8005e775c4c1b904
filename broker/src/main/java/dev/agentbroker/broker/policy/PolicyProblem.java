package dev.agentbroker.broker.policy;

/**
 * One reason a policy set was refused: the file, the 1-based line (0 when unknown) and the
 * message from the parser or the schema validator. Immutable.
 */
public record PolicyProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
