package dev.agentbroker.broker.token;

/**
 * The one verifier every protected endpoint (MCP, models, admin) uses for a bearer token:
 * signature with the key pinned to its algorithm, {@code iss}, {@code aud} (this resource),
 * {@code exp}/{@code nbf} with bounded skew, {@code typ}, revocation. Thread-safe.
 */
public interface TokenVerifier {
    /**
     * Verifies a bearer token presented for {@code resource} (the absolute URL of the
     * protected resource, e.g. {@code http://127.0.0.1:8080/mcp}).
     *
     * @throws InvalidTokenException with a short reason safe to return in {@code WWW-Authenticate}
     */
    VerifiedToken verify(String bearerToken, String resource);
}
