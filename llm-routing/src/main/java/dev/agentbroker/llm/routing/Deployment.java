package dev.agentbroker.llm.routing;

import java.util.concurrent.atomic.AtomicInteger;

import dev.agentbroker.llm.provider.Provider;
import dev.agentbroker.llm.provider.Timeouts;

/**
 * One place an alias can be served: a provider, its model name there, a weight, timeouts,
 * and the live state routing needs (breaker, requests in flight). Thread-safe.
 */
public final class Deployment {
    private final Provider provider;
    private final String upstreamModel;
    private final int weight;
    private final Timeouts timeouts;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();

    public Deployment(Provider provider, String upstreamModel, int weight, Timeouts timeouts, BreakerSettings breaker) {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be at least 1");
        }
        this.provider = provider;
        this.upstreamModel = upstreamModel;
        this.weight = weight;
        this.timeouts = timeouts;
        this.breaker = new CircuitBreaker(breaker);
    }

    /** {@code provider/model}, as audited. */
    public String id() {
        return provider.spec().name() + "/" + upstreamModel;
    }

    public Provider provider() {
        return provider;
    }

    public String upstreamModel() {
        return upstreamModel;
    }

    public int weight() {
        return weight;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public int inFlight() {
        return inFlight.get();
    }

    void enter() {
        inFlight.incrementAndGet();
    }

    void leave() {
        inFlight.decrementAndGet();
    }
}
