/** Logging and metrics set-up: one-line structured logs and the Prometheus registry. */
package dev.agentbroker.broker.observability;
