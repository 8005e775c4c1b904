package dev.agentbroker.broker.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.agentbroker.broker.token.VerifiedToken;

/**
 * Who a request acts for and through which agents, as policies see it in
 * {@code context.delegation} and {@code context.token}. Usually {@link #of(VerifiedToken)};
 * a token exchange builds the delegation as it will be after the exchange
 * ({@link #withActor(String)}). Immutable.
 *
 * @param human     the human the task acts for, or null for an agent acting for itself
 * @param groups    the human's groups (IdP claims); empty without a human
 * @param chain     the agents acting, root first, the presenting agent last; empty for
 *                  client credentials
 * @param clientId  the OAuth client presenting the token
 * @param tokenId   the token's jti (never the token)
 * @param taskId    the task id
 * @param scopes    the token's scopes
 * @param issuedAt  iat
 * @param expiresAt exp
 */
public record Delegation(String human, List<String> groups, List<String> chain, String clientId, String tokenId,
                         String taskId, Set<String> scopes, Instant issuedAt, Instant expiresAt) {
    public Delegation {
        groups = List.copyOf(groups);
        chain = List.copyOf(chain);
        Names.require("client id", clientId);
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(taskId, "taskId");
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (human == null && !groups.isEmpty()) {
            throw new IllegalArgumentException("groups without a human");
        }
    }

    /** The delegation a verified task token carries. */
    public static Delegation of(VerifiedToken token) {
        String human = token.actorChain().isEmpty() ? null : token.subject();
        return new Delegation(human, human == null ? List.of() : token.groups(), token.actorChain(),
                token.clientId(), token.tokenId(), token.taskId() == null ? "" : token.taskId(), token.scopes(),
                token.issuedAt(), token.expiresAt());
    }

    /** The delegation after {@code agent} joins the chain (a token exchange for a sub-agent). */
    public Delegation withActor(String agent) {
        List<String> longer = new ArrayList<>(chain);
        longer.add(agent);
        return new Delegation(human, groups, longer, clientId, tokenId, taskId, scopes, issuedAt, expiresAt);
    }

    /** 0 for an agent acting for itself, 1 for the first agent acting for a human, and so on. */
    public int depth() {
        return chain.size();
    }
}
