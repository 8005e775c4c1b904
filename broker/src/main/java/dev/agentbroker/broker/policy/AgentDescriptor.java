package dev.agentbroker.broker.policy;

import java.util.Objects;
import java.util.Set;

/**
 * An agent of the agent registry as policies see it: {@code Agent::"id"} in its
 * {@code AgentClass} entities. Immutable.
 *
 * @param id      the agent's OAuth client id
 * @param classes the agent classes it belongs to (may be empty)
 */
public record AgentDescriptor(String id, Set<String> classes) {
    public AgentDescriptor {
        Names.require("agent id", id);
        classes = Set.copyOf(Objects.requireNonNull(classes, "classes"));
        classes.forEach(c -> Names.require("agent class", c));
    }
}
