package dev.agentbroker.broker.mcp;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * Bearer authentication of the MCP endpoints (MCP 2025-06-18 "Authorization"; RFC 6750,
 * RFC 9728 section 5.1): the token must be for {@code <base>/mcp/{server}}, or for
 * {@code <base>/mcp}, which covers every server below it. A refusal carries the
 * {@code WWW-Authenticate} challenge pointing at the protected-resource metadata. Thread-safe.
 */
final class BearerAuth {
    private final TokenVerifier verifier;

    BearerAuth(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** A refused request: the challenge to send with 401. */
    record Refusal(String challenge) {
    }

    /** The verified token, or the challenge when there is none or it is not valid here. */
    Result authenticate(ServerRequest req, String base, String view) {
        String metadata = base + "/.well-known/oauth-protected-resource/mcp" + (view == null ? "" : "/" + view);
        Optional<String> token = bearer(req);
        if (token.isEmpty()) {
            return new Result(null, new Refusal("Bearer resource_metadata=\"" + metadata + "\""));
        }
        try {
            return new Result(verify(token.get(), base, view), null);
        } catch (InvalidTokenException e) {
            String reason = e.getMessage() == null ? "invalid token" : e.getMessage().replace("\"", "'");
            return new Result(null, new Refusal("Bearer error=\"invalid_token\", error_description=\"" + reason
                    + "\", resource_metadata=\"" + metadata + "\""));
        }
    }

    /** Either a token or a refusal. */
    record Result(VerifiedToken token, Refusal refusal) {
    }

    private VerifiedToken verify(String token, String base, String view) {
        if (view == null) {
            return verifier.verify(token, base + "/mcp");
        }
        try {
            return verifier.verify(token, base + "/mcp/" + view);
        } catch (InvalidTokenException e) {
            return verifier.verify(token, base + "/mcp");
        }
    }

    static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION).map(String::trim)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7) && v.length() > 7)
                .map(v -> v.substring(7).trim());
    }
}
