/**
 * Hosts the model gateway of {@code llm-routing} on the broker: the {@code providers} and
 * {@code models} config sections, the {@code /v1/...} HTTP routes on Helidon, authentication
 * with the broker's {@link dev.agentbroker.broker.token.TokenVerifier}, and {@code model.call}
 * audit events.
 */
package dev.agentbroker.broker.models;
