/**
 * The MCP gateway inside the broker: the {@code mcp} configuration section, the Helidon
 * routes for {@code /mcp} and {@code /mcp/{server}} with bearer authentication, RFC 9728
 * metadata, CORS and DNS-rebinding checks, the default scope gate, the audit event sink and
 * the tool-approval admin API. Wired by {@link dev.agentbroker.broker.mcp.McpFeature}.
 */
package dev.agentbroker.broker.mcp;
