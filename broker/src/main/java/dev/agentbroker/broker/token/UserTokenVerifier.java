package dev.agentbroker.broker.token;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.agentbroker.broker.token.keys.SigningKeys;

/**
 * Verifies subject tokens from the trusted issuers of the {@code issuers} section and from
 * the development IdP: the issuer selects the keys (its JWKS URL, an inline JWKS, or the
 * broker's own keys for the development IdP), asymmetric algorithms only, {@code aud} must
 * name the broker, {@code exp} is required, then subject, groups and scopes are mapped as
 * configured. Key sets are built once per issuer and cached. Thread-safe.
 */
final class UserTokenVerifier {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final List<IssuerConfig> issuers;
    private final DevIdpConfig devIdp;
    private final SigningKeys brokerKeys;
    private final BrokerUrls urls;
    private final int skewSeconds;
    private final java.time.Clock clock;
    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();
    private final VerifiedCache<UserToken> verified = new VerifiedCache<>(10_000);

    UserTokenVerifier(List<IssuerConfig> issuers, DevIdpConfig devIdp, SigningKeys brokerKeys, BrokerUrls urls,
                      int skewSeconds, java.time.Clock clock) {
        this.issuers = List.copyOf(issuers);
        this.devIdp = devIdp;
        this.brokerKeys = brokerKeys;
        this.urls = urls;
        this.skewSeconds = skewSeconds;
        this.clock = clock;
    }

    /** @throws OAuthException {@code invalid_request} naming what is wrong with the subject token */
    UserToken verify(String token) {
        if (token.length() > TaskTokenVerifier.MAX_TOKEN_CHARS) {
            throw OAuthException.invalidRequest("subject_token is too large");
        }
        Optional<UserToken> known = verified.get(token);
        if (known.isPresent()) {
            if (!clock.instant().isBefore(known.get().expiresAt().plusSeconds(skewSeconds))) {
                throw OAuthException.invalidRequest("subject_token is not valid: Expired JWT");
            }
            return known.get();
        }
        String iss = unverifiedIssuer(token);
        IssuerConfig issuer = trusted(iss);
        JWTClaimsSet claims;
        try {
            claims = processors.computeIfAbsent(iss, k -> processor(issuer)).process(token, null);
        } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException
                 | RuntimeException e) {
            throw OAuthException.invalidRequest("subject_token is not valid: " + reason(e));
        }
        UserToken user = map(claims, issuer, token);
        verified.put(token, user);
        return user;
    }

    private IssuerConfig trusted(String iss) {
        if (devIdp.enabled() && urls.devIdpIssuer().equals(iss)) {
            // Neither a JWKS URL nor a JWKS (configured issuers always have one): the broker's own keys.
            return new IssuerConfig(iss, Optional.empty(), Optional.empty(), Optional.empty(), "sub", "groups", "scope",
                    ScopeSet.EMPTY);
        }
        return issuers.stream().filter(i -> i.issuer().equals(iss)).findFirst()
                .orElseThrow(() -> OAuthException.invalidRequest("subject_token issuer is not trusted"));
    }

    private DefaultJWTProcessor<SecurityContext> processor(IssuerConfig issuer) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                new JOSEObjectType("application/at+jwt"), null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keySource(issuer)));
        String audience = issuer.audience().orElseGet(urls::issuer);
        p.setJWTClaimsSetVerifier(new ClockedClaimsVerifier(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(), Set.of("exp", issuer.subjectClaim()),
                skewSeconds, clock));
        return p;
    }

    private JWKSource<SecurityContext> keySource(IssuerConfig issuer) {
        if (issuer.jwks().isEmpty() && issuer.jwksUrl().isEmpty()) {
            return (selector, context) -> selector.select(brokerKeys.publicJwks());
        }
        if (issuer.jwksUrl().isPresent()) {
            try {
                return JWKSourceBuilder.create(URI.create(issuer.jwksUrl().get()).toURL()).retrying(false).build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("issuers[].jwks-url is not a URL", e);
            }
        }
        try {
            String text = issuer.jwks().orElseThrow();
            String json = text.trim().startsWith("{") ? text : java.nio.file.Files.readString(java.nio.file.Path.of(text));
            return new ImmutableJWKSet<>(JWKSet.parse(json));
        } catch (java.io.IOException | ParseException e) {
            throw new IllegalStateException("issuers[].jwks is not a JWKS", e);
        }
    }

    private UserToken map(JWTClaimsSet claims, IssuerConfig issuer, String token) {
        try {
            String user = claims.getStringClaim(issuer.subjectClaim());
            List<String> groups = stringList(claims.getClaim(issuer.groupsClaim()));
            Object scopeClaim = claims.getClaim(issuer.scopesClaim());
            ScopeSet scopes = scopeClaim == null ? issuer.scopes() : scopeClaim instanceof String s ? ScopeSet.parse(s)
                    : ScopeSet.of(stringList(scopeClaim));
            String id = claims.getJWTID() != null ? claims.getJWTID()
                    : "sha256:" + HexFormat.of().formatHex(AgentRegistry.sha256(token));
            return new UserToken(user, groups, scopes, id, issuer.issuer(), claims.getExpirationTime().toInstant());
        } catch (ParseException | IllegalArgumentException e) {
            throw OAuthException.invalidRequest("subject_token claims cannot be mapped: " + e.getMessage());
        }
    }

    private static List<String> stringList(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
        } else if (value instanceof String s) {
            out.add(s);
        }
        return out;
    }

    static String unverifiedIssuer(String token) {
        try {
            String iss = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
            if (iss == null) {
                throw OAuthException.invalidRequest("subject_token has no iss");
            }
            return iss;
        } catch (ParseException e) {
            throw OAuthException.invalidRequest("subject_token is not a signed JWT");
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 120 ? m.substring(0, 120) : m;
    }
}
