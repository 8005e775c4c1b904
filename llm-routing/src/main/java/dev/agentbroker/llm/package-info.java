/**
 * Framework-neutral model gateway: OpenAI- and Anthropic-compatible endpoints
 * ({@link dev.agentbroker.llm.ModelGateway}) over provider clients, routing, translation,
 * usage accounting and the scripted sandbox model. Never imports the broker: it talks to it
 * through small ports ({@link dev.agentbroker.llm.ResponseSink}, {@link dev.agentbroker.llm.CallGate},
 * {@link dev.agentbroker.llm.usage.ModelCallListener}, {@link dev.agentbroker.llm.usage.BudgetLedger}).
 */
package dev.agentbroker.llm;
