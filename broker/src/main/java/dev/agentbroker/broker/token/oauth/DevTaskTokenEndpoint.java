package dev.agentbroker.broker.token.oauth;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.helidon.webserver.http.ServerResponse;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;

import dev.agentbroker.broker.token.DevTaskTokens;

/**
 * {@code POST /dev-idp/task-token} (development IdP only): form parameters {@code username},
 * {@code agent}, optional {@code scope}, {@code resource} (repeatable) and {@code lifetime}
 * (seconds); answers the token response of {@code /oauth2/token} for the exchanged task token.
 */
final class DevTaskTokenEndpoint {
    static final String PATH = "/dev-idp/task-token";

    private final DevTaskTokens tokens;
    private final Clock clock;

    DevTaskTokenEndpoint(DevTaskTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    void handle(HTTPRequest http, ServerResponse res) {
        Map<String, List<String>> form = FormParameters.form(http);
        String user = FormParameters.required(form, "username");
        String agent = FormParameters.required(form, "agent");
        String scope = FormParameters.optional(form, "scope").orElse(null);
        List<String> resources = form.getOrDefault("resource", List.of()).stream().filter(r -> !r.isBlank()).toList();
        OAuthJson.send(res, 200, OAuthJson.token(tokens.issue(user, agent, scope, resources,
                TokenEndpoint.lifetime(form)), clock.instant(), true));
    }
}
