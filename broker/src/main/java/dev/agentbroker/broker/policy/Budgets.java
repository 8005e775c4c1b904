package dev.agentbroker.broker.policy;

/**
 * What a task has used and has left, as policies see it in {@code context.budgets}.
 * {@code Long.MAX_VALUE} left means no limit. Immutable.
 */
public record Budgets(long tokensUsed, long tokensLeft, long toolCallsUsed, long toolCallsLeft) {
    /** Nothing used, no limits. */
    public static final Budgets UNLIMITED = new Budgets(0, Long.MAX_VALUE, 0, Long.MAX_VALUE);

    public Budgets {
        if (tokensUsed < 0 || toolCallsUsed < 0) {
            throw new IllegalArgumentException("usage must not be negative");
        }
    }
}
