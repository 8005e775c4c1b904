package dev.agentbroker.broker.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy set failed to parse or to validate against the schema; it is never enforced. */
public final class PolicyLoadException extends PolicyException {
    private static final long serialVersionUID = 1L;
    private final transient List<PolicyProblem> problems;

    public PolicyLoadException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
