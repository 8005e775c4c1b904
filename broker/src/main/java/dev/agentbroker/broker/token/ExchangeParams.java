package dev.agentbroker.broker.token;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of an RFC 8693 token-exchange request. Immutable.
 *
 * @param subjectToken     the user token or parent task token
 * @param subjectTokenType its RFC 8693 token type URI
 * @param actorToken       the acting agent's own token (from client credentials), or null
 * @param actorTokenType   its token type URI, or null
 * @param scope            the requested scope string, or null for "as much as allowed"
 * @param resources        the RFC 8707 {@code resource} and RFC 8693 {@code audience} values
 * @param lifetime         a requested lifetime (broker extension parameter {@code lifetime}, seconds)
 */
public record ExchangeParams(String subjectToken, String subjectTokenType, String actorToken, String actorTokenType,
                             String scope, List<String> resources, Optional<Duration> lifetime) {
    public static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    public static final String JWT = "urn:ietf:params:oauth:token-type:jwt";
    public static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";

    public ExchangeParams {
        Objects.requireNonNull(subjectToken, "subjectToken");
        Objects.requireNonNull(subjectTokenType, "subjectTokenType");
        resources = List.copyOf(resources);
        Objects.requireNonNull(lifetime, "lifetime");
    }
}
