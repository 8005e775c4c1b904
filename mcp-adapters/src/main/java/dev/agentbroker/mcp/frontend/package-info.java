/**
 * The MCP Streamable HTTP front end (MCP 2025-03-26, 2025-06-18 and 2025-11-25, "Transports",
 * Streamable HTTP), independent of any web framework: POST with JSON or SSE answers, GET event
 * streams, DELETE, {@code Mcp-Session-Id} sessions bound to the caller, protocol version
 * negotiation, {@code Host}/{@code Origin} validation (DNS rebinding) and CORS.
 */
package dev.agentbroker.mcp.frontend;
