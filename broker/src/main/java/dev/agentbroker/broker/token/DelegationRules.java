package dev.agentbroker.broker.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The configuration rules of issuing (security.md, "over-broad or long-lived tokens"): scope
 * = requested ∩ subject's ∩ agent ceiling, a sub-agent hop only narrows, the audience is one
 * of the broker's resources (within the parent's on a hop), lifetime capped and never past
 * the parent, depth limited, no repeated actor, delegation only where configured. Each
 * refusal is an {@link OAuthException} with its RFC 6749 / 8693 error. Stateless.
 */
final class DelegationRules {
    private final TokensConfig config;
    private final BrokerUrls urls;
    private final AgentRegistry agents;

    DelegationRules(TokensConfig config, BrokerUrls urls, AgentRegistry agents) {
        this.config = config;
        this.urls = urls;
        this.agents = agents;
    }

    /** A sub-agent hop: {@code actor} joins {@code parent}'s chain. */
    void checkHop(Parent parent, AgentConfig actor) {
        if (parent.chain().isEmpty()) {
            throw OAuthException.invalidGrant("a client-credentials token cannot be exchanged; use a user token or a task token");
        }
        if (parent.chain().contains(actor.id())) {
            throw OAuthException.invalidGrant("agent " + actor.id() + " is already in the delegation chain");
        }
        String delegator = parent.chain().get(parent.chain().size() - 1);
        AgentConfig from = agents.find(delegator).map(AgentRegistry.Agent::config)
                .orElseThrow(() -> OAuthException.invalidGrant("agent " + delegator + " is not registered"));
        if (!from.mayDelegateTo().contains(actor.id())) {
            throw OAuthException.unauthorizedClient("agent " + delegator + " may not delegate to " + actor.id()
                    + " (agents[].may-delegate-to)");
        }
        int depth = parent.chain().size() + 1;
        int limit = actor.maxDepth();
        for (String agent : parent.chain()) {
            limit = Math.min(limit, agents.find(agent).map(a -> a.config().maxDepth()).orElse(0));
        }
        if (depth > limit) {
            throw OAuthException.invalidGrant("delegation depth " + depth + " exceeds the limit " + limit
                    + " (agents[].max-depth)");
        }
    }

    /** First hop and client credentials: requested (or everything) ∩ subject ∩ ceiling. */
    ScopeSet narrow(ScopeSet requested, ScopeSet subject, ScopeSet ceiling) {
        ScopeSet base = subject == null ? ceiling : subject.intersect(ceiling);
        ScopeSet granted = requested == null ? base : requested.intersect(base);
        return nonEmpty(granted);
    }

    /** Sub-agent hop: the request must lie within the parent's scope, then ∩ the actor's ceiling. */
    ScopeSet narrowHop(ScopeSet requested, ScopeSet parent, ScopeSet ceiling) {
        if (requested != null && !requested.within(parent)) {
            throw OAuthException.invalidScope("requested scope is wider than the parent token's (" + parent + ")");
        }
        return nonEmpty((requested == null ? parent : requested).intersect(ceiling));
    }

    private static ScopeSet nonEmpty(ScopeSet granted) {
        if (granted.isEmpty()) {
            throw OAuthException.invalidScope("no scope left: the request, the subject's scopes and the agent's ceiling "
                    + "have nothing in common");
        }
        return granted;
    }

    /** The audience: the requested resources (each served by the broker, within the parent's), or the default. */
    List<String> audience(List<String> requested, ScopeSet granted, Parent parent) {
        List<String> parentAudience = parent != null && parent.isTask() ? parent.task().token().audience() : null;
        if (requested.isEmpty()) {
            return parentAudience != null ? parentAudience : urls.defaultAudience(granted);
        }
        for (String resource : requested) {
            if (!urls.serves(resource)) {
                throw OAuthException.invalidTarget("resource " + resource + " is not served by this broker (use "
                        + urls.models() + ", " + urls.mcp() + "[/SERVER] or " + urls.admin() + ")");
            }
            if (parentAudience != null && parentAudience.stream().noneMatch(a -> BrokerUrls.audienceMatches(a, resource))) {
                throw OAuthException.invalidTarget("resource " + resource + " is outside the parent token's audience");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(requested));
    }

    /** The expiry: now + (requested or default) lifetime, never past {@code cap} (the subject token's exp). */
    Instant expiry(Instant now, Optional<Duration> requested, Instant cap) {
        if (cap != null && !cap.isAfter(now)) {
            throw OAuthException.invalidRequest("subject_token has expired");
        }
        if (requested.isPresent()) {
            Duration d = requested.get();
            if (d.compareTo(config.maxLifetime()) > 0) {
                throw OAuthException.invalidRequest("requested lifetime exceeds tokens.max-lifetime ("
                        + config.maxLifetime().toSeconds() + " s)");
            }
            Instant exp = now.plus(d);
            if (cap != null && exp.isAfter(cap)) {
                throw OAuthException.invalidRequest("the new token would outlive its subject token (lifetime at most "
                        + Duration.between(now, cap).toSeconds() + " s)");
            }
            return exp;
        }
        Instant exp = now.plus(config.lifetime());
        return cap != null && cap.isBefore(exp) ? cap : exp;
    }
}
