package dev.agentbroker.broker.token;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigNode;
import dev.agentbroker.broker.config.SecretRef;

/**
 * One registered agent (an OAuth client) of the {@code agents} list. Immutable.
 *
 * @param id           the client id, also the Cedar {@code Agent} id
 * @param owner        who answers for the agent (a person or team)
 * @param enabled      a disabled agent cannot obtain tokens and its live tokens stop verifying
 * @param auth         how it authenticates at the token endpoint
 * @param secret       its client secret by reference (hashed when loaded), for secret methods
 * @param secretHash   or the SHA-256 of its secret ({@code sha256:HEX}), for secret methods
 * @param jwks         its public JWKS (JSON text), for {@code private_key_jwt}
 * @param scopes       the ceiling: everything any of its tokens may ever grant
 * @param mayDelegateTo the agents it may hand a task to (sub-agent exchange)
 * @param maxDepth     the longest delegation chain it may take part in
 * @param classes      Cedar agent classes it belongs to
 */
public record AgentConfig(String id, String owner, boolean enabled, AuthMethod auth, Optional<SecretRef> secret,
                          Optional<String> secretHash, Optional<String> jwks, ScopeSet scopes,
                          List<String> mayDelegateTo, int maxDepth, Set<String> classes) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    /** Client authentication methods of RFC 6749 §2.3 and RFC 7523. */
    public enum AuthMethod { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, PRIVATE_KEY_JWT }

    public AgentConfig {
        mayDelegateTo = List.copyOf(mayDelegateTo);
        classes = Set.copyOf(classes);
    }

    static AgentConfig read(ConfigNode node) {
        String id = node.string("id");
        if (!ID.matcher(id).matches()) {
            throw new ConfigException(node.pathOf("id"), "must be letters, digits, '.', '_' or '-', got \"" + id + "\"");
        }
        String owner = node.string("owner", "unknown");
        boolean enabled = node.bool("enabled", true);
        AuthMethod auth = node.choice("auth", AuthMethod.CLIENT_SECRET_BASIC);
        Optional<SecretRef> secret = node.optionalSecret("secret");
        Optional<String> hash = node.optionalString("secret-hash");
        Optional<String> jwks = node.optionalString("jwks");
        ScopeSet scopes = scopes(node, "scopes");
        List<String> delegates = node.strings("may-delegate-to");
        int maxDepth = node.integer("max-depth", 3, 1, 10);
        Set<String> classes = Set.copyOf(node.strings("classes"));
        checkCredentials(node, auth, secret, hash, jwks);
        return new AgentConfig(id, owner, enabled, auth, secret, hash, jwks, scopes, delegates, maxDepth, classes);
    }

    static ScopeSet scopes(ConfigNode node, String key) {
        try {
            return ScopeSet.of(node.strings(key));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.pathOf(key), e.getMessage());
        }
    }

    private static void checkCredentials(ConfigNode node, AuthMethod auth, Optional<SecretRef> secret,
                                         Optional<String> hash, Optional<String> jwks) {
        if (auth == AuthMethod.PRIVATE_KEY_JWT) {
            if (jwks.isEmpty()) {
                throw new ConfigException(node.pathOf("jwks"), "required for auth private-key-jwt (the agent's public JWKS)");
            }
            return;
        }
        if (secret.isPresent() == hash.isPresent()) {
            throw new ConfigException(node.pathOf("secret"), "give exactly one of secret (env:NAME or file:/path) "
                    + "or secret-hash (sha256:HEX) for auth " + auth.name().toLowerCase().replace('_', '-'));
        }
        hash.filter(h -> !HASH.matcher(h).matches()).ifPresent(h -> {
            throw new ConfigException(node.pathOf("secret-hash"), "must be sha256: followed by 64 lower-case hex digits");
        });
    }
}
