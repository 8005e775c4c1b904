package dev.agentbroker.broker.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * A human approval of this call (e.g. of a destructive tool), as policies see it in
 * {@code context.approval}; absent when nobody approved. Immutable.
 */
public record Approval(String approver, Instant approvedAt) {
    public Approval {
        Names.require("approver", approver);
        Objects.requireNonNull(approvedAt, "approvedAt");
    }
}
