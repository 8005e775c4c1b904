package dev.agentbroker.broker.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.agentbroker.broker.token.keys.SigningKeys;

/**
 * The broker's authorization server, without HTTP: client credentials, RFC 8693 token
 * exchange (user -> agent, agent -> sub-agent), RFC 7662 introspection and RFC 7009
 * revocation of task tokens. Issuing applies {@link DelegationRules}, then the
 * {@link ExchangeGate}, signs with the current key and audits before the token is handed out.
 * Thread-safe.
 */
public final class TokenService {
    private final AgentRegistry agents;
    private final SigningKeys keys;
    private final BrokerUrls urls;
    private final DelegationRules rules;
    private final TaskTokenVerifier verifier;
    private final UserTokenVerifier users;
    private final RevocationList revocations;
    private final ExchangeGate gate;
    private final TokenAudit audit;
    private final Clock clock;

    /** A token handed out, with its claims and RFC 8693 {@code issued_token_type}. */
    public record Issued(String token, TaskClaims claims, String issuedTokenType) {
    }

    TokenService(AgentRegistry agents, SigningKeys keys, BrokerUrls urls, DelegationRules rules,
                 TaskTokenVerifier verifier, UserTokenVerifier users, RevocationList revocations, ExchangeGate gate,
                 TokenAudit audit, Clock clock) {
        this.agents = agents;
        this.keys = keys;
        this.urls = urls;
        this.rules = rules;
        this.verifier = verifier;
        this.users = users;
        this.revocations = revocations;
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    /** An agent acting for itself: scope = requested ∩ ceiling, a new task. */
    public Issued clientCredentials(AgentRegistry.Agent client, String scope, List<String> resources,
                                    Optional<Duration> lifetime) {
        try {
            AgentConfig c = client.config();
            ScopeSet granted = rules.narrow(requested(scope), null, c.scopes());
            Instant now = now();
            VerifiedToken t = new VerifiedToken(Ids.random(), c.id(), List.of(), c.id(), List.of(), Ids.random(),
                    Ids.random(), granted.values(), rules.audience(resources, granted, null), now,
                    rules.expiry(now, lifetime, null), null);
            TaskClaims claims = new TaskClaims(t, List.of());
            String token = sign(claims);
            audit.issued("token.issued", claims, "client_credentials", null, null);
            return new Issued(token, claims, ExchangeParams.ACCESS_TOKEN);
        } catch (OAuthException e) {
            audit.refused(client.id(), "client_credentials", e);
            throw e;
        }
    }

    /** RFC 8693: {@code client} (proving itself with the actor token) acts for the subject token's holder. */
    public Issued exchange(AgentRegistry.Agent client, ExchangeParams params) {
        try {
            requireActor(client, params);
            return issueExchanged(client.config(), subject(params), params);
        } catch (OAuthException e) {
            audit.refused(client.id(), "token-exchange", e);
            throw e;
        }
    }

    /** The claims of an active task token, or empty (invalid, expired, revoked, not ours...). */
    public Optional<TaskClaims> introspect(String token) {
        try {
            return Optional.of(verifier.read(token));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }

    /**
     * Revokes {@code token} and, through lineage, every token exchanged from it. A token that
     * is not a valid task token is ignored (RFC 7009 §2.2). Only the agent the token was
     * issued to, or an agent of its chain, may revoke it.
     */
    public void revoke(AgentRegistry.Agent caller, String token) {
        TaskClaims claims;
        try {
            claims = verifier.authentic(token);
        } catch (InvalidTokenException e) {
            return;
        }
        VerifiedToken t = claims.token();
        if (!t.clientId().equals(caller.id()) && !t.actorChain().contains(caller.id())) {
            throw OAuthException.unauthorizedClient("only the agent the token was issued to, or an agent of its "
                    + "delegation chain, may revoke it");
        }
        try {
            revocations.revoke(t.tokenId(), t.expiresAt());
        } catch (java.io.UncheckedIOException e) {
            throw OAuthException.temporarilyUnavailable("the revocation could not be recorded; try again");
        }
        audit.revoked(t, caller.id());
    }

    public TaskTokenVerifier verifier() {
        return verifier;
    }

    public AgentRegistry agents() {
        return agents;
    }

    private Issued issueExchanged(AgentConfig actor, Parent parent, ExchangeParams params) {
        if (parent.isTask()) {
            rules.checkHop(parent, actor);
        }
        ScopeSet requested = requested(params.scope());
        ScopeSet granted = parent.isTask() ? rules.narrowHop(requested, parent.scopes(), actor.scopes())
                : rules.narrow(requested, parent.scopes(), actor.scopes());
        List<String> audience = rules.audience(params.resources(), granted, parent);
        Instant now = now();
        Instant exp = rules.expiry(now, params.lifetime(), parent.expiresAt());
        List<String> chain = new ArrayList<>(parent.chain());
        chain.add(actor.id());
        String taskId = parent.isTask() ? parent.task().token().taskId() : Ids.random();
        String traceRoot = parent.isTask() ? parent.task().token().traceRoot() : Ids.random();
        ExchangeVerdict verdict = gate.decide(new ExchangeRequest(actor.id(), parent.human(), parent.groups(),
                parent.chain(), parent.client() == null ? actor.id() : parent.client(), parent.tokenId(), taskId,
                parent.scopes().values(), parent.issuedAt() == null ? now : parent.issuedAt(), parent.expiresAt(),
                audience, (requested == null ? granted : requested).values(), now));
        if (!verdict.allowed()) {
            throw OAuthException.unauthorizedClient(verdict.reason());
        }
        VerifiedToken t = new VerifiedToken(Ids.random(), parent.human(), parent.groups(), actor.id(), chain, taskId,
                traceRoot, granted.values(), audience, now, exp, parent.isTask() ? parent.tokenId() : null);
        TaskClaims claims = new TaskClaims(t, parent.childLineage());
        String token = sign(claims);
        audit.issued("token.exchanged", claims, "token-exchange", verdict, parent.tokenId());
        return new Issued(token, claims, ExchangeParams.ACCESS_TOKEN);
    }

    private String sign(TaskClaims claims) {
        com.nimbusds.jose.jwk.ECKey key = keys.current();
        String token = TaskTokenCodec.sign(claims, urls.issuer(), key);
        verifier.remember(token, claims, key.getKeyID());
        return token;
    }

    private void requireActor(AgentRegistry.Agent client, ExchangeParams params) {
        if (params.actorToken() == null) {
            throw OAuthException.invalidRequest("actor_token is required: the acting agent's own token "
                    + "(from client_credentials)");
        }
        if (!ExchangeParams.ACCESS_TOKEN.equals(params.actorTokenType())) {
            throw OAuthException.invalidRequest("actor_token_type must be " + ExchangeParams.ACCESS_TOKEN);
        }
        VerifiedToken actor = task(params.actorToken(), "actor_token").token();
        if (!actor.actorChain().isEmpty() || !actor.clientId().equals(client.id())) {
            throw OAuthException.invalidRequest("actor_token must be the authenticated agent's own "
                    + "client-credentials token");
        }
    }

    private Parent subject(ExchangeParams params) {
        String type = params.subjectTokenType();
        if (!type.equals(ExchangeParams.ACCESS_TOKEN) && !type.equals(ExchangeParams.JWT)
                && !type.equals(ExchangeParams.ID_TOKEN)) {
            throw OAuthException.invalidRequest("unsupported subject_token_type " + type);
        }
        if (urls.issuer().equals(UserTokenVerifier.unverifiedIssuer(params.subjectToken()))) {
            return Parent.of(task(params.subjectToken(), "subject_token"));
        }
        return Parent.of(users.verify(params.subjectToken()));
    }

    private TaskClaims task(String token, String parameter) {
        try {
            return verifier.read(token);
        } catch (InvalidTokenException e) {
            throw OAuthException.invalidRequest(parameter + " is not valid: " + e.getMessage());
        }
    }

    private static ScopeSet requested(String scope) {
        if (scope == null || scope.isBlank()) {
            return null;
        }
        try {
            return ScopeSet.parse(scope);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidScope(e.getMessage());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
