package dev.agentbroker.broker.token.oauth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.webserver.http.ServerResponse;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;

import dev.agentbroker.broker.token.AgentRegistry;
import dev.agentbroker.broker.token.ExchangeParams;
import dev.agentbroker.broker.token.OAuthException;
import dev.agentbroker.broker.token.TokenService;

/**
 * {@code POST /oauth2/token} (RFC 6749 §3.2): authenticates the agent, parses the request
 * with Nimbus, then runs the {@code client_credentials} grant or the RFC 8693 token exchange.
 * {@code resource} (RFC 8707) and {@code audience} (RFC 8693) both name the target resources;
 * {@code lifetime} (seconds) is the broker's extension for asking a shorter lifetime.
 */
final class TokenEndpoint {
    private final TokenService service;
    private final ClientAuthenticator clients;
    private final Clock clock;

    TokenEndpoint(TokenService service, ClientAuthenticator clients, Clock clock) {
        this.service = service;
        this.clients = clients;
        this.clock = clock;
    }

    void handle(HTTPRequest http, ServerResponse res) {
        AgentRegistry.Agent client = clients.authenticate(http);
        TokenRequest request = parse(http);
        AuthorizationGrant grant = request.getAuthorizationGrant();
        String scope = request.getScope() == null ? null : request.getScope().toString();
        Optional<Duration> lifetime = lifetime(request.getCustomParameters());
        if (grant instanceof ClientCredentialsGrant) {
            List<String> resources = resources(request, List.of());
            OAuthJson.send(res, 200, OAuthJson.token(service.clientCredentials(client, scope, resources, lifetime),
                    clock.instant(), false));
        } else if (grant instanceof TokenExchangeGrant x) {
            requireAccessTokenType(x.getRequestedTokenType());
            ExchangeParams params = new ExchangeParams(x.getSubjectToken().getValue(),
                    x.getSubjectTokenType().getURI().toString(),
                    x.getActorToken() == null ? null : x.getActorToken().getValue(),
                    x.getActorTokenType() == null ? null : x.getActorTokenType().getURI().toString(),
                    scope, resources(request, x.getAudience()), lifetime);
            OAuthJson.send(res, 200, OAuthJson.token(service.exchange(client, params), clock.instant(), true));
        } else {
            throw OAuthException.unsupportedGrantType("grant_type must be client_credentials or "
                    + "urn:ietf:params:oauth:grant-type:token-exchange");
        }
    }

    private static TokenRequest parse(HTTPRequest http) {
        try {
            return TokenRequest.parse(http);
        } catch (ParseException e) {
            String code = e.getErrorObject() == null ? null : e.getErrorObject().getCode();
            String description = e.getMessage();
            if ("unsupported_grant_type".equals(code)) {
                throw OAuthException.unsupportedGrantType(description);
            }
            if ("invalid_client".equals(code)) {
                throw OAuthException.invalidClient(description);
            }
            throw OAuthException.invalidRequest(description);
        }
    }

    private static List<String> resources(TokenRequest request, List<Audience> audience) {
        List<String> out = new ArrayList<>();
        if (request.getResources() != null) {
            request.getResources().stream().map(URI::toString).forEach(out::add);
        }
        if (audience != null) {
            audience.stream().map(Audience::getValue).forEach(out::add);
        }
        return out;
    }

    private static void requireAccessTokenType(TokenTypeURI requested) {
        if (requested != null && !requested.equals(TokenTypeURI.ACCESS_TOKEN) && !requested.equals(TokenTypeURI.JWT)) {
            throw OAuthException.invalidRequest("requested_token_type must be " + TokenTypeURI.ACCESS_TOKEN);
        }
    }

    /** The {@code lifetime} parameter (seconds). @throws OAuthException unless one positive number */
    static Optional<Duration> lifetime(Map<String, List<String>> params) {
        List<String> values = params.get("lifetime");
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String text = values.get(0);
        if (values.size() > 1 || !text.matches("[1-9]\\d{0,6}")) {
            throw OAuthException.invalidRequest("lifetime must be one positive number of seconds");
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
    }
}
