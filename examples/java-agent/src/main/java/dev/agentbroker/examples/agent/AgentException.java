package dev.agentbroker.examples.agent;

/** The agent could not go on: the broker refused a step, with the broker's reason. */
public final class AgentException extends RuntimeException {
    public AgentException(String message) {
        super(message);
    }
}
