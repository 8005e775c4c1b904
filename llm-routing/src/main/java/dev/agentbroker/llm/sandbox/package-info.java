/**
 * The scripted sandbox model: a provider that answers from deterministic scenario files
 * (JSON) with text and tool calls, in the OpenAI and the Anthropic dialect, streamed or not,
 * so agents can be tested offline and with no API key.
 */
package dev.agentbroker.llm.sandbox;
