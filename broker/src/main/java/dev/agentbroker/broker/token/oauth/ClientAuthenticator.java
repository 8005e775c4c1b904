package dev.agentbroker.broker.token.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;

import dev.agentbroker.broker.token.AgentConfig;
import dev.agentbroker.broker.token.AgentRegistry;
import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.ClockedClaimsVerifier;
import dev.agentbroker.broker.token.OAuthException;

/**
 * Authenticates the agent calling the token, introspection and revocation endpoints
 * (RFC 6749 §2.3, RFC 7523 §2.2): the method the agent is registered for, secrets compared
 * as SHA-256 digests in constant time, {@code private_key_jwt} assertions verified with the
 * agent's JWKS ({@code iss = sub = client_id}, {@code aud} the issuer or an endpoint,
 * {@code exp} and {@code jti} required, a jti accepted once). Thread-safe.
 */
final class ClientAuthenticator {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    private final AgentRegistry registry;
    private final BrokerUrls urls;
    private final Clock clock;
    private final Map<String, Instant> seenAssertions = new ConcurrentHashMap<>();

    ClientAuthenticator(AgentRegistry registry, BrokerUrls urls, Clock clock) {
        this.registry = registry;
        this.urls = urls;
        this.clock = clock;
    }

    AgentRegistry.Agent authenticate(HTTPRequest request) {
        ClientAuthentication auth;
        try {
            auth = ClientAuthentication.parse(request);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw OAuthException.invalidClient("malformed client authentication: " + e.getMessage());
        }
        if (auth == null) {
            throw OAuthException.invalidClient("client authentication required "
                    + "(client_secret_basic, client_secret_post or private_key_jwt)");
        }
        String id = auth.getClientID().getValue();
        AgentRegistry.Agent agent = registry.find(id).filter(a -> a.config().enabled())
                .orElseThrow(() -> OAuthException.invalidClient("unknown or disabled client"));
        if (!matches(agent, auth)) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        return agent;
    }

    private boolean matches(AgentRegistry.Agent agent, ClientAuthentication auth) {
        AgentConfig.AuthMethod method = agent.config().auth();
        return switch (auth) {
            case ClientSecretBasic b when method == AgentConfig.AuthMethod.CLIENT_SECRET_BASIC ->
                    AgentRegistry.secretMatches(agent, b.getClientSecret().getValue());
            case ClientSecretPost p when method == AgentConfig.AuthMethod.CLIENT_SECRET_POST ->
                    AgentRegistry.secretMatches(agent, p.getClientSecret().getValue());
            case PrivateKeyJWT j when method == AgentConfig.AuthMethod.PRIVATE_KEY_JWT -> assertionValid(agent, j);
            default -> throw OAuthException.invalidClient("agent " + agent.id() + " must authenticate with "
                    + method.name().toLowerCase());
        };
    }

    private boolean assertionValid(AgentRegistry.Agent agent, PrivateKeyJWT assertion) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<>(agent.jwks())));
        Set<String> audiences = Set.of(urls.issuer(), urls.endpoint(OAuthService.TOKEN),
                urls.endpoint(OAuthService.INTROSPECT), urls.endpoint(OAuthService.REVOKE));
        p.setJWTClaimsSetVerifier(new ClockedClaimsVerifier(audiences,
                new JWTClaimsSet.Builder().issuer(agent.id()).subject(agent.id()).build(), Set.of("exp", "jti"), 60, clock));
        try {
            JWTClaimsSet set = p.process(assertion.getClientAssertion(), null);
            return firstUse(set.getJWTID(), set.getExpirationTime().toInstant());
        } catch (com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            return false;
        }
    }

    private boolean firstUse(String jti, Instant exp) {
        Instant now = clock.instant();
        seenAssertions.values().removeIf(e -> e.isBefore(now.minusSeconds(120)));
        return seenAssertions.putIfAbsent(jti, exp) == null;
    }
}
