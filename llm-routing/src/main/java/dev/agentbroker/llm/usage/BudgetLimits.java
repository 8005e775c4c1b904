package dev.agentbroker.llm.usage;

/**
 * The limits of one budget level; 0 means unlimited.
 *
 * @param tokens tokens (input + output) allowed
 * @param calls  model calls allowed
 */
public record BudgetLimits(long tokens, long calls) {
    public static final BudgetLimits UNLIMITED = new BudgetLimits(0, 0);

    public BudgetLimits {
        if (tokens < 0 || calls < 0) {
            throw new IllegalArgumentException("budget limits must not be negative");
        }
    }
}
