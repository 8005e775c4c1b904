package dev.agentbroker.mcp.gateway;

import java.util.List;

/**
 * A tool definition waiting for approval.
 *
 * @param server      upstream server name
 * @param tool        tool name as the upstream knows it
 * @param digest      SHA-256 of the waiting definition
 * @param reason      {@code changed}, {@code new-flagged} or {@code new-requires-approval}
 * @param flags       poisoning markers found in its description
 * @param description the waiting description, for review
 * @param since       when it was first seen (ISO-8601)
 */
public record PendingTool(String server, String tool, String digest, String reason, List<String> flags,
                          String description, String since) {
    public PendingTool {
        flags = List.copyOf(flags);
    }
}
