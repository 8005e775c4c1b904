package dev.agentbroker.broker.models;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigNode;
import dev.agentbroker.broker.config.SecretRef;
import dev.agentbroker.llm.provider.ProviderKind;

/**
 * One entry of the {@code providers} section. The key is only ever a secret reference.
 *
 * @param kind       openai, anthropic, azure-openai, openai-compatible or sandbox
 * @param baseUrl    API root (defaults for openai and anthropic; none for the sandbox)
 * @param apiKey     the key's reference; required for openai, anthropic and azure-openai
 * @param apiVersion Azure {@code api-version} / Anthropic {@code anthropic-version}, or null
 * @param scenarios  sandbox only: a directory of extra scenario files, or null
 */
public record ProviderConfig(ProviderKind kind, URI baseUrl, Optional<SecretRef> apiKey, String apiVersion,
                             Path scenarios) {

    private static final Map<ProviderKind, String> DEFAULT_URLS = Map.of(
            ProviderKind.OPENAI, "https://api.openai.com/v1",
            ProviderKind.ANTHROPIC, "https://api.anthropic.com");

    public static ProviderConfig read(ConfigNode node) {
        ProviderKind kind = node.choice("kind", ProviderKind.SANDBOX);
        if (!node.has("kind")) {
            throw new ConfigException(node.pathOf("kind"), "required key is missing (openai, anthropic, azure-openai, "
                    + "openai-compatible or sandbox)");
        }
        if (kind == ProviderKind.SANDBOX) {
            Path scenarios = node.optionalString("scenarios").map(Path::of).orElse(null);
            return new ProviderConfig(kind, null, Optional.empty(), null, scenarios);
        }
        String url = node.optionalString("base-url").orElse(DEFAULT_URLS.get(kind));
        if (url == null) {
            throw new ConfigException(node.pathOf("base-url"), "required for a provider of kind " + kind.name().toLowerCase().replace('_', '-'));
        }
        URI baseUrl = parseUrl(node.pathOf("base-url"), url);
        Optional<SecretRef> key = node.optionalSecret("api-key");
        if (key.isEmpty() && kind != ProviderKind.OPENAI_COMPATIBLE) {
            throw new ConfigException(node.pathOf("api-key"), "required (a reference such as env:NAME or file:/path)");
        }
        return new ProviderConfig(kind, baseUrl, key, node.optionalString("api-version").orElse(null), null);
    }

    private static URI parseUrl(String path, String text) {
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException(path, "expected an http(s) URL, got \"" + text + "\"");
    }
}
