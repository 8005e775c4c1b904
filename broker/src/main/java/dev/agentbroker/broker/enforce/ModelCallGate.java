package dev.agentbroker.broker.enforce;

import java.util.List;

import dev.agentbroker.broker.policy.Decision;
import dev.agentbroker.broker.policy.Delegation;
import dev.agentbroker.broker.policy.PolicyEngine;
import dev.agentbroker.broker.policy.PolicyRequest;
import dev.agentbroker.broker.policy.Target;
import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.llm.CallGate;

/**
 * Cedar at every {@code /v1} model call: {@code invoke_model} by the presenting agent on
 * {@code Model::"alias"}, with the delegation of the caller's verified task token and the
 * task's budgets in context. The verdict (decision, determining policy ids, policy-set
 * version, errors) goes back to the gateway, which refuses a denied call with 403 and the
 * verdict's reason and writes the verdict into the call's {@code model.call} audit record.
 * A caller without a verified token, or any failure, is a deny. Thread-safe.
 */
public final class ModelCallGate implements CallGate {
    private final PolicyEngine engine;
    private final TaskBudgets budgets;

    ModelCallGate(PolicyEngine engine, TaskBudgets budgets) {
        this.engine = engine;
        this.budgets = budgets;
    }

    @Override
    public Verdict check(Request request) {
        String resource = "Model::\"" + request.model() + "\"";
        if (!(request.caller().identity() instanceof VerifiedToken token)) {
            return denied(resource, "no verified task token");
        }
        Decision decision;
        try {
            PolicyRequest policyRequest = PolicyRequest.builder(Delegation.of(token), new Target.Model(request.model()))
                    .budgets(budgets.of(request.caller(), request.budgetLeft())).build();
            decision = engine.authorize(policyRequest);
        } catch (RuntimeException e) {
            return denied(resource, "invalid request: " + e.getMessage());
        }
        return new Verdict(decision.auditDecision(), decision.policyIds(), decision.policyVersion(), decision.errors(),
                decision.reason());
    }

    private Verdict denied(String resource, String why) {
        return new Verdict("error", List.of(), engine.current().version(), List.of("request: " + why),
                "action invoke_model on " + resource + " denied (" + why + ")");
    }
}
