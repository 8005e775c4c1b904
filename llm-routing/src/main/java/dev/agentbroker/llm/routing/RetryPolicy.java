package dev.agentbroker.llm.routing;

import java.time.Duration;

/**
 * Retry and backoff settings shared by all aliases.
 *
 * @param maxAttempts    upstream attempts per call, fallbacks included
 * @param initialBackoff wait before the second round over the deployments
 * @param maxBackoff     longest wait between rounds; a {@code Retry-After} beyond it ends the call
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Exponential backoff for {@code round} (0-based) with full jitter in [half, whole]. */
    Duration backoff(int round, double random) {
        long base = initialBackoff.toMillis() << Math.min(round, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + random / 2)));
    }
}
