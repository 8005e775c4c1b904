package dev.agentbroker.broker.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonValue;

/**
 * One authorization question in the broker's own terms: may {@code agent}, acting in
 * {@code delegation}, perform {@link Target#action()} on {@code target} with these
 * arguments, budgets and approval, at {@code now}? Build with {@link #builder}. Immutable.
 *
 * @param agent      the principal: the agent making the request (for a token exchange the
 *                   actor asking for the new token)
 * @param delegation the human, the chain of agents and the token
 * @param target     what is acted on (decides the action)
 * @param arguments  tool or prompt arguments as parsed JSON, or null; canonicalised before
 *                   Cedar sees them
 * @param budgets    what the task has used and has left
 * @param approval   a human approval of this call, if any
 * @param taskLabels labels of the task (from the token request or configuration)
 * @param now        the time of the request
 */
public record PolicyRequest(String agent, Delegation delegation, Target target, JsonValue arguments,
                            Budgets budgets, Optional<Approval> approval, Set<String> taskLabels, Instant now) {
    public PolicyRequest {
        Names.require("agent", agent);
        Objects.requireNonNull(delegation, "delegation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(approval, "approval");
        taskLabels = Set.copyOf(taskLabels);
        Objects.requireNonNull(now, "now");
    }

    public PolicyAction action() {
        return target.action();
    }

    /** A request by the delegation's presenting client on {@code target}. */
    public static Builder builder(Delegation delegation, Target target) {
        return new Builder(delegation, target);
    }

    /** A mutable builder; not thread-safe. */
    public static final class Builder {
        private final Delegation delegation;
        private final Target target;
        private String agent;
        private JsonValue arguments;
        private Budgets budgets = Budgets.UNLIMITED;
        private Approval approval;
        private Set<String> labels = Set.of();
        private Instant now;

        private Builder(Delegation delegation, Target target) {
            this.delegation = delegation;
            this.target = target;
            this.agent = delegation.clientId();
        }

        /** The principal, when it is not the delegation's presenting client (token exchange actor). */
        public Builder agent(String agent) {
            this.agent = agent;
            return this;
        }

        public Builder arguments(JsonValue arguments) {
            this.arguments = arguments;
            return this;
        }

        public Builder budgets(Budgets budgets) {
            this.budgets = budgets;
            return this;
        }

        public Builder approval(Approval approval) {
            this.approval = approval;
            return this;
        }

        public Builder taskLabels(Set<String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder now(Instant now) {
            this.now = now;
            return this;
        }

        public PolicyRequest build() {
            return new PolicyRequest(agent, delegation, target, arguments, budgets, Optional.ofNullable(approval),
                    labels, now == null ? Instant.now() : now);
        }
    }
}
