/**
 * JMH microbenchmarks of the broker's hot path (token verification and exchange, Cedar
 * decisions, audit append, JSON-RPC parsing). Run with {@code bench/jmh}; figures go to
 * docs/benchmarks.md.
 */
package dev.agentbroker.bench;
