package dev.agentbroker.llm.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * One deployment's breaker: closed until {@code failureThreshold} consecutive failures, then
 * open for {@code openFor}, then half-open letting exactly one probe through; the probe's
 * success closes it, its failure opens it again. Also remembers a provider's
 * {@code Retry-After} as a time before which the deployment is not tried. Thread-safe.
 */
public final class CircuitBreaker {
    /** The breaker's states. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final BreakerSettings settings;
    private State state = State.CLOSED;
    private int failures;
    private Instant openUntil = Instant.MIN;
    private Instant notBefore = Instant.MIN;
    private boolean probing;

    public CircuitBreaker(BreakerSettings settings) {
        this.settings = settings;
    }

    /** Whether a call may go to the deployment now; in half-open state only the first caller gets true. */
    public synchronized boolean tryAcquire(Instant now) {
        if (now.isBefore(notBefore)) {
            return false;
        }
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (now.isBefore(openUntil)) {
                    return false;
                }
                state = State.HALF_OPEN;
                probing = true;
                return true;
            default:
                if (probing) {
                    return false;
                }
                probing = true;
                return true;
        }
    }

    public synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        probing = false;
    }

    /** Counts a failure; {@code retryAfter} (may be null) keeps the deployment untried that long. */
    public synchronized void failure(Instant now, Duration retryAfter) {
        failures++;
        if (retryAfter != null) {
            notBefore = now.plus(retryAfter);
        }
        if (state == State.HALF_OPEN || failures >= settings.failureThreshold()) {
            state = State.OPEN;
            openUntil = now.plus(settings.openFor());
            probing = false;
        }
    }

    /** When this deployment may next be tried (now or earlier when it may be tried at once). */
    public synchronized Instant availableAt() {
        Instant open = state == State.OPEN ? openUntil : Instant.MIN;
        return open.isAfter(notBefore) ? open : notBefore;
    }

    public synchronized State state() {
        return state;
    }
}
