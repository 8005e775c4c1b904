package dev.agentbroker.mcp.gateway;

import java.util.List;

/**
 * A pinning state change of one tool.
 *
 * @param type   {@code tool.quarantined} or {@code tool.approved}
 * @param server upstream server name
 * @param tool   tool name as the upstream knows it
 * @param digest SHA-256 (hex) of the definition concerned
 * @param reason why it was quarantined ({@code new-flagged}, {@code changed}, {@code new-requires-approval}), or null
 * @param flags  poisoning markers found in the description
 */
public record PinEvent(String type, String server, String tool, String digest, String reason, List<String> flags) {
    public PinEvent {
        flags = List.copyOf(flags);
    }
}
