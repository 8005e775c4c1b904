/**
 * Cedar enforcement at the broker's doors: the model endpoints' {@link dev.agentbroker.llm.CallGate}
 * ({@link dev.agentbroker.broker.enforce.ModelCallGate}), the MCP gateway's
 * {@link dev.agentbroker.mcp.gateway.McpGate} ({@link dev.agentbroker.broker.enforce.CedarMcpGate}),
 * the feeding of the entity store from the routing table and the upstreams' {@code tools/list}
 * ({@link dev.agentbroker.broker.enforce.McpEntities}), and the wiring of all of it
 * ({@link dev.agentbroker.broker.enforce.PolicyFeature}). The Cedar engine itself lives in
 * {@code dev.agentbroker.broker.policy}, which knows nothing of HTTP or MCP.
 */
package dev.agentbroker.broker.enforce;
