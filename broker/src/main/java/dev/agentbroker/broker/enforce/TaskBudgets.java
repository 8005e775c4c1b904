package dev.agentbroker.broker.enforce;

import dev.agentbroker.broker.models.ModelsService;
import dev.agentbroker.broker.policy.Budgets;
import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.llm.Caller;
import dev.agentbroker.llm.usage.BudgetLedger;
import dev.agentbroker.llm.usage.BudgetLeft;

/**
 * What policies see in {@code context.budgets}: the task's model tokens spent (from the
 * budget ledger the model gateway charges) and what is left of the tightest token budget
 * (the model gateway's own budget arithmetic). Tool calls are not counted yet:
 * {@code toolCallsUsed} is 0 and {@code toolCallsLeft} unlimited. Thread-safe.
 */
final class TaskBudgets {
    private final dev.agentbroker.llm.usage.Budgets limits;
    private final BudgetLedger ledger;

    TaskBudgets(dev.agentbroker.llm.usage.Budgets limits, BudgetLedger ledger) {
        this.limits = limits;
        this.ledger = ledger;
    }

    /** For a model call: the gateway has already computed what is left. */
    Budgets of(Caller caller, BudgetLeft left) {
        long used = ledger.spent(new BudgetLedger.BudgetKey(BudgetLedger.Level.TASK, caller.taskKey())).tokens();
        long tokensLeft = left == null || left.tokens() < 0 ? Long.MAX_VALUE : left.tokens();
        return new Budgets(used, tokensLeft, 0, Long.MAX_VALUE);
    }

    /** For an MCP operation of the task {@code token} belongs to. */
    Budgets of(VerifiedToken token) {
        Caller caller = ModelsService.caller(token);
        return of(caller, limits.left(caller));
    }
}
