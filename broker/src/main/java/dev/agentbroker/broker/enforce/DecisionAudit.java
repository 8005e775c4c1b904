package dev.agentbroker.broker.enforce;

import java.util.Map;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.policy.Decision;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * Writes the "intent" record of a gated MCP operation before it is forwarded: a
 * {@code policy.decision} event with who (user, actor chain, client, token id, task, trace),
 * the action and resource, the decision ({@code allow}, {@code deny} or {@code error}), the
 * determining policy ids, the policy-set version and any evaluation errors. The gateway's
 * event sink records the outcome afterwards. Throws the sink's
 * {@link dev.agentbroker.broker.audit.AuditUnavailableException}: the gate then denies.
 * Thread-safe.
 */
final class DecisionAudit {
    static final String TYPE = "policy.decision";

    private final AuditSink audit;

    DecisionAudit(AuditSink audit) {
        this.audit = audit;
    }

    void record(VerifiedToken token, Decision decision, Map<String, String> attributes) {
        String human = token.actorChain().isEmpty() ? null : token.subject();
        AuditEvent.Builder event = decision.applyTo(AuditEvent.builder(TYPE))
                .task(token.taskId(), token.traceRoot())
                .user(human)
                .actors(token.actorChain())
                .client(token.clientId())
                .tokenId(token.tokenId());
        attributes.forEach(event::attribute);
        audit.record(event.build());
    }
}
