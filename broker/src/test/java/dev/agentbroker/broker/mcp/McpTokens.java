package dev.agentbroker.broker.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * A test {@link TokenVerifier} standing in for the JWT verifier: opaque tokens mapped to
 * verified tokens with an audience; a token verifies only for a resource in its audience.
 */
final class McpTokens implements TokenVerifier {
    private final Map<String, VerifiedToken> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    String issue(String subject, String audience, String... scopes) {
        return issueFor(subject, "research", "agent-1", audience, scopes);
    }

    /** A token of {@code agent} acting for {@code subject} (a member of {@code group}). */
    String issueFor(String subject, String group, String agent, String audience, String... scopes) {
        String token = "agent-secret-token-" + count.incrementAndGet();
        tokens.put(token, new VerifiedToken("jti-" + count.get(), subject, List.of(group), agent, List.of(agent),
                "task-" + count.get(), "0af7651916cd43dd8448eb211c80319c", Set.of(scopes), List.of(audience),
                Instant.now().minusSeconds(5), Instant.now().plusSeconds(300), null));
        return token;
    }

    @Override
    public VerifiedToken verify(String bearerToken, String resource) {
        VerifiedToken token = tokens.get(bearerToken);
        if (token == null) {
            throw new InvalidTokenException("token is not valid");
        }
        if (!token.audience().contains(resource)) {
            throw new InvalidTokenException("token is not for " + resource);
        }
        return token;
    }
}
