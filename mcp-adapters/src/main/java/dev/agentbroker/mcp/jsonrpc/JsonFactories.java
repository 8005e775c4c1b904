package dev.agentbroker.mcp.jsonrpc;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of this module, looked up once. Each static {@code Json.createX}
 * call looks the provider up again through {@code ServiceLoader} (a jar scan), which showed
 * as 14 % of the broker's CPU under load; hot paths call {@link #JSON} instead. Thread-safe.
 */
public final class JsonFactories {
    /** Use as {@code JSON.createObjectBuilder()}, {@code JSON.createReader(...)}, and so on. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactories() {
    }
}
