package dev.agentbroker.llm.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final CircuitBreaker breaker = new CircuitBreaker(new BreakerSettings(3, Duration.ofSeconds(10)));

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.failure(T0, null);
        breaker.failure(T0, null);
        breaker.success();
        breaker.failure(T0, null);
        breaker.failure(T0, null);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.failure(T0, null);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(T0.plusSeconds(9)));
    }

    @Test
    void halfOpenLetsExactlyOneProbeThroughAndItsSuccessCloses() {
        for (int i = 0; i < 3; i++) {
            breaker.failure(T0, null);
        }
        assertTrue(breaker.tryAcquire(T0.plusSeconds(10)));
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(T0.plusSeconds(10)), "second caller while the probe runs");
        breaker.success();
        assertTrue(breaker.tryAcquire(T0.plusSeconds(10)));
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }

    @Test
    void failedProbeOpensAgainForAnotherPeriod() {
        for (int i = 0; i < 3; i++) {
            breaker.failure(T0, null);
        }
        assertTrue(breaker.tryAcquire(T0.plusSeconds(10)));
        breaker.failure(T0.plusSeconds(10), null);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(T0.plusSeconds(19)));
        assertTrue(breaker.tryAcquire(T0.plusSeconds(20)));
    }

    @Test
    void retryAfterKeepsADeploymentUntriedEvenWhenClosed() {
        breaker.failure(T0, Duration.ofSeconds(5));
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertFalse(breaker.tryAcquire(T0.plusSeconds(4)));
        assertTrue(breaker.tryAcquire(T0.plusSeconds(5)));
        assertEquals(T0.plusSeconds(5), breaker.availableAt());
    }

    @Test
    void parsesRetryAfterSecondsDatesAndMilliseconds() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(Optional.of("7"), Optional.empty(), T0));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse(Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"), Optional.empty(), T0));
        assertEquals(Duration.ofMillis(250), RetryAfter.parse(Optional.of("7"), Optional.of("250"), T0));
        assertEquals(null, RetryAfter.parse(Optional.of("soon"), Optional.empty(), T0));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndStopsAtTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));
        assertEquals(Duration.ofMillis(50), policy.backoff(0, 0.0));
        assertEquals(Duration.ofMillis(400), policy.backoff(2, 1.0));
        assertEquals(Duration.ofMillis(1000), policy.backoff(10, 1.0));
        assertEquals(Duration.ofMillis(500), policy.backoff(10, 0.0));
    }
}
