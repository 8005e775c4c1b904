package dev.agentbroker.llm.provider;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One configured provider. The key is held as a supplier so it is read only when a request
 * is built and never appears in {@link #toString()}. Immutable.
 *
 * @param name       the provider's name in the config, e.g. {@code openai}
 * @param kind       its kind
 * @param baseUrl    API root: {@code https://api.openai.com/v1}, {@code https://api.anthropic.com},
 *                   {@code https://RESOURCE.openai.azure.com}, {@code http://localhost:11434/v1}
 * @param apiKey     supplies the key; returns null when the provider needs none
 * @param apiVersion Azure's {@code api-version} or Anthropic's {@code anthropic-version}; may be null
 */
public record ProviderSpec(String name, ProviderKind kind, URI baseUrl, Supplier<String> apiKey, String apiVersion) {
    public ProviderSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (kind != ProviderKind.SANDBOX) {
            Objects.requireNonNull(baseUrl, "baseUrl");
        }
        apiKey = apiKey == null ? () -> null : apiKey;
    }

    @Override
    public String toString() {
        return "ProviderSpec[" + name + ", " + kind + ", " + baseUrl + "]";
    }
}
