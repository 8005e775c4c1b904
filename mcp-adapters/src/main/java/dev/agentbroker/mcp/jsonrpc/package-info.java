/**
 * JSON-RPC 2.0 messages as JSON-P values (MCP basic protocol, spec 2025-11-25 "Base Protocol"):
 * parsing with limits, building requests, responses and errors. No MCP semantics here.
 */
package dev.agentbroker.mcp.jsonrpc;
