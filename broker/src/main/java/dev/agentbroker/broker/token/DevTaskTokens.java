package dev.agentbroker.broker.token;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Task tokens in one step for the development IdP ({@code POST /dev-idp/task-token},
 * behind {@code bin/broker token}): a user token of a demo user, the agent's own
 * client-credentials token as the actor token, then the RFC 8693 exchange, all through the
 * {@link TokenService} that serves {@code /oauth2/token}, so the broker's exchange gate
 * (Cedar) decides and the broker's audit sink records {@code token.issued} and
 * {@code token.exchanged}. It asks for no agent secret: like the IdP it exists only while
 * {@code dev-idp.enabled}, which the configuration allows on loopback hosts only. Thread-safe.
 */
public final class DevTaskTokens {
    private final TokenService service;
    private final DevIdp devIdp;

    public DevTaskTokens(TokenService service, DevIdp devIdp) {
        this.service = service;
        this.devIdp = devIdp;
    }

    /**
     * The task token of agent {@code agentId} acting for demo user {@code user}.
     *
     * @param scope     space-separated scopes to ask for, or null for all the agent and user may have
     * @param resources the audience (empty: the broker's defaults)
     * @throws OAuthException {@code invalid_request} naming {@code username} or {@code agent}, or the
     *                        exchange's refusal ({@code invalid_scope}, {@code unauthorized_client}...)
     */
    public TokenService.Issued issue(String user, String agentId, String scope, List<String> resources,
                                     Optional<Duration> lifetime) {
        AgentRegistry.Agent agent = service.agents().find(agentId).filter(a -> a.config().enabled())
                .orElseThrow(() -> OAuthException.invalidRequest("agent: no enabled agent \"" + agentId
                        + "\" (agents[].id)"));
        String userToken;
        try {
            userToken = devIdp.issue(user);
        } catch (OAuthException e) {
            throw OAuthException.invalidRequest("username: " + e.getMessage());
        }
        String actorToken = service.clientCredentials(agent, null, List.of(), Optional.empty()).token();
        return service.exchange(agent, new ExchangeParams(userToken, ExchangeParams.JWT, actorToken,
                ExchangeParams.ACCESS_TOKEN, scope, resources, lifetime));
    }
}
