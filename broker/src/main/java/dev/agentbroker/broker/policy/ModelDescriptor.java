package dev.agentbroker.broker.policy;

/**
 * A model alias of the routing table as policies see it: {@code Model::"name"} in
 * {@code ModelFamily::"family"} and {@code Provider::"provider"}. Immutable.
 */
public record ModelDescriptor(String name, String provider, String family) {
    public ModelDescriptor {
        Names.require("model name", name);
        Names.require("model provider", provider);
        Names.require("model family", family);
    }
}
