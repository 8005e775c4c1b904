/**
 * The tamper-evident audit trail: events, the durable sink port, the hash-chained writer
 * and its verifier.
 */
package dev.agentbroker.broker.audit;
