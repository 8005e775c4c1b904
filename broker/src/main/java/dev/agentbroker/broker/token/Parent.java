package dev.agentbroker.broker.token;

import java.time.Instant;
import java.util.List;

/**
 * What a token exchange starts from, whether the subject token was a user token (first hop)
 * or a task token (sub-agent hop). Immutable.
 *
 * @param human     the human the task acts for
 * @param groups    the human's groups
 * @param chain     the agents acting so far (empty for a user token)
 * @param client    the client the subject token was issued to, or null for a user token
 * @param tokenId   the subject token's id
 * @param task      the task's claims to keep (task id, trace root, audience, lineage), or null for a user token
 * @param scopes    what the subject token grants
 * @param issuedAt  the subject token's iat (null when unknown)
 * @param expiresAt the subject token's exp; the new token never outlives it
 */
record Parent(String human, List<String> groups, List<String> chain, String client, String tokenId, TaskClaims task,
              ScopeSet scopes, Instant issuedAt, Instant expiresAt) {

    static Parent of(TaskClaims claims) {
        VerifiedToken t = claims.token();
        return new Parent(t.subject(), t.groups(), t.actorChain(), t.clientId(), t.tokenId(), claims,
                ScopeSet.of(t.scopes()), t.issuedAt(), t.expiresAt());
    }

    static Parent of(UserToken user) {
        return new Parent(user.user(), user.groups(), List.of(), null, user.tokenId(), null, user.scopes(), null,
                user.expiresAt());
    }

    boolean isTask() {
        return task != null;
    }

    /** The lineage of a token exchanged from this one: this one's lineage plus this one. */
    List<String> childLineage() {
        if (task == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>(task.lineage());
        out.add(tokenId);
        return out;
    }
}
