package dev.agentbroker.broker.token;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.HttpService;

import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.policy.AgentDescriptor;
import dev.agentbroker.broker.token.keys.SigningKeys;
import dev.agentbroker.broker.token.oauth.OAuthService;

/**
 * Builds the token area from the identity sections: signing keys (data dir or
 * {@code tokens.keys}), the agent registry, the revocation list, the one
 * {@link TokenVerifier}, the {@link TokenService}, the development IdP and the OAuth HTTP
 * service. Plain wiring code, called once from {@code Broker.start}.
 */
public final class TokensFeature {
    private final TokenService service;
    private final SigningKeys keys;
    private final DevIdp devIdp;
    private final OAuthService http;
    private final List<AgentDescriptor> agents;

    private TokensFeature(TokenService service, SigningKeys keys, DevIdp devIdp, OAuthService http,
                          List<AgentDescriptor> agents) {
        this.service = service;
        this.keys = keys;
        this.devIdp = devIdp;
        this.http = http;
        this.agents = agents;
    }

    /**
     * @param urls        the broker's URLs (base known once the listener is bound)
     * @param audit       where token events go
     * @param gate        the exchange decision ({@link ExchangeGate#CEILINGS_ONLY} or Cedar)
     * @param environment for resolving secret references
     * @throws ConfigException naming the key whose secret or JWKS cannot be used
     */
    public static TokensFeature create(IdentityConfig config, Path dataDir, BrokerUrls urls, AuditSink audit,
                                       ExchangeGate gate, Map<String, String> environment, Clock clock) {
        TokensConfig t = config.tokens();
        SigningKeys keys = keys(t, dataDir, environment, clock);
        AgentRegistry agents = AgentRegistry.of(config.agents(), environment);
        RevocationList revocations = FileRevocationList.open(dataDir, clock);
        TaskTokenVerifier verifier = new TaskTokenVerifier(keys, urls, revocations, agents, t.clockSkew(), clock);
        UserTokenVerifier users = new UserTokenVerifier(config.issuers(), config.devIdp(), keys, urls,
                (int) t.clockSkew().toSeconds(), clock);
        TokenService service = new TokenService(agents, keys, urls, new DelegationRules(t, urls, agents), verifier,
                users, revocations, gate, new TokenAudit(audit), clock);
        DevIdp devIdp = new DevIdp(config.devIdp(), keys, urls, clock);
        return new TokensFeature(service, keys, devIdp, new OAuthService(service, keys, urls, devIdp, clock),
                agents.descriptors());
    }

    /** How long a rotated-out key must stay published: the longest token lifetime plus skew. */
    public static Duration keyRetention(IdentityConfig config) {
        Duration longest = config.tokens().maxLifetime();
        if (config.devIdp().enabled() && config.devIdp().lifetime().compareTo(longest) > 0) {
            longest = config.devIdp().lifetime();
        }
        return longest.plus(config.tokens().clockSkew());
    }

    public TokenService service() {
        return service;
    }

    /** The one verifier for every protected endpoint. */
    public TokenVerifier verifier() {
        return service.verifier();
    }

    public SigningKeys keys() {
        return keys;
    }

    public DevIdp devIdp() {
        return devIdp;
    }

    /** The OAuth endpoints to register on the server. */
    public HttpService http() {
        return http;
    }

    /** The registered agents for the Cedar entity store ({@code EntityStore.setAgents}). */
    public List<AgentDescriptor> agentDescriptors() {
        return agents;
    }

    private static SigningKeys keys(TokensConfig t, Path dataDir, Map<String, String> environment, Clock clock) {
        if (t.keys().isEmpty()) {
            return SigningKeys.open(dataDir, clock);
        }
        try {
            return SigningKeys.fixed(t.keys().get().resolve("tokens.keys", environment), clock);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tokens.keys", e.getMessage());
        }
    }
}
