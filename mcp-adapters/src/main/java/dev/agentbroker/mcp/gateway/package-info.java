/**
 * Federation of upstream MCP servers behind one front end: namespacing ({@code server__tool},
 * prefixed resource URIs and prompt names), the gate called before forwarding, the event sink
 * called after, and tool-definition pinning with quarantine (rug-pull protection).
 */
package dev.agentbroker.mcp.gateway;
