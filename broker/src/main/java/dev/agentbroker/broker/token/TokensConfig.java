package dev.agentbroker.broker.token;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigNode;
import dev.agentbroker.broker.config.SecretRef;

/**
 * The {@code tokens} section: who issues task tokens, how long they live and where the
 * signing keys come from. Immutable.
 *
 * @param issuer      the {@code iss} of task tokens; absent means the broker's base URL
 * @param lifetime    default task-token lifetime
 * @param maxLifetime the cap on any requested lifetime
 * @param clockSkew   tolerated clock difference for {@code exp}/{@code nbf} (at most 60 s)
 * @param keys        a private JWKS given by reference; absent means generated in the data dir
 */
public record TokensConfig(Optional<URI> issuer, Duration lifetime, Duration maxLifetime, Duration clockSkew,
                           Optional<SecretRef> keys) {
    public static final TokensConfig DEFAULTS = new TokensConfig(Optional.empty(), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofSeconds(60), Optional.empty());

    static TokensConfig read(ConfigNode node) {
        Optional<URI> issuer = node.optionalString("issuer").map(text -> url(node.pathOf("issuer"), text));
        Duration lifetime = node.duration("lifetime", DEFAULTS.lifetime(), Duration.ofSeconds(10), Duration.ofHours(1));
        Duration max = node.duration("max-lifetime", DEFAULTS.maxLifetime(), Duration.ofSeconds(10), Duration.ofHours(1));
        if (lifetime.compareTo(max) > 0) {
            throw new ConfigException(node.pathOf("lifetime"), "must not exceed tokens.max-lifetime (" + max + ")");
        }
        Duration skew = node.duration("clock-skew", DEFAULTS.clockSkew(), Duration.ZERO, Duration.ofSeconds(60));
        Optional<SecretRef> keys = node.optionalSecret("keys");
        return new TokensConfig(issuer, lifetime, max, skew, keys);
    }

    static URI url(String path, String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new ConfigException(path, "must be an absolute http(s) URL without query or fragment");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(path, "is not a valid URL: \"" + text + "\"");
        }
    }
}
