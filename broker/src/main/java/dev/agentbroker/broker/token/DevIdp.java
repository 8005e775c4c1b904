package dev.agentbroker.broker.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.agentbroker.broker.token.keys.SigningKeys;

/**
 * The embedded development identity provider: issues user tokens ({@code typ: JWT}, issuer
 * {@code ISSUER/dev-idp}, audience the broker) for the demo users of {@code dev-idp.users},
 * with their groups and scopes, signed with the broker's keys. It asks for no password: it
 * exists so the quickstart works without an external IdP, and is off unless enabled.
 * Thread-safe.
 */
public final class DevIdp {
    private final DevIdpConfig config;
    private final SigningKeys keys;
    private final BrokerUrls urls;
    private final Clock clock;

    public DevIdp(DevIdpConfig config, SigningKeys keys, BrokerUrls urls, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.urls = urls;
        this.clock = clock;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** A user token for demo user {@code name}. @throws OAuthException for an unknown user or a disabled IdP */
    public String issue(String name) {
        if (!config.enabled()) {
            throw OAuthException.invalidRequest("the development IdP is disabled (dev-idp.enabled)");
        }
        DevIdpConfig.User user = config.user(name)
                .orElseThrow(() -> OAuthException.invalidRequest("unknown demo user \"" + name + "\" (dev-idp.users)"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(urls.devIdpIssuer()).subject(user.name())
                .audience(urls.issuer()).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(config.lifetime())))
                .jwtID(Ids.random()).claim("groups", user.groups()).claim("scope", user.scopes().toString()).build();
        ECKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a user token", e);
        }
        return jwt.serialize();
    }
}
