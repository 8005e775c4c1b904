package dev.agentbroker.broker.models;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * A test {@link TokenVerifier} standing in for the real JWT verifier until it lands: opaque
 * token strings mapped to verified tokens, checked against the expected resource.
 */
final class TestTokens implements TokenVerifier {
    private final Map<String, VerifiedToken> tokens = new ConcurrentHashMap<>();
    private volatile String expectedResource;

    void expectResource(String resource) {
        this.expectedResource = resource;
    }

    String issue(String task, String... scopes) {
        String token = "tok-" + task + "-" + tokens.size();
        tokens.put(token, new VerifiedToken("jti-" + token, "alice", List.of("dev"), "agent-1", List.of("agent-1"), task,
                "0af7651916cd43dd8448eb211c80319c", Set.of(scopes), List.of(String.valueOf(expectedResource)),
                Instant.now(), Instant.now().plusSeconds(300), null));
        return token;
    }

    @Override
    public VerifiedToken verify(String bearerToken, String resource) {
        VerifiedToken token = tokens.get(bearerToken);
        if (token == null) {
            throw new InvalidTokenException("token is not valid");
        }
        if (expectedResource != null && !expectedResource.equals(resource)) {
            throw new InvalidTokenException("token is not for this resource");
        }
        return token;
    }
}
