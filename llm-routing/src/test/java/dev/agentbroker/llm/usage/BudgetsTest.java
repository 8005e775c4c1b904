package dev.agentbroker.llm.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.agentbroker.llm.Caller;
import dev.agentbroker.llm.LlmException;
import dev.agentbroker.llm.usage.BudgetLedger.Level;

class BudgetsTest {
    static Caller caller(String task, String agent, String user) {
        return new Caller("jti-" + task, user, agent, List.of(agent), task, null, Set.of("model:*"));
    }

    final Budgets budgets = new Budgets(Map.of(Level.TASK, new BudgetLimits(100, 0), Level.AGENT, new BudgetLimits(0, 3),
            Level.USER, new BudgetLimits(1000, 0)), new InMemoryBudgetLedger());

    @Test
    void leftReportsTheTightestLevel() {
        Caller c = caller("t1", "agent", "alice");
        assertEquals(new BudgetLeft(100, 3, null), budgets.left(c));
        budgets.charge(c, new Usage(30, 10, false));
        assertEquals(new BudgetLeft(60, 2, null), budgets.left(c));
    }

    @Test
    void taskTokenBudgetRefusesOnceSpent() {
        Caller c = caller("t2", "agent-x", "bob");
        budgets.charge(c, new Usage(90, 20, false));
        LlmException e = assertThrows(LlmException.class, () -> budgets.check(c));
        assertEquals(LlmException.Kind.BUDGET_EXHAUSTED, e.kind());
        assertEquals("the task budget for model calls is exhausted (100 tokens allowed)", e.getMessage());
        budgets.check(caller("t3", "agent-x", "bob"));
    }

    @Test
    void agentCallBudgetSpansTasks() {
        for (int i = 0; i < 3; i++) {
            budgets.charge(caller("task" + i, "busy-agent", "carol"), new Usage(1, 1, false));
        }
        LlmException e = assertThrows(LlmException.class, () -> budgets.check(caller("fresh", "busy-agent", "carol")));
        assertEquals("the agent budget for model calls is exhausted (3 calls allowed)", e.getMessage());
    }

    @Test
    void taskWithoutIdIsCountedByToken() {
        Caller c = new Caller("jti-9", "dave", "agent", List.of(), null, null, Set.of());
        assertEquals("token:jti-9", c.taskKey());
    }

    @Test
    void argumentDigestIgnoresKeyOrderAndWhitespace() {
        ToolCallRef a = ToolCallRef.of("c1", "fs__write_file", "{\"path\":\"/a\",\"content\":\"x\"}");
        ToolCallRef b = ToolCallRef.of("c2", "fs__write_file", "{ \"content\": \"x\", \"path\": \"/a\" }");
        assertEquals(a.argumentDigest(), b.argumentDigest());
        assertEquals(ToolCallRef.of("c", "t", "").argumentDigest(), ToolCallRef.of("c", "t", "{}").argumentDigest());
    }
}
