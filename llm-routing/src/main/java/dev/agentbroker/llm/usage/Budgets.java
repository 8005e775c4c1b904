package dev.agentbroker.llm.usage;

import java.util.EnumMap;
import java.util.Map;

import dev.agentbroker.llm.Caller;
import dev.agentbroker.llm.LlmException;
import dev.agentbroker.llm.usage.BudgetLedger.BudgetKey;
import dev.agentbroker.llm.usage.BudgetLedger.Level;
import dev.agentbroker.llm.usage.BudgetLedger.Spent;

/**
 * Budgets per task, agent and user: {@link #left} before a call (for the policy context),
 * {@link #check} refuses a caller with nothing left, {@link #charge} counts a finished call.
 * Calls in flight are not reserved, so concurrent calls may overshoot by what they consume.
 * Thread-safe.
 */
public final class Budgets {
    private final Map<Level, BudgetLimits> limits;
    private final BudgetLedger ledger;

    public Budgets(Map<Level, BudgetLimits> limits, BudgetLedger ledger) {
        this.limits = new EnumMap<>(Level.class);
        this.limits.putAll(limits);
        this.ledger = ledger;
    }

    /** No limits at all. */
    public static Budgets unlimited() {
        return new Budgets(Map.of(), new InMemoryBudgetLedger());
    }

    public BudgetLeft left(Caller caller) {
        long tokens = -1;
        long calls = -1;
        Level exhausted = null;
        for (Map.Entry<Level, BudgetLimits> entry : limits.entrySet()) {
            BudgetLimits limit = entry.getValue();
            Spent spent = ledger.spent(key(entry.getKey(), caller));
            if (limit.tokens() > 0) {
                long left = Math.max(0, limit.tokens() - spent.tokens());
                tokens = tokens < 0 ? left : Math.min(tokens, left);
                exhausted = left == 0 && exhausted == null ? entry.getKey() : exhausted;
            }
            if (limit.calls() > 0) {
                long left = Math.max(0, limit.calls() - spent.calls());
                calls = calls < 0 ? left : Math.min(calls, left);
                exhausted = left == 0 && exhausted == null ? entry.getKey() : exhausted;
            }
        }
        return new BudgetLeft(tokens, calls, exhausted);
    }

    /** Throws a 429 {@link LlmException} naming the exhausted level. */
    public BudgetLeft check(Caller caller) {
        BudgetLeft left = left(caller);
        if (left.exhausted() != null) {
            String level = left.exhausted().name().toLowerCase();
            throw new LlmException(LlmException.Kind.BUDGET_EXHAUSTED, "budget_exhausted",
                    "the " + level + " budget for model calls is exhausted (" + describe(left.exhausted()) + ")");
        }
        return left;
    }

    public void charge(Caller caller, Usage usage) {
        for (Level level : Level.values()) {
            ledger.charge(key(level, caller), usage.total());
        }
    }

    private String describe(Level level) {
        BudgetLimits limit = limits.get(level);
        StringBuilder out = new StringBuilder();
        if (limit.tokens() > 0) {
            out.append(limit.tokens()).append(" tokens");
        }
        if (limit.calls() > 0) {
            out.append(out.isEmpty() ? "" : ", ").append(limit.calls()).append(" calls");
        }
        return out.append(" allowed").toString();
    }

    private static BudgetKey key(Level level, Caller caller) {
        return switch (level) {
            case TASK -> new BudgetKey(level, caller.taskKey());
            case AGENT -> new BudgetKey(level, caller.agent());
            case USER -> new BudgetKey(level, caller.user());
        };
    }
}
