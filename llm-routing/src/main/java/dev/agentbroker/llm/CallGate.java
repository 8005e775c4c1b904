package dev.agentbroker.llm;

import dev.agentbroker.llm.usage.BudgetLeft;

/**
 * The host's decision point before a model call is forwarded (the broker evaluates Cedar
 * here). Called after the scope and budget checks, with what is left of the budget so the
 * policy can see it. Throws {@link LlmException} (usually {@link LlmException.Kind#FORBIDDEN})
 * to refuse. Thread-safe.
 */
@FunctionalInterface
public interface CallGate {
    /** A gate that lets every call through (scopes and budgets still apply). */
    CallGate ALLOW_ALL = request -> { };

    void check(Request request);

    /**
     * What the gate decides on.
     *
     * @param caller     who calls
     * @param endpoint   which endpoint
     * @param model      the model alias requested
     * @param stream     whether a streamed answer was requested
     * @param budgetLeft what remains of the caller's budgets
     */
    record Request(Caller caller, Endpoint endpoint, String model, boolean stream, BudgetLeft budgetLeft) {
    }
}
