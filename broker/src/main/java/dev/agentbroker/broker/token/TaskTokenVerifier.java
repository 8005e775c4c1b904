package dev.agentbroker.broker.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import dev.agentbroker.broker.token.keys.SigningKeys;

/**
 * The one verifier of task tokens (RFC 8725, RFC 9068): size limit; ES256 only, with the key
 * looked up by {@code kid} and pinned to that algorithm; {@code typ: at+jwt}; no embedded
 * {@code jwk}, {@code jku}, {@code x5u}, {@code x5c}, no {@code crit}; {@code iss};
 * {@code exp}/{@code nbf} within the configured skew; revocation of the token or any
 * ancestor; every agent of the chain registered and enabled; and, for a protected endpoint,
 * {@code aud} naming that resource. Thread-safe.
 */
public final class TaskTokenVerifier implements TokenVerifier {
    static final int MAX_TOKEN_CHARS = 8192;

    private final SigningKeys keys;
    private final BrokerUrls urls;
    private final RevocationList revocations;
    private final AgentRegistry agents;
    private final Duration skew;
    private final Clock clock;
    private final VerifiedCache<Authentic> authentic = new VerifiedCache<>(20_000);

    /** Claims whose signature was checked, with the key id that signed them. */
    private record Authentic(TaskClaims claims, String kid) {
    }

    public TaskTokenVerifier(SigningKeys keys, BrokerUrls urls, RevocationList revocations, AgentRegistry agents,
                             Duration skew, Clock clock) {
        this.keys = keys;
        this.urls = urls;
        this.revocations = revocations;
        this.agents = agents;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public VerifiedToken verify(String bearerToken, String resource) {
        VerifiedToken token = read(bearerToken).token();
        if (token.audience().stream().noneMatch(aud -> BrokerUrls.audienceMatches(aud, resource))) {
            throw new InvalidTokenException("token is not for this resource (aud does not name " + resource + ")");
        }
        return token;
    }

    /** Every check but the audience (introspection, subject and actor tokens). */
    public TaskClaims read(String token) {
        TaskClaims claims = authentic(token);
        checkTimes(claims.token());
        checkNotRevoked(claims);
        for (String agent : claims.token().actorChain()) {
            requireEnabled(agent);
        }
        requireEnabled(claims.token().clientId());
        return claims;
    }

    /** Signature, header and issuer checks only: for revocation, where an expired token is simply ignored. */
    TaskClaims authentic(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("missing token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new InvalidTokenException("token too large");
        }
        Optional<Authentic> known = authentic.get(token).filter(a -> keys.verificationKey(a.kid()).isPresent());
        if (known.isPresent()) {
            return known.get().claims();
        }
        return checkSignature(token);
    }

    /** Records a token this broker has just signed, so its first use needs no signature check. */
    void remember(String token, TaskClaims claims, String kid) {
        authentic.put(token, new Authentic(claims, kid));
    }

    private TaskClaims checkSignature(String token) {
        SignedJWT jwt = signed(token);
        checkHeader(jwt.getHeader());
        ECKey key = keys.verificationKey(jwt.getHeader().getKeyID())
                .orElseThrow(() -> new InvalidTokenException("unknown signing key"));
        try {
            if (!jwt.verify(new ECDSAVerifier(key))) {
                throw new InvalidTokenException("bad signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!urls.issuer().equals(claims.getIssuer())) {
                throw new InvalidTokenException("wrong issuer");
            }
            TaskClaims parsed = TaskTokenCodec.fromClaims(claims);
            remember(token, parsed, key.getKeyID());
            return parsed;
        } catch (JOSEException e) {
            throw new InvalidTokenException("bad signature");
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTokenException("malformed claims");
        }
    }

    private static SignedJWT signed(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("malformed token");
        }
        if (jwt instanceof PlainJWT) {
            throw new InvalidTokenException("unsigned token (alg none) refused");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new InvalidTokenException("encrypted tokens are not accepted");
        }
        return signed;
    }

    private static void checkHeader(JWSHeader h) {
        if (!JWSAlgorithm.ES256.equals(h.getAlgorithm())) {
            throw new InvalidTokenException("algorithm " + h.getAlgorithm() + " refused (ES256 only)");
        }
        if (!TaskTokenCodec.TYPE.equals(h.getType())) {
            throw new InvalidTokenException("wrong token type (typ must be at+jwt)");
        }
        if (h.getJWK() != null || h.getJWKURL() != null || h.getX509CertURL() != null || h.getX509CertChain() != null) {
            throw new InvalidTokenException("embedded key or key URL in the header refused");
        }
        if (h.getCriticalParams() != null && !h.getCriticalParams().isEmpty()) {
            throw new InvalidTokenException("unknown critical header parameter");
        }
        if (h.getKeyID() == null) {
            throw new InvalidTokenException("unknown signing key");
        }
    }

    private void checkTimes(VerifiedToken t) {
        Instant now = clock.instant();
        if (!now.isBefore(t.expiresAt().plus(skew))) {
            throw new InvalidTokenException("token expired");
        }
        if (now.plus(skew).isBefore(t.issuedAt())) {
            throw new InvalidTokenException("token not yet valid");
        }
    }

    private void checkNotRevoked(TaskClaims claims) {
        if (revocations.isRevoked(claims.token().tokenId()) || claims.lineage().stream().anyMatch(revocations::isRevoked)) {
            throw new InvalidTokenException("token revoked");
        }
    }

    private void requireEnabled(String agent) {
        if (!agents.isEnabled(agent)) {
            throw new InvalidTokenException("agent " + agent + " is not enabled");
        }
    }
}
