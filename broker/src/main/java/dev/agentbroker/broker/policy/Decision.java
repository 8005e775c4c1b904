package dev.agentbroker.broker.policy;

import java.util.List;
import java.util.Objects;

import dev.agentbroker.broker.audit.AuditEvent;

/**
 * The answer to one {@link PolicyRequest}. {@link #allowed()} is true only when Cedar
 * answered Allow with no error at all; everything else (a forbid, no permit, an evaluation
 * error, a missing entity, a context that does not validate, an argument that cannot be
 * canonicalised) is a denial. Immutable.
 *
 * @param allowed       whether the request may proceed
 * @param action        the Cedar action, e.g. {@code call_tool}
 * @param resource      the resource, e.g. {@code Tool::"fs/write_file"}
 * @param policyIds     the determining policies' {@code @id}s (the permits for an allow,
 *                      the forbids for a deny; empty for a default deny)
 * @param errors        evaluation or request errors, "policy-id: message"; non-empty means deny
 * @param policyVersion the version of the policy set that decided
 * @param reason        a human sentence safe to show the caller: which action on which
 *                      resource, never the policy text
 */
public record Decision(boolean allowed, String action, String resource, List<String> policyIds,
                       List<String> errors, String policyVersion, String reason) {
    public Decision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        policyIds = List.copyOf(policyIds);
        errors = List.copyOf(errors);
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(reason, "reason");
        if (allowed && !errors.isEmpty()) {
            throw new IllegalArgumentException("a decision with errors cannot allow");
        }
    }

    static Decision allow(PolicyRequest request, List<String> policyIds, String version) {
        Target t = request.target();
        return new Decision(true, t.action().cedarName(), t.display(), policyIds, List.of(), version,
                "action " + t.action().cedarName() + " on " + t.display() + " allowed");
    }

    static Decision deny(PolicyRequest request, List<String> policyIds, List<String> errors, String version,
                         String why) {
        Target t = request.target();
        String reason = "action " + t.action().cedarName() + " on " + t.display() + " denied" + why;
        return new Decision(false, t.action().cedarName(), t.display(), policyIds, errors, version, reason);
    }

    /** {@code allow}, or {@code error} when the denial came from an error, else {@code deny} (audit vocabulary). */
    public String auditDecision() {
        if (allowed) {
            return "allow";
        }
        return errors.isEmpty() ? "deny" : "error";
    }

    /** Copies action, resource, decision, policy ids, version and errors onto an audit event. */
    public AuditEvent.Builder applyTo(AuditEvent.Builder event) {
        event.action(action, resource).decision(auditDecision(), policyIds, policyVersion);
        if (!errors.isEmpty()) {
            event.attribute("policyErrors", String.join("; ", errors));
        }
        return event.attribute("reason", reason);
    }
}
