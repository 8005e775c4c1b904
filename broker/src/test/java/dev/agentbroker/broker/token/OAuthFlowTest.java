package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1 of issue 3: the real Nimbus OAuth client over HTTP against a running broker:
 * discovery, client credentials, exchange of a user token from an external IdP whose JWKS is
 * served on loopback, introspection, revocation, introspection inactive; and the task token
 * working at the model endpoints.
 */
class OAuthFlowTest {
    @TempDir
    Path dataDir;
    TestIdp idp;
    BrokerFixture f;

    @BeforeEach
    void start() throws Exception {
        idp = new TestIdp();
        f = new BrokerFixture(dataDir, idp.yaml());
    }

    @AfterEach
    void stop() {
        f.close();
        idp.close();
    }

    static ClientAuthentication agent(String id) {
        return new ClientSecretBasic(new ClientID(id), new Secret("demo-secret-" + id));
    }

    @Test
    void discoveryClientCredentialsExchangeIntrospectRevoke() throws Exception {
        AuthorizationServerMetadata meta = AuthorizationServerMetadata.resolve(new Issuer(f.base().toString()));
        assertTrue(meta.getGrantTypes().contains(GrantType.TOKEN_EXCHANGE));
        assertEquals(URI.create(f.base() + "/.well-known/jwks.json"), meta.getJWKSetURI());

        AccessTokenResponse own = TokenResponse.parse(new TokenRequest.Builder(meta.getTokenEndpointURI(),
                agent("research-agent"), new ClientCredentialsGrant()).scope(new Scope("mcp:fs")).build()
                .toHTTPRequest().send()).toSuccessResponse();
        AccessToken actor = own.getTokens().getAccessToken();

        TokenExchangeGrant exchange = new TokenExchangeGrant(new TypelessToken(idp.userToken("carol", List.of("research"))),
                TokenTypeURI.JWT, actor, TokenTypeURI.ACCESS_TOKEN, null, null);
        AccessTokenResponse task = TokenResponse.parse(new TokenRequest.Builder(meta.getTokenEndpointURI(),
                agent("research-agent"), exchange).scope(new Scope("mcp:fs/read_file", "model:sandbox"))
                .resources(URI.create(f.base() + "/mcp"), URI.create(f.v1())).build().toHTTPRequest().send())
                .toSuccessResponse();
        AccessToken taskToken = task.getTokens().getAccessToken();
        assertEquals(TokenTypeURI.ACCESS_TOKEN, task.getTokens().getAccessToken().getIssuedTokenType());
        assertTrue(task.getTokens().getAccessToken().getLifetime() <= 300);

        TokenIntrospectionSuccessResponse info = introspect(meta, taskToken);
        assertTrue(info.isActive());
        assertEquals("carol", info.getSubject().getValue());
        assertEquals(Map.of("sub", "research-agent"), info.getJSONObjectParameter("act"));
        assertEquals(32, info.getStringParameter("task_id").length());
        assertEquals(new Scope("mcp:fs/read_file", "model:sandbox"), info.getScope());
        assertTrue(info.getExpirationTime().getTime() > System.currentTimeMillis());
        assertEquals(List.of("research"), info.getStringListParameter("groups"));

        assertEquals(200, f.models(taskToken.getValue()).statusCode(), "the task token works at /v1");

        HTTPResponse revoked = new TokenRevocationRequest(meta.getRevocationEndpointURI(), agent("research-agent"),
                taskToken).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        assertFalse(introspect(meta, taskToken).isActive());
        assertEquals(401, f.models(taskToken.getValue()).statusCode());
        assertTrue(introspect(meta, actor).isActive(), "the agent's own token is another family");
    }

    @Test
    void refusalsAreOAuthErrorJsonOverTheWire() throws Exception {
        AuthorizationServerMetadata meta = AuthorizationServerMetadata.resolve(new Issuer(f.base().toString()));
        TokenResponse wrongSecret = TokenResponse.parse(new TokenRequest.Builder(meta.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID("research-agent"), new Secret("guess")), new ClientCredentialsGrant())
                .build().toHTTPRequest().send());
        assertEquals("invalid_client", ((TokenErrorResponse) wrongSecret).getErrorObject().getCode());
        assertEquals(401, ((TokenErrorResponse) wrongSecret).getErrorObject().getHTTPStatusCode());

        TokenResponse noActor = TokenResponse.parse(new TokenRequest.Builder(meta.getTokenEndpointURI(),
                agent("research-agent"), new TokenExchangeGrant(new TypelessToken(idp.userToken("carol", List.of())),
                TokenTypeURI.JWT)).build().toHTTPRequest().send());
        assertEquals("invalid_request", ((TokenErrorResponse) noActor).getErrorObject().getCode());

