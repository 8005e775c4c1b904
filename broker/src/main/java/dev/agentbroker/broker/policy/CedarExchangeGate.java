package dev.agentbroker.broker.policy;

import java.util.ArrayList;
import java.util.List;

import dev.agentbroker.broker.token.ExchangeGate;
import dev.agentbroker.broker.token.ExchangeRequest;
import dev.agentbroker.broker.token.ExchangeVerdict;

/**
 * The Cedar {@link ExchangeGate}: a token exchange is the action {@code exchange_token} by
 * the agent asking for the token, on {@code Audience::"<resource>"} for every resource of
 * the new token, with the delegation as it will be after the exchange. Every audience must
 * be allowed; any deny (or error) refuses with the decision's reason. Thread-safe.
 */
public final class CedarExchangeGate implements ExchangeGate {
    private final PolicyEngine engine;

    public CedarExchangeGate(PolicyEngine engine) {
        this.engine = engine;
    }

    @Override
    public ExchangeVerdict decide(ExchangeRequest r) {
        Delegation before = new Delegation(r.human(), r.human() == null ? List.of() : r.groups(), r.chain(),
                r.presentingClient(), r.subjectTokenId(), r.taskId(), r.subjectScopes(), r.subjectIssuedAt(),
                r.subjectExpiresAt());
        Delegation after = before.withActor(r.actor());
        List<String> policies = new ArrayList<>();
        String version = null;
        for (String audience : r.audience()) {
            Decision d = engine.authorize(PolicyRequest.builder(after, new Target.TokenExchange(audience,
                    r.requestedScopes())).agent(r.actor()).now(r.now()).build());
            version = d.policyVersion();
            if (!d.allowed()) {
                return new ExchangeVerdict(false, d.reason(), d.policyIds(), version);
            }
            d.policyIds().stream().filter(id -> !policies.contains(id)).forEach(policies::add);
        }
        return new ExchangeVerdict(true, "allowed by policy", policies, version);
    }
}
