/**
 * Correlation of a task's hops: W3C trace context for model and MCP calls, the task tree
 * built from audit records, and the admin API that serves it.
 */
package dev.agentbroker.broker.trace;
