package dev.agentbroker.mcp.gateway;

/**
 * One gated operation after it ran.
 *
 * @param action         what was attempted
 * @param server         upstream server name
 * @param item           tool or prompt name or resource URI as the upstream knows it
 * @param exposedName    the name the caller used (e.g. {@code fs__write_file})
 * @param allowed        the gate's decision
 * @param reason         the denial reason, or null
 * @param outcome        {@code ok}, {@code error} (the upstream failed or the tool reported isError), {@code denied}
 * @param argumentDigest SHA-256 (hex) of the canonical arguments, or null; never the arguments themselves
 * @param latencyMicros  time spent upstream, or -1 when not forwarded
 */
public record McpEvent(McpGate.Action action, String server, String item, String exposedName, boolean allowed,
                       String reason, String outcome, String argumentDigest, long latencyMicros) {
}
