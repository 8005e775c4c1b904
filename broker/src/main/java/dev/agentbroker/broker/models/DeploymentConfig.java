package dev.agentbroker.broker.models;

import java.time.Duration;

import dev.agentbroker.broker.config.ConfigNode;
import dev.agentbroker.llm.provider.Timeouts;

/**
 * One deployment of a model alias.
 *
 * @param provider a name from the {@code providers} section
 * @param model    the provider's model name (Azure: the deployment name; sandbox: the scenario)
 * @param weight   share of traffic under the {@code weighted} strategy
 * @param timeouts connect, first-byte and total timeouts
 */
public record DeploymentConfig(String provider, String model, int weight, Timeouts timeouts) {

    static DeploymentConfig read(ConfigNode node) {
        Timeouts d = Timeouts.DEFAULT;
        Timeouts timeouts = new Timeouts(
                node.duration("connect-timeout", d.connect(), Duration.ofMillis(10), Duration.ofMinutes(5)),
                node.duration("first-byte-timeout", d.firstByte(), Duration.ofMillis(10), Duration.ofHours(1)),
                node.duration("total-timeout", d.total(), Duration.ofMillis(10), Duration.ofHours(2)));
        return new DeploymentConfig(node.string("provider"), node.string("model"), node.integer("weight", 1, 1, 1000),
                timeouts);
    }
}
