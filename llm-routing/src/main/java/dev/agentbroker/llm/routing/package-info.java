/**
 * Routing: model aliases to ordered deployments, balancing (ordered, weighted, least-busy),
 * retries with exponential backoff and full jitter honouring {@code Retry-After}
 * (RFC 9110, 10.2.3), fallback on connection errors, timeouts, 5xx and 429, and a circuit
 * breaker per deployment with half-open probes.
 */
package dev.agentbroker.llm.routing;
