/**
 * Connections to upstream MCP servers, as raw JSON-RPC so unknown fields and {@code _meta}
 * survive: stdio child processes (clean environment, supervised restart with backoff),
 * Streamable HTTP (MCP 2025-06-18/2025-11-25 "Transports") and the legacy HTTP+SSE transport
 * (MCP 2024-11-05). The broker's own credentials are the only ones an upstream sees.
 */
package dev.agentbroker.mcp.upstream;
