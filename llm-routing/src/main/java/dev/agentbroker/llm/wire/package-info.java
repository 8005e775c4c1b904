/**
 * Wire formats: error bodies in the client's dialect, server-sent events (WHATWG HTML
 * "Server-sent events" 9.2) scanning and writing, and translation between the OpenAI chat
 * completions API and the Anthropic Messages API.
 */
package dev.agentbroker.llm.wire;
