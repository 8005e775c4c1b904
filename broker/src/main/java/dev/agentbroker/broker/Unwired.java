package dev.agentbroker.broker;

import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.AuditUnavailableException;
import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;

/**
 * Fail-closed stand-ins for ports whose implementations are not wired into {@link Broker} yet:
 * a verifier that accepts no token and an audit sink that never acknowledges. Stateless.
 */
final class Unwired {
    static final TokenVerifier VERIFIER = (token, resource) -> {
        throw new InvalidTokenException("the broker has no token verifier configured");
    };
    static final AuditSink AUDIT = event -> {
        throw new AuditUnavailableException("the broker has no audit log configured", null);
    };

    private Unwired() {
    }
}
