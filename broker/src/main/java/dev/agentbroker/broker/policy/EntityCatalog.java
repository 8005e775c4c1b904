package dev.agentbroker.broker.policy;

import static dev.agentbroker.broker.policy.CedarTypes.entity;
import static dev.agentbroker.broker.policy.CedarTypes.strings;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

/**
 * The long-lived entities policies can refer to, built from configuration and live data:
 * agents from the agent registry, models from the routing table, MCP servers from the
 * upstream configuration and tools (with their annotations) from each upstream's
 * {@code tools/list}. Users and groups are not here: they come from each request's token.
 * Every entity is converted to its Cedar form once, when the catalog is built. Immutable;
 * the {@code with...} methods return a new catalog ({@link EntityStore} swaps them).
 */
public final class EntityCatalog {
    /** An empty catalog: every request is denied for a missing entity. */
    public static final EntityCatalog EMPTY = new EntityCatalog(Map.of(), Map.of(), Map.of(), Map.of());

    private final Map<String, Entity> agents;
    private final Map<String, Entity> models;
    private final Map<String, Entity> servers;
    private final Map<String, Entity> tools;

    private EntityCatalog(Map<String, Entity> agents, Map<String, Entity> models, Map<String, Entity> servers,
                          Map<String, Entity> tools) {
        this.agents = Map.copyOf(agents);
        this.models = Map.copyOf(models);
        this.servers = Map.copyOf(servers);
        this.tools = Map.copyOf(tools);
    }

    /** This catalog with exactly {@code list} as its agents. */
    public EntityCatalog withAgents(Collection<AgentDescriptor> list) {
        Map<String, Entity> out = new HashMap<>();
        for (AgentDescriptor a : list) {
            Set<EntityUID> parents = new HashSet<>();
            a.classes().forEach(c -> parents.add(CedarTypes.AGENT_CLASS.of(c)));
            out.put(a.id(), entity(CedarTypes.AGENT.of(a.id()), Map.of(), parents));
        }
        return new EntityCatalog(out, models, servers, tools);
    }

    /** This catalog with exactly {@code list} as its models. */
    public EntityCatalog withModels(Collection<ModelDescriptor> list) {
        Map<String, Entity> out = new HashMap<>();
        for (ModelDescriptor m : list) {
            Map<String, Value> attrs = Map.of("provider", new PrimString(m.provider()),
                    "family", new PrimString(m.family()),
                    "grantedBy", strings(List.of("model:*", "model:" + m.name())));
            out.put(m.name(), entity(CedarTypes.MODEL.of(m.name()), attrs,
                    Set.of(CedarTypes.MODEL_FAMILY.of(m.family()), CedarTypes.PROVIDER.of(m.provider()))));
        }
        return new EntityCatalog(agents, out, servers, tools);
    }

    /** This catalog with {@code server} known (idempotent); its tools are unchanged. */
    public EntityCatalog withServer(String server) {
        Names.server(server);
        if (servers.containsKey(server)) {
            return this;
        }
        Map<String, Entity> out = new HashMap<>(servers);
        out.put(server, serverEntity(server, List.of()));
        return new EntityCatalog(agents, models, out, tools);
    }

    /** This catalog with {@code list} replacing every tool of {@code server} (which becomes known). */
    public EntityCatalog withTools(String server, Collection<ToolDescriptor> list) {
        Names.server(server);
        Map<String, Entity> out = new HashMap<>(tools);
        out.keySet().removeIf(id -> id.startsWith(server + "/"));
        for (ToolDescriptor t : list) {
            if (!t.server().equals(server)) {
                throw new IllegalArgumentException("tool " + t.id() + " is not a tool of server " + server);
            }
            out.put(t.id(), toolEntity(t));
        }
        Map<String, Entity> withServer = new HashMap<>(servers);
        withServer.put(server, serverEntity(server, list.stream().map(t -> "mcp:" + t.id()).toList()));
        return new EntityCatalog(agents, models, withServer, out);
    }

    /** This catalog with {@code tool} added or replaced (its server becomes known); the server's other tools stay. */
    public EntityCatalog withTool(ToolDescriptor tool) {
        Map<String, Entity> out = new HashMap<>(tools);
        out.put(tool.id(), toolEntity(tool));
        Map<String, Entity> withServer = new HashMap<>(servers);
        List<String> scopes = out.keySet().stream().filter(id -> id.startsWith(tool.server() + "/")).sorted()
                .map(id -> "mcp:" + id).toList();
        withServer.put(tool.server(), serverEntity(tool.server(), scopes));
        return new EntityCatalog(agents, models, withServer, out);
    }

    /** Whether tool {@code name} of {@code server} is known. */
    public boolean hasTool(String server, String name) {
        return tools.containsKey(server + "/" + name);
    }

    /** Whether MCP server {@code name} is known. */
    public boolean hasServer(String name) {
        return servers.containsKey(name);
    }

    Optional<Entity> agent(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    Optional<Entity> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    Optional<Entity> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    Optional<Entity> tool(String server, String name) {
        return Optional.ofNullable(tools.get(server + "/" + name));
    }

    /** Counts for the admin API and logs. */
    public Map<String, Integer> sizes() {
        return Map.of("agents", agents.size(), "models", models.size(), "servers", servers.size(),
                "tools", tools.size());
    }

    private static Entity serverEntity(String server, List<String> toolScopes) {
        return entity(CedarTypes.SERVER.of(server), Map.of("grantedBy", strings(List.of("mcp:*", "mcp:" + server)),
                "toolScopes", strings(toolScopes)), Set.of());
    }

    private static Entity toolEntity(ToolDescriptor t) {
        Set<EntityUID> parents = new HashSet<>();
        parents.add(CedarTypes.SERVER.of(t.server()));
        t.groups().forEach(g -> parents.add(CedarTypes.TOOL_GROUP.of(g)));
        ToolAnnotations a = t.annotations();
        Map<String, Value> attrs = Map.of("server", new PrimString(t.server()), "name", new PrimString(t.name()),
                "readOnly", CedarTypes.bool(a.readOnly()), "destructive", CedarTypes.bool(a.destructive()),
                "idempotent", CedarTypes.bool(a.idempotent()), "openWorld", CedarTypes.bool(a.openWorld()),
                "grantedBy", strings(List.of("mcp:*", "mcp:" + t.server(), "mcp:" + t.id())));
        return entity(CedarTypes.TOOL.of(t.id()), attrs, parents);
    }
}
