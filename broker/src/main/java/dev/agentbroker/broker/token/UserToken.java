package dev.agentbroker.broker.token;

import java.time.Instant;
import java.util.List;

/**
 * A verified user token from a trusted issuer (an external OIDC IdP or the development IdP):
 * the human a task acts for. Immutable.
 *
 * @param user      the mapped subject
 * @param groups    the mapped groups
 * @param scopes    what a task for this user may ever touch
 * @param tokenId   the user token's {@code jti}, or a digest of the token when it has none
 * @param issuer    the trusted issuer
 * @param expiresAt the user token's expiry; task tokens never outlive it
 */
record UserToken(String user, List<String> groups, ScopeSet scopes, String tokenId, String issuer, Instant expiresAt) {
    UserToken {
        groups = List.copyOf(groups);
    }
}
