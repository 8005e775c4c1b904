package dev.agentbroker.llm.routing;

import java.time.Instant;

import dev.agentbroker.llm.provider.UpstreamCall;

/**
 * The answer the router settled on: a 2xx, or a 4xx that is the caller's fault (not worth
 * retrying elsewhere). {@link #finish} must be called once when the body has been relayed.
 * Used by one thread.
 */
public final class Routed {
    private final Deployment deployment;
    private final UpstreamCall call;
    private final int attempts;
    private boolean finished;

    Routed(Deployment deployment, UpstreamCall call, int attempts) {
        this.deployment = deployment;
        this.call = call;
        this.attempts = attempts;
    }

    public Deployment deployment() {
        return deployment;
    }

    public UpstreamCall call() {
        return call;
    }

    public int attempts() {
        return attempts;
    }

    /**
     * Ends the call: releases the in-flight slot, closes the upstream (cancelling it if unread)
     * and tells the breaker whether the provider held up ({@code providerOk} false for a stream
     * that broke off or timed out).
     */
    public void finish(boolean providerOk) {
        if (finished) {
            return;
        }
        finished = true;
        call.close();
        deployment.leave();
        if (providerOk) {
            deployment.breaker().success();
        } else {
            deployment.breaker().failure(Instant.now(), null);
        }
    }
}
