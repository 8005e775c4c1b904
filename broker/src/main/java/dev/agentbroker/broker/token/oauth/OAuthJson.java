package dev.agentbroker.broker.token.oauth;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import dev.agentbroker.broker.token.OAuthException;
import dev.agentbroker.broker.token.ScopeSet;
import dev.agentbroker.broker.token.TaskClaims;
import dev.agentbroker.broker.token.TokenService;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * The JSON bodies of the OAuth endpoints: token responses (RFC 6749 §5.1, RFC 8693 §2.2.1),
 * error responses (RFC 6749 §5.2), introspection responses (RFC 7662 §2.2). Responses are
 * never cached.
 */
final class OAuthJson {
    private OAuthJson() {
    }

    static JsonObject token(TokenService.Issued issued, Instant now, boolean exchanged) {
        VerifiedToken t = issued.claims().token();
        JsonObjectBuilder b = JSON.createObjectBuilder().add("access_token", issued.token()).add("token_type", "Bearer")
                .add("expires_in", Math.max(0, t.expiresAt().getEpochSecond() - now.getEpochSecond()))
                .add("scope", ScopeSet.of(t.scopes()).toString());
        if (exchanged) {
            b.add("issued_token_type", issued.issuedTokenType());
        }
        return b.build();
    }

    static JsonObject introspection(TaskClaims claims, String issuer) {
        VerifiedToken t = claims.token();
        JsonObjectBuilder b = JSON.createObjectBuilder().add("active", true).add("iss", issuer).add("sub", t.subject())
                .add("client_id", t.clientId()).add("scope", ScopeSet.of(t.scopes()).toString())
                .add("exp", t.expiresAt().getEpochSecond()).add("iat", t.issuedAt().getEpochSecond())
                .add("nbf", t.issuedAt().getEpochSecond()).add("aud", JSON.createArrayBuilder(t.audience()))
                .add("jti", t.tokenId()).add("token_type", "Bearer").add("task_id", t.taskId())
                .add("trace_root", t.traceRoot());
        if (!t.groups().isEmpty()) {
            b.add("groups", JSON.createArrayBuilder(t.groups()));
        }
        if (!t.actorChain().isEmpty()) {
            b.add("act", JSON.createObjectBuilder(claims.act()));
        }
        if (t.parentTokenId() != null) {
            b.add("parent_jti", t.parentTokenId());
        }
        return b.build();
    }

    static JsonObject inactive() {
        return JSON.createObjectBuilder().add("active", false).build();
    }

    static void send(ServerResponse res, int status, JsonObject body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.PRAGMA, "no-cache");
        res.send(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void error(ServerResponse res, OAuthException e) {
        if (e.status() == 401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"agent-broker\"");
        }
        send(res, e.status(), JSON.createObjectBuilder().add("error", e.error())
                .add("error_description", e.getMessage() == null ? e.error() : e.getMessage()).build());
    }
}
