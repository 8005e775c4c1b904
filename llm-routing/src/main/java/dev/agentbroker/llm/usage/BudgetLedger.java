package dev.agentbroker.llm.usage;

/**
 * The budget counter port: tokens and calls spent per key. The embedded implementation is
 * {@link InMemoryBudgetLedger}; several broker instances would share a store behind this
 * same interface. Implementations are thread-safe.
 */
public interface BudgetLedger {
    /** What has been spent under {@code key} so far. */
    Spent spent(BudgetKey key);

    /** Adds one call and {@code tokens} tokens to {@code key}. */
    void charge(BudgetKey key, long tokens);

    /**
     * A key budgets are counted under.
     *
     * @param level task, agent or user
     * @param id    the task id, agent (client) id or user id
     */
    record BudgetKey(Level level, String id) {
    }

    /** The levels a budget applies at. */
    enum Level { TASK, AGENT, USER }

    /** Tokens and calls spent. */
    record Spent(long tokens, long calls) {
        public static final Spent NOTHING = new Spent(0, 0);
    }
}
