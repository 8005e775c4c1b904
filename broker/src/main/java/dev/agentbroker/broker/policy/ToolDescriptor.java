package dev.agentbroker.broker.policy;

import java.util.Objects;
import java.util.Set;

/**
 * A tool of an upstream MCP server, from its {@code tools/list}, as policies see it:
 * {@code Tool::"server/name"} in {@code McpServer::"server"} and its {@code ToolGroup}s.
 * Immutable.
 *
 * @param server      the upstream server's configured name
 * @param name        the tool's name at the upstream (not namespaced)
 * @param annotations the MCP annotations the upstream declared
 * @param groups      the tool groups configuration puts it in (may be empty)
 */
public record ToolDescriptor(String server, String name, ToolAnnotations annotations, Set<String> groups) {
    public ToolDescriptor {
        Names.server(server);
        Names.require("tool name", name);
        Objects.requireNonNull(annotations, "annotations");
        groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
        groups.forEach(g -> Names.require("tool group", g));
    }

    /** The Cedar entity id: {@code server/name}. */
    public String id() {
        return server + "/" + name;
    }
}
