package dev.agentbroker.broker.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tool groups of configuration ({@code policies.tool-groups}): group name to patterns
 * {@code server/tool} or {@code server/*}. The MCP area asks {@link #groupsOf} when it turns
 * an upstream's {@code tools/list} into {@link ToolDescriptor}s. Immutable.
 */
public final class ToolGroups {
    private final Map<String, List<String>> patterns;

    public ToolGroups(Map<String, List<String>> patterns) {
        this.patterns = Map.copyOf(patterns);
    }

    /** The groups tool {@code name} of {@code server} belongs to. */
    public Set<String> groupsOf(String server, String name) {
        Set<String> out = new TreeSet<>();
        patterns.forEach((group, list) -> {
            for (String p : list) {
                if (p.equals(server + "/" + name) || p.equals(server + "/*")) {
                    out.add(group);
                }
            }
        });
        return out;
    }
}
