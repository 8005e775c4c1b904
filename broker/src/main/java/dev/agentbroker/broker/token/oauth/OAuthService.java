package dev.agentbroker.broker.token.oauth;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;

import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.DevIdp;
import dev.agentbroker.broker.token.DevTaskTokens;
import dev.agentbroker.broker.token.OAuthException;
import dev.agentbroker.broker.token.TokenService;
import dev.agentbroker.broker.token.keys.SigningKeys;

/**
 * The broker's OAuth 2.0 authorization server over HTTP: RFC 8414 metadata at
 * {@code /.well-known/oauth-authorization-server}, the JWKS at {@code /.well-known/jwks.json},
 * {@code /oauth2/token}, {@code /oauth2/introspect} (RFC 7662), {@code /oauth2/revoke}
 * (RFC 7009), and, when the development IdP is enabled, {@code /dev-idp/token} (a user token)
 * and {@code /dev-idp/task-token} (a user token exchanged for an agent's task token). Handlers
 * translate the Helidon request to Nimbus and delegate to the {@link TokenService}; every
 * {@link OAuthException} becomes error JSON here. Thread-safe.
 */
public final class OAuthService implements HttpService {
    static final String TOKEN = "/oauth2/token";
    static final String INTROSPECT = "/oauth2/introspect";
    static final String REVOKE = "/oauth2/revoke";
    static final String JWKS = "/.well-known/jwks.json";

    private final TokenService service;
    private final SigningKeys keys;
    private final BrokerUrls urls;
    private final DevIdp devIdp;
    private final ClientAuthenticator clients;
    private final TokenEndpoint tokenEndpoint;
    private final DevTaskTokenEndpoint devTaskTokens;
    private final DevIdpHostCheck devIdpHosts;
    private final Clock clock;

    public OAuthService(TokenService service, SigningKeys keys, BrokerUrls urls, DevIdp devIdp, Clock clock) {
        this.service = service;
        this.keys = keys;
        this.urls = urls;
        this.devIdp = devIdp;
        this.clock = clock;
        this.clients = new ClientAuthenticator(service.agents(), urls, clock);
        this.tokenEndpoint = new TokenEndpoint(service, clients, clock);
        this.devTaskTokens = new DevTaskTokenEndpoint(new DevTaskTokens(service, devIdp), clock);
        this.devIdpHosts = new DevIdpHostCheck(urls);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/.well-known/oauth-authorization-server", (req, res) -> json(res, metadata().toJSONObject().toJSONString()))
                .get(JWKS, (req, res) -> json(res, keys.publicJwks().toString()))
                .post(TOKEN, oauth((req, res) -> tokenEndpoint.handle(nimbus(req, TOKEN), res)))
                .post(INTROSPECT, oauth(this::introspect))
                .post(REVOKE, oauth(this::revoke));
        if (devIdp.enabled()) {
            rules.post("/dev-idp/token", oauth(this::devToken))
                    .post(DevTaskTokenEndpoint.PATH, oauth(this::devTaskToken));
        }
    }

    AuthorizationServerMetadata metadata() {
        AuthorizationServerMetadata m = new AuthorizationServerMetadata(new Issuer(urls.issuer()));
        m.setTokenEndpointURI(URI.create(urls.endpoint(TOKEN)));
        m.setJWKSetURI(URI.create(urls.endpoint(JWKS)));
        m.setIntrospectionEndpointURI(URI.create(urls.endpoint(INTROSPECT)));
        m.setRevocationEndpointURI(URI.create(urls.endpoint(REVOKE)));
        m.setGrantTypes(List.of(GrantType.CLIENT_CREDENTIALS, GrantType.TOKEN_EXCHANGE));
        List<ClientAuthenticationMethod> methods = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        List<JWSAlgorithm> algs = List.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256);
        m.setTokenEndpointAuthMethods(methods);
        m.setTokenEndpointJWSAlgs(algs);
        m.setIntrospectionEndpointAuthMethods(methods);
        m.setIntrospectionEndpointJWSAlgs(algs);
        m.setRevocationEndpointAuthMethods(methods);
        m.setRevocationEndpointJWSAlgs(algs);
        m.setScopes(new Scope("model:*", "mcp:*", "admin"));
        return m;
    }

    private void introspect(ServerRequest req, ServerResponse res) {
        HTTPRequest http = nimbus(req, INTROSPECT);
        clients.authenticate(http);
        String token = FormParameters.required(http, "token");
        OAuthJson.send(res, 200, service.introspect(token).map(c -> OAuthJson.introspection(c, urls.issuer()))
                .orElseGet(OAuthJson::inactive));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        HTTPRequest http = nimbus(req, REVOKE);
        service.revoke(clients.authenticate(http), FormParameters.required(http, "token"));
        OAuthJson.send(res, 200, JSON.createObjectBuilder().build());
    }

    private void devTaskToken(ServerRequest req, ServerResponse res) {
        devIdpHosts.check(req);
        devTaskTokens.handle(nimbus(req, DevTaskTokenEndpoint.PATH), res);
    }

    private void devToken(ServerRequest req, ServerResponse res) {
        devIdpHosts.check(req);
        HTTPRequest http = nimbus(req, "/dev-idp/token");
        String token = devIdp.issue(FormParameters.required(http, "username"));
        OAuthJson.send(res, 200, JSON.createObjectBuilder().add("access_token", token).add("token_type", "Bearer")
                .add("issued_token_type", "urn:ietf:params:oauth:token-type:jwt").build());
    }

    private HTTPRequest nimbus(ServerRequest req, String path) {
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, URI.create(urls.endpoint(path)));
        req.headers().first(HeaderNames.CONTENT_TYPE).ifPresent(v -> http.setHeader("Content-Type", v));
        req.headers().first(HeaderNames.AUTHORIZATION).ifPresent(http::setAuthorization);
        http.setBody(FormParameters.body(req));
        return http;
    }

    private static Handler oauth(Handler handler) {
        return (req, res) -> {
            try {
                handler.handle(req, res);
            } catch (OAuthException e) {
                OAuthJson.error(res, e);
            }
        };
    }

    private static void json(ServerResponse res, String body) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
        res.send(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
