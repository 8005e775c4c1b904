package dev.agentbroker.broker.token;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.AuditUnavailableException;

/**
 * Writes the token events {@code token.issued}, {@code token.exchanged}, {@code token.revoked}
 * and {@code token.refused} to the {@link AuditSink}: token ids and claims, never a token.
 * Issuing fails closed: when the record cannot be made durable the token is not handed out.
 */
final class TokenAudit {
    private static final Logger LOG = Logger.getLogger(TokenAudit.class.getName());

    private final AuditSink sink;

    TokenAudit(AuditSink sink) {
        this.sink = sink;
    }

    void issued(String type, TaskClaims claims, String grant, ExchangeVerdict verdict, String subjectTokenId) {
        VerifiedToken t = claims.token();
        AuditEvent.Builder event = AuditEvent.builder(type).task(t.taskId(), t.traceRoot())
                .user(t.actorChain().isEmpty() ? null : t.subject()).actors(t.actorChain()).client(t.clientId())
                .tokenId(t.tokenId()).outcome("ok", -1)
                .attribute("grant", grant).attribute("scope", ScopeSet.of(t.scopes()).toString())
                .attribute("audience", String.join(" ", t.audience())).attribute("expiresAt", t.expiresAt().toString())
                .attribute("parentTokenId", t.parentTokenId()).attribute("subjectTokenId", subjectTokenId);
        if (verdict != null) {
            event.action("exchange_token", "Audience::\"" + t.audience().get(0) + "\"")
                    .decision("allow", verdict.policyIds(), verdict.policyVersion());
        }
        durable(event.build());
    }

    void revoked(VerifiedToken t, String by) {
        durable(AuditEvent.builder("token.revoked").task(t.taskId(), t.traceRoot())
                .user(t.actorChain().isEmpty() ? null : t.subject()).actors(t.actorChain()).client(by)
                .tokenId(t.tokenId()).outcome("ok", -1).attribute("tokenClient", t.clientId()).build());
    }

    /** Best effort: a refusal is returned to the caller even when it cannot be audited. */
    void refused(String clientId, String grant, OAuthException refusal) {
        AuditEvent event = AuditEvent.builder("token.refused").client(clientId).outcome(refusal.error(), -1)
                .attribute("grant", grant).attribute("reason", refusal.getMessage()).build();
        try {
            sink.record(event);
        } catch (AuditUnavailableException e) {
            LOG.log(Level.WARNING, "token refusal not audited: " + e.getMessage());
        }
    }

    private void durable(AuditEvent event) {
        try {
            sink.record(event);
        } catch (AuditUnavailableException e) {
            throw OAuthException.temporarilyUnavailable("the audit log is unavailable; no token was issued");
        }
    }
}
