package dev.agentbroker.broker.token;

import java.time.Clock;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

/**
 * Nimbus's claims verifier ({@code iss}, {@code aud}, {@code exp}, {@code nbf}, required
 * claims) reading the time from the broker's {@link Clock} instead of the system clock.
 * Thread-safe.
 */
public final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
    private final Clock clock;

    public ClockedClaimsVerifier(Set<String> audiences, JWTClaimsSet exactMatch, Set<String> required,
                                 int skewSeconds, Clock clock) {
        super(audiences, exactMatch, required, Set.of());
        this.clock = clock;
        setMaxClockSkew(skewSeconds);
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }
}
