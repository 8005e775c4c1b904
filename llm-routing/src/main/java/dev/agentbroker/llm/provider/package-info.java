/**
 * Provider clients: OpenAI, Anthropic, Azure OpenAI and any OpenAI-compatible server over the
 * JDK {@link java.net.http.HttpClient}, each answer read as a stream of chunks
 * ({@link dev.agentbroker.llm.provider.UpstreamCall}) so streamed bytes can be relayed as they come.
 */
package dev.agentbroker.llm.provider;