        assertEquals(400, f.postForm("/oauth2/token", "research-agent:demo-secret-research-agent",
                "grant_type=password&username=a&password=b").statusCode());
        var garbage = f.postForm("/oauth2/token", "research-agent:demo-secret-research-agent", "%%%&&&=");
        assertTrue(garbage.statusCode() == 400, garbage.body());
        assertTrue(garbage.body().contains("\"error\""), garbage.body());
        var introspectBad = f.postForm("/oauth2/introspect", "research-agent:demo-secret-research-agent",
                "token=not.a.jwt");
        assertEquals("{\"active\":false}", introspectBad.body());
        assertEquals(401, f.postForm("/oauth2/introspect", null, "token=x").statusCode());
    }

    @Test
    void devIdpAndCurlFlow() throws Exception {
        var user = f.postForm("/dev-idp/token", null, "username=alice");
        assertEquals(200, user.statusCode(), user.body());
        String userToken = jakarta.json.Json.createReader(new java.io.StringReader(user.body())).readObject()
                .getString("access_token");
        var own = f.postForm("/oauth2/token", "helper-agent:demo-secret-helper-agent", "grant_type=client_credentials");
        String actor = jakarta.json.Json.createReader(new java.io.StringReader(own.body())).readObject()
                .getString("access_token");
        var task = f.postForm("/oauth2/token", "helper-agent:demo-secret-helper-agent",
                "grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=" + userToken
                        + "&subject_token_type=urn:ietf:params:oauth:token-type:jwt&actor_token=" + actor
                        + "&actor_token_type=urn:ietf:params:oauth:token-type:access_token&scope=mcp:fs");
        assertEquals(200, task.statusCode(), task.body());
        assertEquals(400, f.postForm("/dev-idp/token", null, "username=mallory").statusCode());
    }

    @Test
    void subAgentHopOverTheWireNestsActAndRefusesWithOAuthErrors() throws Exception {
        AuthorizationServerMetadata meta = AuthorizationServerMetadata.resolve(new Issuer(f.base().toString()));
        AccessToken parent = exchange(meta, "research-agent", new TypelessToken(idp.userToken("carol", List.of())),
                TokenTypeURI.JWT, "mcp:fs model:sandbox").toSuccessResponse().getTokens().getAccessToken();
        AccessToken child = exchange(meta, "helper-agent", parent, TokenTypeURI.ACCESS_TOKEN, "mcp:fs/read_file")
                .toSuccessResponse().getTokens().getAccessToken();
        TokenIntrospectionSuccessResponse info = introspect(meta, child);
        assertEquals(Map.of("sub", "helper-agent", "act", Map.of("sub", "research-agent")),
                info.getJSONObjectParameter("act"));
        assertEquals(introspect(meta, parent).getStringParameter("task_id"), info.getStringParameter("task_id"));
        assertEquals("invalid_scope", ((TokenErrorResponse) exchange(meta, "helper-agent", parent,
                TokenTypeURI.ACCESS_TOKEN, "mcp:*")).getErrorObject().getCode());
        assertEquals("unauthorized_client", ((TokenErrorResponse) exchange(meta, "deep-agent", parent,
                TokenTypeURI.ACCESS_TOKEN, "mcp:fs")).getErrorObject().getCode());
        assertEquals("invalid_grant", ((TokenErrorResponse) exchange(meta, "research-agent", parent,
                TokenTypeURI.ACCESS_TOKEN, "mcp:fs")).getErrorObject().getCode());
    }

    private static TokenResponse exchange(AuthorizationServerMetadata meta, String agent,
                                          com.nimbusds.oauth2.sdk.token.Token subject, TokenTypeURI type, String scope)
            throws Exception {
        AccessToken actor = TokenResponse.parse(new TokenRequest.Builder(meta.getTokenEndpointURI(), agent(agent),
                new ClientCredentialsGrant()).build().toHTTPRequest().send()).toSuccessResponse().getTokens()
                .getAccessToken();
        return TokenResponse.parse(new TokenRequest.Builder(meta.getTokenEndpointURI(), agent(agent),
                new TokenExchangeGrant(subject, type, actor, TokenTypeURI.ACCESS_TOKEN, null, null))
                .scope(Scope.parse(scope)).build().toHTTPRequest().send());
    }

    private static TokenIntrospectionSuccessResponse introspect(AuthorizationServerMetadata meta, AccessToken token)
            throws Exception {
        return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(meta.getIntrospectionEndpointURI(),
                agent("summarizer-agent"), token).toHTTPRequest().send()).toSuccessResponse();
    }
}
