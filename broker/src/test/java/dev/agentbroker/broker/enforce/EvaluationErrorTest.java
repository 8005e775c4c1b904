package dev.agentbroker.broker.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.policy.AgentDescriptor;
import dev.agentbroker.broker.policy.ArgumentCanonicaliser;
import dev.agentbroker.broker.policy.EntityCatalog;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.policy.PolicyEngine;
import dev.agentbroker.broker.policy.PolicyLoadException;
import dev.agentbroker.broker.policy.PolicyLoader;
import dev.agentbroker.broker.policy.ToolGroups;
import dev.agentbroker.broker.policy.UnvalidatedSnapshots;
import dev.agentbroker.llm.usage.Budgets;
import dev.agentbroker.llm.usage.InMemoryBudgetLedger;
import dev.agentbroker.mcp.gateway.McpGate;

/**
 * A forbid that reads a missing attribute: strict validation refuses it at load time, and if
 * it were ever evaluated, Cedar's skipping of the erring forbid must not become an allow:
 * through the real MCP gate it is a deny with an audited error.
 */
class EvaluationErrorTest {
    private static final String PERMIT = """
            @id("tools-by-scope")
            permit (principal, action == Action::"call_tool", resource)
            when { context.token.scopes.containsAny(resource.grantedBy) };
            """;
    private static final String FORBID_READING_MISSING = """
            @id("approver-is-not-mallory")
            forbid (principal, action == Action::"call_tool", resource)
            when { context.approval.approver == "mallory" };
            """;

    @TempDir
    Path tmp;

    @Test
    void theLoaderRefusesTheForbidWithItsFileLineAndMessage() throws Exception {
        Files.writeString(tmp.resolve("00-permit.cedar"), PERMIT);
        Files.writeString(tmp.resolve("10-forbid.cedar"), FORBID_READING_MISSING);

        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> new PolicyLoader().load(tmp.toString()));
        assertTrue(e.getMessage().contains("10-forbid.cedar:3"), e.getMessage());
        assertTrue(e.getMessage().contains("optional attribute `approval`"), e.getMessage());
    }

    @Test
    void evaluatedAnywayItDeniesThroughTheGateWithAnAuditedError() throws Exception {
        AuditTrail audit = new AuditTrail();
        EntityStore store = new EntityStore(EntityCatalog.EMPTY
                .withAgents(List.of(new AgentDescriptor("research-agent", Set.of()))).withServer("fs"));
        PolicyEngine engine = new PolicyEngine(UnvalidatedSnapshots.of(PERMIT + FORBID_READING_MISSING), store,
                new ArgumentCanonicaliser(List.of("/sandbox")), new SimpleMeterRegistry(), audit, Runnable::run);
        InMemoryBudgetLedger ledger = new InMemoryBudgetLedger();
        CedarMcpGate gate = new CedarMcpGate(engine, new McpEntities(store, new ToolGroups(Map.of())),
                new TaskBudgets(new Budgets(Map.of(), ledger), ledger), new DecisionAudit(audit));
        McpGate.Operation read = new McpGate.Operation(McpGate.Action.CALL_TOOL, "fs", "read_file",
                Json.createObjectBuilder().add("path", "/sandbox/a.txt").build(),
                Json.createObjectBuilder().add("readOnlyHint", true).build(), false);

        McpGate.Decision d = gate.check(Quickstart.token("alice", "research", Quickstart.chain(1), "mcp:fs"), read);

        assertFalse(d.allowed());
        assertEquals("not permitted by policy (policy evaluation error)", d.reason());
        AuditEvent intent = audit.last(DecisionAudit.TYPE);
        assertEquals("error", intent.decision());
        assertTrue(String.valueOf(intent.attributes().get("policyErrors")).startsWith("approver-is-not-mallory: "),
                intent.attributes().toString());
    }
}
