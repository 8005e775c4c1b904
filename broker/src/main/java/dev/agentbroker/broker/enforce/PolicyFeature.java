package dev.agentbroker.broker.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.models.ModelsConfig;
import dev.agentbroker.broker.policy.EntityCatalog;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.policy.ModelDescriptor;
import dev.agentbroker.broker.policy.PolicyRuntime;
import dev.agentbroker.llm.CallGate;
import dev.agentbroker.llm.usage.BudgetLedger;
import dev.agentbroker.llm.usage.Budgets;
import dev.agentbroker.mcp.gateway.McpGate;

/**
 * Cedar enforcement wired from the configuration, called once from {@code Broker.start}:
 * the entity store (models from the routing table now; agents from the agent registry and
 * MCP servers and tools from the MCP wiring as they arrive), the {@link PolicyRuntime}
 * (enforced set, hot reload, shadow candidate), the model gate and the MCP gate. Start-up
 * fails with {@link dev.agentbroker.broker.policy.PolicyLoadException} when the policy set is
 * invalid. Thread-safe; {@link #close()} stops reloading.
 */
public final class PolicyFeature implements AutoCloseable {
    private final PolicyRuntime runtime;
    private final EntityStore entities;
    private final ModelCallGate modelGate;
    private final CedarMcpGate mcpGate;
    private final McpEntities mcpEntities;

    private PolicyFeature(PolicyRuntime runtime, EntityStore entities, ModelCallGate modelGate, CedarMcpGate mcpGate,
                          McpEntities mcpEntities) {
        this.runtime = runtime;
        this.entities = entities;
        this.modelGate = modelGate;
        this.mcpGate = mcpGate;
        this.mcpEntities = mcpEntities;
    }

    /**
     * @param ledger the budget ledger the model gateway charges (policies see the task's spending)
     */
    public static PolicyFeature start(BrokerConfig config, MeterRegistry registry, AuditSink audit, BudgetLedger ledger) {
        EntityStore entities = new EntityStore(EntityCatalog.EMPTY.withModels(models(config)));
        PolicyRuntime runtime = PolicyRuntime.start(config.policies(), entities, registry, audit);
        TaskBudgets budgets = new TaskBudgets(new Budgets(config.models().budgets(), ledger), ledger);
        McpEntities mcpEntities = new McpEntities(entities, runtime.toolGroups());
        return new PolicyFeature(runtime, entities, new ModelCallGate(runtime.engine(), budgets),
                new CedarMcpGate(runtime.engine(), mcpEntities, budgets, new DecisionAudit(audit)), mcpEntities);
    }

    /** Every model alias as policies see it: its family, and the provider of its first deployment. */
    static List<ModelDescriptor> models(BrokerConfig config) {
        List<ModelDescriptor> out = new ArrayList<>();
        for (Map.Entry<String, ModelsConfig.Alias> e : config.models().aliases().entrySet()) {
            ModelsConfig.Alias alias = e.getValue();
            out.add(new ModelDescriptor(e.getKey(), alias.deployments().get(0).provider(), alias.familyOf(e.getKey())));
        }
        return out;
    }

    /** The gate for {@code ModelsFeature.create}. */
    public CallGate modelGate() {
        return modelGate;
    }

    /** The gate for the MCP gateway; its caller object must be the request's {@code VerifiedToken}. */
    public McpGate mcpGate() {
        return mcpGate;
    }

    /** Where the MCP wiring registers upstream servers and their {@code tools/list}. */
    public McpEntities mcpEntities() {
        return mcpEntities;
    }

    /** The live entity store (the agent registry calls {@code setAgents}). */
    public EntityStore entities() {
        return entities;
    }

    public PolicyRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
