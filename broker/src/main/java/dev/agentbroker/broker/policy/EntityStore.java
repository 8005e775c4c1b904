package dev.agentbroker.broker.policy;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The live {@link EntityCatalog}: the token, routing and MCP areas feed it (agents from the
 * registry, models from the routing table, tools from each upstream's {@code tools/list});
 * the policy engine reads one consistent snapshot per request. Updates are atomic
 * copy-on-write swaps. Thread-safe.
 */
public final class EntityStore {
    private final AtomicReference<EntityCatalog> current;

    public EntityStore(EntityCatalog initial) {
        this.current = new AtomicReference<>(initial);
    }

    public EntityCatalog current() {
        return current.get();
    }

    public void update(UnaryOperator<EntityCatalog> change) {
        current.updateAndGet(change);
    }

    public void setAgents(Collection<AgentDescriptor> agents) {
        update(c -> c.withAgents(agents));
    }

    public void setModels(Collection<ModelDescriptor> models) {
        update(c -> c.withModels(models));
    }

    public void addServer(String server) {
        update(c -> c.withServer(server));
    }

    /** Adds or replaces one tool (as the gateway's pinned catalog presents it). */
    public void setTool(ToolDescriptor tool) {
        update(c -> c.withTool(tool));
    }

    /** Replaces the tools of {@code server} after its {@code tools/list} (or a list-changed notification). */
    public void setTools(String server, Collection<ToolDescriptor> tools) {
        update(c -> c.withTools(server, tools));
    }
}
