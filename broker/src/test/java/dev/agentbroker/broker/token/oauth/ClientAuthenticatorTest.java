package dev.agentbroker.broker.token.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.token.AgentRegistry;
import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.OAuthException;

/** Client authentication at the OAuth endpoints: the registered method only, hashed secrets, private_key_jwt. */
class ClientAuthenticatorTest {
    static final URI BASE = URI.create("http://127.0.0.1:8080");
    static final URI TOKEN = URI.create(BASE + "/oauth2/token");
    ECKey agentKey;
    ClientAuthenticator clients;

    @BeforeEach
    void setUp() throws Exception {
        agentKey = new ECKeyGenerator(Curve.P_256).keyID("signer-1").generate();
        String jwks = new JWKSet(agentKey.toPublicJWK()).toString().replace("'", "");
        String yaml = "server:\n  port: 0\nagents:\n"
                + "  - id: signer\n    auth: private-key-jwt\n    jwks: '" + jwks + "'\n    scopes: [mcp:fs]\n"
                + "  - id: poster\n    auth: client-secret-post\n    secret: env:POSTER_SECRET\n    scopes: [mcp:fs]\n"
                + "  - id: off\n    enabled: false\n    secret: env:POSTER_SECRET\n";
        AgentRegistry registry = AgentRegistry.of(new ConfigLoader().parse("test", yaml).identity().agents(),
                Map.of("POSTER_SECRET", "a-long-random-secret"));
        clients = new ClientAuthenticator(registry, BrokerUrls.fixed(BASE), Clock.systemUTC());
    }

    static HTTPRequest request(ClientAuthentication auth) {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, TOKEN);
        http.setHeader("Content-Type", "application/x-www-form-urlencoded");
        http.setBody("grant_type=client_credentials");
        auth.applyTo(http);
        return http;
    }

    @Test
    void acceptsAFreshPrivateKeyJwtOnce() throws Exception {
        PrivateKeyJWT assertion = new PrivateKeyJWT(new ClientID("signer"), TOKEN, JWSAlgorithm.ES256,
                agentKey.toECPrivateKey(), agentKey.getKeyID(), null);
        assertEquals("signer", clients.authenticate(request(assertion)).id());
        assertInvalidClient(request(assertion));
    }

    @Test
    void refusesAnAssertionSignedByAnotherKeyOrForAnotherAudience() throws Exception {
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("signer-1").generate();
        assertInvalidClient(request(new PrivateKeyJWT(new ClientID("signer"), TOKEN, JWSAlgorithm.ES256,
                other.toECPrivateKey(), other.getKeyID(), null)));
        assertInvalidClient(request(new PrivateKeyJWT(new ClientID("signer"), URI.create("http://elsewhere/token"),
                JWSAlgorithm.ES256, agentKey.toECPrivateKey(), agentKey.getKeyID(), null)));
    }

    @Test
    void acceptsOnlyTheRegisteredMethodAndTheRightSecret() {
        assertEquals("poster", clients.authenticate(request(new ClientSecretPost(new ClientID("poster"),
                new Secret("a-long-random-secret")))).id());
        assertInvalidClient(request(new ClientSecretBasic(new ClientID("poster"), new Secret("a-long-random-secret"))));
        assertInvalidClient(request(new ClientSecretPost(new ClientID("poster"), new Secret("a-long-random-secreT"))));
        assertInvalidClient(request(new ClientSecretBasic(new ClientID("off"), new Secret("a-long-random-secret"))));
        assertInvalidClient(request(new ClientSecretBasic(new ClientID("nobody"), new Secret("x"))));
        HTTPRequest none = new HTTPRequest(HTTPRequest.Method.POST, TOKEN);
        none.setHeader("Content-Type", "application/x-www-form-urlencoded");
        none.setBody(URLUtils.serializeParameters(Map.of("grant_type", java.util.List.of("client_credentials"))));
        assertInvalidClient(none);
    }

    private void assertInvalidClient(HTTPRequest request) {
        OAuthException e = assertThrows(OAuthException.class, () -> clients.authenticate(request));
        assertEquals("invalid_client", e.error());
        assertEquals(401, e.status());
    }
}
