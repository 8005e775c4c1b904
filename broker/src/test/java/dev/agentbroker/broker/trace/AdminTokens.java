package dev.agentbroker.broker.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;

/** A test {@link TokenVerifier}: opaque strings mapped to verified tokens, checked against the expected resource. */
final class AdminTokens implements TokenVerifier {
    private final Map<String, VerifiedToken> tokens = new ConcurrentHashMap<>();
    volatile String expectedResource;

    String issue(String name, String... scopes) {
        tokens.put(name, new VerifiedToken("jti-" + name, "sec-officer", List.of("security"), "admin-console", List.of(),
                null, null, Set.of(scopes), List.of(), Instant.now(), Instant.now().plusSeconds(300), null));
        return name;
    }

    @Override
    public VerifiedToken verify(String bearerToken, String resource) {
        VerifiedToken token = tokens.get(bearerToken);
        if (token == null) {
            throw new InvalidTokenException("token is not valid");
        }
        if (!resource.equals(expectedResource)) {
            throw new InvalidTokenException("token is not for this resource");
        }
        return token;
    }
}
