/**
 * Sandbox MCP servers written in Java for the quickstart and tests, runnable in the broker's
 * JVM or over stdio ({@link dev.agentbroker.mcp.sandbox.SandboxMain}) with no npm: a file
 * system confined to a root, a fetch server answering canned responses, and a notes store.
 */
package dev.agentbroker.mcp.sandbox;
