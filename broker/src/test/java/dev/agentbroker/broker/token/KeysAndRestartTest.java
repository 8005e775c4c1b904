package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.cli.Cli;
import dev.agentbroker.broker.token.keys.SigningKeys;

/**
 * Acceptance 6 of issue 3: a token issued before a restart verifies after it (keys and
 * revocations persist in the data dir, owner-only); after {@code bin/broker keys rotate} old
 * tokens still verify, new ones carry the new key, and the JWKS publishes both until the old
 * key's tokens have expired.
 */
class KeysAndRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void tokensSurviveARestartAndRevocationsToo() throws Exception {
        String token;
        String revoked;
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (BrokerFixture first = new BrokerFixture(dataDir, "", port)) {
            token = clientCredentials(first);
            revoked = clientCredentials(first);
            TokenService service = first.broker.tokens().service();
            service.revoke(service.agents().find("research-agent").orElseThrow(), revoked);
            assertEquals(200, first.models(token).statusCode());
        }
        Path keyFile = dataDir.resolve("keys/signing-keys.json");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(keyFile.getParent()));
        try (BrokerFixture second = new BrokerFixture(dataDir, "", port)) {
            assertEquals(200, second.models(token).statusCode(), "issued before the restart, verifies after it");
            assertEquals(401, second.models(revoked).statusCode(), "a revocation survives the restart");
        }
    }

    @Test
    void rotationKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() throws Exception {
        try (BrokerFixture f = new BrokerFixture(dataDir, "")) {
            String before = clientCredentials(f);
            String oldKid = kid(before);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = new Cli(new PrintStream(out), System.err, Map.of())
                    .run("keys", "rotate", "--data-dir", dataDir.toString());
            assertEquals(0, status);
            String newKid = out.toString().lines().findFirst().orElseThrow().split(" ")[3];
            assertNotEquals(oldKid, newKid);
            Thread.sleep(1100);
            String after = clientCredentials(f);
            assertEquals(newKid, kid(after));
            assertEquals(200, f.models(before).statusCode(), "a token signed before the rotation still verifies");
            assertEquals(200, f.models(after).statusCode());
            JWKSet published = JWKSet.parse(f.http.send(java.net.http.HttpRequest.newBuilder(
                    f.base().resolve("/.well-known/jwks.json")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(Set.of(oldKid, newKid), Set.copyOf(published.getKeys().stream().map(k -> k.getKeyID()).toList()));
            assertTrue(published.getKeys().stream().noneMatch(k -> k.isPrivate()));
        }
    }

    @Test
    void aRetiredKeyIsDroppedOnceItsTokensHaveExpired() {
        Clock t0 = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        String first = SigningKeys.open(dataDir, t0).current().getKeyID();
        String second = SigningKeys.rotate(dataDir, Duration.ofMinutes(16), t0);
        Clock later = Clock.offset(t0, Duration.ofMinutes(17));
        String third = SigningKeys.rotate(dataDir, Duration.ofMinutes(16), later);
        SigningKeys keys = SigningKeys.open(dataDir, later);
        assertEquals(third, keys.current().getKeyID());
        assertTrue(keys.verificationKey(first).isEmpty(), "retired 17 minutes ago with 16 minutes retention");
        assertTrue(keys.verificationKey(second).isPresent());
    }

    private static String clientCredentials(BrokerFixture f) {
        TokenService service = f.broker.tokens().service();
        return service.clientCredentials(service.agents().find("research-agent").orElseThrow(), "mcp:fs", List.of(),
                Optional.empty()).token();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }
}
