package dev.agentbroker.llm.provider;

import java.time.Instant;

import dev.agentbroker.llm.Endpoint;

/**
 * A request ready for one provider: in the provider's own dialect, model already replaced by
 * the deployment's upstream model name.
 *
 * @param endpoint      the provider-side endpoint ({@code MESSAGES} for Anthropic chat)
 * @param upstreamModel the provider's model (or Azure deployment) name
 * @param body          the JSON body
 * @param stream        whether an SSE answer is expected
 * @param timeouts      the deployment's timeouts
 * @param deadline      when the whole call must be over
 */
public record UpstreamRequest(Endpoint endpoint, String upstreamModel, byte[] body, boolean stream,
                              Timeouts timeouts, Instant deadline) {
}
