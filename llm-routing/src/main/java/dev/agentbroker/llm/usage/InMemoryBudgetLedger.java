package dev.agentbroker.llm.usage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The embedded {@link BudgetLedger}: counters in a concurrent map, lost on restart. Suits one
 * broker instance; tasks are short-lived, so their counters are small. Thread-safe.
 */
public final class InMemoryBudgetLedger implements BudgetLedger {
    private final ConcurrentMap<BudgetKey, AtomicLongArray> counters = new ConcurrentHashMap<>();

    @Override
    public Spent spent(BudgetKey key) {
        AtomicLongArray c = counters.get(key);
        return c == null ? Spent.NOTHING : new Spent(c.get(0), c.get(1));
    }

    @Override
    public void charge(BudgetKey key, long tokens) {
        AtomicLongArray c = counters.computeIfAbsent(key, k -> new AtomicLongArray(2));
        c.addAndGet(0, tokens);
        c.incrementAndGet(1);
    }
}
