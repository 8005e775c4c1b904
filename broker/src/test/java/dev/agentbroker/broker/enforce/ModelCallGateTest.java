package dev.agentbroker.broker.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.agentbroker.broker.models.ModelsService;
import dev.agentbroker.llm.CallGate;
import dev.agentbroker.llm.Caller;
import dev.agentbroker.llm.Endpoint;
import dev.agentbroker.llm.usage.BudgetLeft;
import dev.agentbroker.llm.usage.InMemoryBudgetLedger;

/** The model gate's verdicts without HTTP: budgets reach the policy, and a caller without a verified token is refused. */
class ModelCallGateTest {
    @TempDir
    Path tmp;

    private CallGate.Verdict check(CallGate gate, Caller caller, BudgetLeft left) {
        return gate.check(new CallGate.Request(caller, Endpoint.CHAT_COMPLETIONS, "sandbox", false, left));
    }

    @Test
    void theTasksBudgetReachesThePolicy() {
        try (PolicyFeature policy = PolicyFeature.start(Quickstart.config(Quickstart.POLICIES, false, tmp),
                new SimpleMeterRegistry(), new AuditTrail(), new InMemoryBudgetLedger())) {
            Quickstart.registerAgents(policy.entities());
            Caller caller = ModelsService.caller(Quickstart.token("alice", "research", Quickstart.chain(1), "model:*"));

            CallGate.Verdict within = check(policy.modelGate(), caller, new BudgetLeft(500, -1, null));
            CallGate.Verdict exhausted = check(policy.modelGate(), caller, new BudgetLeft(0, -1, null));

            assertTrue(within.allowed(), within.toString());
            assertEquals("deny", exhausted.decision());
            assertEquals(List.of("task-token-budget"), exhausted.policyIds());
            assertEquals(policy.runtime().engine().current().version(), exhausted.policyVersion());
        }
    }

    @Test
    void aCallerWithoutAVerifiedTokenIsRefused() {
        try (PolicyFeature policy = PolicyFeature.start(Quickstart.config(Quickstart.POLICIES, false, tmp),
                new SimpleMeterRegistry(), new AuditTrail(), new InMemoryBudgetLedger())) {
            Caller bare = new Caller("jti", "alice", "research-agent", List.of("research-agent"), "task", null,
                    Set.of("model:*"));

            CallGate.Verdict v = check(policy.modelGate(), bare, BudgetLeft.UNLIMITED);

            assertFalse(v.allowed());
            assertEquals("action invoke_model on Model::\"sandbox\" denied (no verified task token)", v.reason());
        }
    }
}
