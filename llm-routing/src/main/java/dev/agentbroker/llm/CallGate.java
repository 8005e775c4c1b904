package dev.agentbroker.llm;

import java.util.List;
import java.util.Objects;

import dev.agentbroker.llm.usage.BudgetLeft;

/**
 * The host's decision point before a model call is forwarded (the broker evaluates Cedar
 * here). Called after the scope and budget checks, with what is left of the budget so the
 * policy can see it. Answers a {@link Verdict}; the gateway refuses a call whose verdict does
 * not allow it with {@link LlmException.Kind#FORBIDDEN} and the verdict's reason, and puts the
 * verdict on the call's {@link dev.agentbroker.llm.usage.ModelCallRecord} so the audit record
 * of the call carries the decision. A gate may also throw {@link LlmException} (e.g.
 * {@link LlmException.Kind#UNAVAILABLE}) when it cannot decide. Thread-safe.
 */
@FunctionalInterface
public interface CallGate {
    /** A gate that lets every call through (scopes and budgets still apply). */
    CallGate ALLOW_ALL = request -> Verdict.UNCHECKED;

    Verdict check(Request request);

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

    /**
     * The gate's answer, in the audit's vocabulary. Immutable.
     *
     * @param decision      {@code allow}, {@code deny} or {@code error} (a denial caused by an
     *                      evaluation error); only {@code allow} lets the call through
     * @param policyIds     the determining policies
     * @param policyVersion the version of the policy set that decided, or null
     * @param errors        evaluation errors (empty unless {@code error})
     * @param reason        a sentence safe to show the caller
     */
    record Verdict(String decision, List<String> policyIds, String policyVersion, List<String> errors,
                   String reason) {
        /** What {@link #ALLOW_ALL} answers: allowed, no policy consulted. */
        public static final Verdict UNCHECKED = new Verdict("allow", List.of(), null, List.of(), "not checked");

        public Verdict {
            if (!List.of("allow", "deny", "error").contains(decision)) {
                throw new IllegalArgumentException("decision must be allow, deny or error: " + decision);
            }
            policyIds = List.copyOf(policyIds);
            errors = List.copyOf(errors);
            Objects.requireNonNull(reason, "reason");
        }

        public boolean allowed() {
            return "allow".equals(decision);
        }
    }
}
