/**
 * The end-to-end load harness behind {@code bench/run}: a provider stand-in, a real MCP
 * upstream and the broker, each its own process on 127.0.0.1; a closed-loop load driver on
 * virtual threads; and the report written into docs/benchmarks.md. Nothing here runs in
 * the build: benchmarks are not tests.
 */
package dev.agentbroker.bench.load;
