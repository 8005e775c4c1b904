package dev.agentbroker.broker.token;

/**
 * A bearer token was refused. The message is a short reason that is safe to show the caller
 * (it never contains the token); endpoints answer 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="<reason>"}.
 */
public final class InvalidTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
