package dev.agentbroker.broker.token;

/**
 * A refused OAuth request, carrying the RFC 6749 / RFC 8693 error code, the HTTP status and
 * a short description safe to return in {@code error_description} (never a token or a
 * secret). The endpoints map it to error JSON in one place.
 */
public final class OAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    OAuthException(String error, int status, String description) {
        super(description);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", 400, description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException("invalid_client", 401, description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", 400, description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException("invalid_scope", 400, description);
    }

    public static OAuthException invalidTarget(String description) {
        return new OAuthException("invalid_target", 400, description);
    }

    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException("unauthorized_client", 400, description);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException("unsupported_grant_type", 400, description);
    }

    public static OAuthException unsupportedTokenType(String description) {
        return new OAuthException("unsupported_token_type", 400, description);
    }

    public static OAuthException temporarilyUnavailable(String description) {
        return new OAuthException("temporarily_unavailable", 503, description);
    }
}
