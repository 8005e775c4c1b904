package dev.agentbroker.llm.provider;

import java.time.Duration;

/**
 * A deployment's time limits.
 *
 * @param connect   to open the TCP (and TLS) connection
 * @param firstByte from sending the request to the response headers
 * @param total     from sending the request to the last body byte
 */
public record Timeouts(Duration connect, Duration firstByte, Duration total) {
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10));

    public Timeouts {
        if (connect.isNegative() || connect.isZero() || firstByte.isNegative() || firstByte.isZero()
                || total.isNegative() || total.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
