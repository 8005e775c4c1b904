package dev.agentbroker.llm.routing;

import java.time.Duration;

/**
 * Circuit breaker settings.
 *
 * @param failureThreshold consecutive failures that open the breaker
 * @param openFor          how long an open breaker refuses calls before one half-open probe
 */
public record BreakerSettings(int failureThreshold, Duration openFor) {
    public static final BreakerSettings DEFAULT = new BreakerSettings(5, Duration.ofSeconds(30));

    public BreakerSettings {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
    }
}
