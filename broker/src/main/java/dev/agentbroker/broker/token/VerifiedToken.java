package dev.agentbroker.broker.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A task token that passed every check of the one verifier (signature, issuer, audience,
 * expiry, type, revocation). This is what protected endpoints see of a caller; the raw
 * token never travels further than the verifier. Immutable.
 *
 * @param tokenId    the token's {@code jti}
 * @param subject    the human the task acts for ({@code sub}); for an agent acting for
 *                   itself (client credentials) the agent's own id
 * @param groups     the human's groups as mapped from the identity provider
 * @param clientId   the agent presenting the token ({@code client_id})
 * @param actorChain the agents in the delegation, root agent first, the presenting agent
 *                   last (from the nested {@code act} claim); empty for client credentials
 * @param taskId     the task identifier shared by every hop of the task
 * @param traceRoot  the W3C trace id (32 hex) of the task's trace
 * @param scopes     what the task may touch, e.g. {@code model:gpt-4o}, {@code mcp:fs/read_file}
 * @param audience   the resources this token is for
 * @param issuedAt   {@code iat}
 * @param expiresAt  {@code exp}
 * @param parentTokenId the {@code jti} of the token this one was exchanged from, or null
 */
public record VerifiedToken(String tokenId, String subject, List<String> groups, String clientId,
                            List<String> actorChain, String taskId, String traceRoot, Set<String> scopes,
                            List<String> audience, Instant issuedAt, Instant expiresAt, String parentTokenId) {

    public VerifiedToken {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        groups = List.copyOf(groups);
        actorChain = List.copyOf(actorChain);
        scopes = Set.copyOf(scopes);
        audience = List.copyOf(audience);
    }

    /** Delegation depth: 0 for an agent acting for itself, 1 for the first agent acting for a human, 2 for its sub-agent... */
    public int depth() {
        return actorChain.size();
    }
}
