package dev.agentbroker.broker.enforce;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.agentbroker.broker.policy.EntityCatalog;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.policy.ToolAnnotations;
import dev.agentbroker.broker.policy.ToolDescriptor;
import dev.agentbroker.broker.policy.ToolGroups;

/**
 * Feeds the MCP side of the entity store: the configured upstream servers
 * ({@link #servers}), and each server's tools with their MCP annotations and configured tool
 * groups, either in bulk after a {@code tools/list} ({@link #listed}) or one at a time as the
 * gateway's pinned catalog presents a tool to the gate ({@link #presented}; a tool only
 * reaches the gate when it is in that catalog). A server that was never registered stays
 * unknown, so everything on it is denied. Thread-safe.
 */
public final class McpEntities {
    private final EntityStore store;
    private final ToolGroups groups;
    private final Map<String, ToolDescriptor> known = new ConcurrentHashMap<>();

    McpEntities(EntityStore store, ToolGroups groups) {
        this.store = store;
        this.groups = groups;
    }

    /** Registers the configured upstream servers (call once at start-up with the gateway's server names). */
    public void servers(Collection<String> names) {
        names.forEach(store::addServer);
    }

    /** Replaces every tool of {@code server} with the entries of its {@code tools/list} result. */
    public void listed(String server, Collection<? extends JsonValue> tools) {
        List<ToolDescriptor> out = new ArrayList<>();
        for (JsonValue item : tools) {
            if (item instanceof JsonObject tool && tool.get("name") instanceof JsonString name) {
                out.add(descriptor(server, name.getString(), tool.get("annotations")));
            }
        }
        store.setTools(server, out);
        known.keySet().removeIf(id -> id.startsWith(server + "/"));
        out.forEach(d -> known.put(d.id(), d));
    }

    /**
     * Makes sure the store holds {@code tool} of {@code server} as the gateway presents it
     * (adds it, or replaces it when its annotations changed); false when the server is not registered.
     */
    boolean presented(String server, String tool, JsonObject annotations) {
        EntityCatalog catalog = store.current();
        if (!catalog.hasServer(server)) {
            return false;
        }
        ToolDescriptor d = descriptor(server, tool, annotations);
        if (!d.equals(known.get(d.id())) || !catalog.hasTool(server, tool)) {
            store.setTool(d);
            known.put(d.id(), d);
        }
        return true;
    }

    private ToolDescriptor descriptor(String server, String name, JsonValue annotations) {
        ToolAnnotations a = annotations instanceof JsonObject o ? ToolAnnotations.fromJson(o) : ToolAnnotations.NONE;
        return new ToolDescriptor(server, name, a, groups.groupsOf(server, name));
    }
}
