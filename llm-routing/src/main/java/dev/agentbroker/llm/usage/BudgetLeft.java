package dev.agentbroker.llm.usage;

/**
 * What remains of a caller's budgets, the tightest level winning: what Cedar policies see
 * in their context. {@code -1} means unlimited.
 *
 * @param tokens    tokens left, or -1
 * @param calls     calls left, or -1
 * @param exhausted the level that has nothing left, or null
 */
public record BudgetLeft(long tokens, long calls, BudgetLedger.Level exhausted) {
    public static final BudgetLeft UNLIMITED = new BudgetLeft(-1, -1, null);
}
