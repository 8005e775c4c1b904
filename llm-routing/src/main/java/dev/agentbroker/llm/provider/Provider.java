package dev.agentbroker.llm.provider;

import java.io.IOException;

/**
 * A model provider the router can send requests to. Implementations are thread-safe.
 */
public interface Provider {
    ProviderSpec spec();

    /**
     * Sends {@code request} and returns once the status and headers have arrived.
     *
     * @throws IOException on connection failures and the first-byte timeout
     *                     ({@link java.net.http.HttpTimeoutException})
     */
    UpstreamCall send(UpstreamRequest request) throws IOException;
}
