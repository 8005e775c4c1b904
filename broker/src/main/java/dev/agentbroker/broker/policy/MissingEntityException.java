package dev.agentbroker.broker.policy;

/** A request names an agent, model, server or tool the entity store does not know: deny. */
final class MissingEntityException extends PolicyException {
    private static final long serialVersionUID = 1L;

    MissingEntityException(String message) {
        super(message);
    }
}
