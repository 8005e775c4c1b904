package dev.agentbroker.broker.token;

import java.util.List;
import java.util.Optional;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigNode;

/**
 * One trusted external OIDC identity provider of the {@code issuers} list, whose user tokens
 * may be exchanged for task tokens. Immutable.
 *
 * @param issuer       the exact {@code iss} of its tokens
 * @param jwksUrl      where its signing keys are published (operator-configured, fetched by the broker)
 * @param jwks         or its public JWKS inline (JSON text)
 * @param audience     the {@code aud} its tokens must carry for the broker; absent means the broker's issuer
 * @param subjectClaim the claim naming the user
 * @param groupsClaim  the claim listing the user's groups
 * @param scopesClaim  the claim listing the user's scopes, if the IdP issues one
 * @param scopes       the ceiling for its users when their token has no scopes claim
 */
public record IssuerConfig(String issuer, Optional<String> jwksUrl, Optional<String> jwks, Optional<String> audience,
                           String subjectClaim, String groupsClaim, String scopesClaim, ScopeSet scopes) {

    static IssuerConfig read(ConfigNode node) {
        String issuer = node.string("issuer");
        Optional<String> url = node.optionalString("jwks-url");
        url.ifPresent(u -> TokensConfig.url(node.pathOf("jwks-url"), u));
        Optional<String> jwks = node.optionalString("jwks");
        if (url.isPresent() == jwks.isPresent()) {
            throw new ConfigException(node.pathOf("jwks-url"), "give exactly one of jwks-url or jwks");
        }
        Optional<String> audience = node.optionalString("audience");
        String subject = node.string("subject-claim", "sub");
        String groups = node.string("groups-claim", "groups");
        String scopesClaim = node.string("scopes-claim", "scope");
        ScopeSet scopes = node.has("scopes") ? AgentConfig.scopes(node, "scopes")
                : ScopeSet.of(List.of("model:*", "mcp:*"));
        return new IssuerConfig(issuer, url, jwks, audience, subject, groups, scopesClaim, scopes);
    }
}
