package dev.agentbroker.broker.token;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A token exchange as the {@link ExchangeGate} sees it: the delegation before the exchange
 * and the agent that asks to join it. Immutable.
 *
 * @param actor            the agent asking for the new token (the principal)
 * @param human            the human the task acts for
 * @param groups           the human's groups
 * @param chain            the agents acting before the exchange, root first (empty for a user token)
 * @param presentingClient the client the subject token was issued to (the actor itself for a user token)
 * @param subjectTokenId   the subject token's jti
 * @param taskId           the task id the new token will carry
 * @param subjectScopes    what the subject token grants
 * @param subjectIssuedAt  the subject token's iat
 * @param subjectExpiresAt the subject token's exp
 * @param audience         the resources the new token is for
 * @param requestedScopes  the scopes asked for (the subject's when the request names none)
 * @param now              the time of the exchange (the token service's clock)
 */
public record ExchangeRequest(String actor, String human, List<String> groups, List<String> chain,
                              String presentingClient, String subjectTokenId, String taskId, Set<String> subjectScopes,
                              Instant subjectIssuedAt, Instant subjectExpiresAt, List<String> audience,
                              Set<String> requestedScopes, Instant now) {
    public ExchangeRequest {
        groups = List.copyOf(groups);
        chain = List.copyOf(chain);
        subjectScopes = Set.copyOf(subjectScopes);
        audience = List.copyOf(audience);
        requestedScopes = Set.copyOf(requestedScopes);
    }
}
