package dev.agentbroker.broker.token.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The broker's task-token signing keys: ES256 (P-256) keys, each pinned to that one
 * algorithm. Either kept in the data dir ({@code keys/signing-keys.json}, owner-only),
 * generated on first start and rotated by {@code bin/broker keys rotate}, or fixed from a
 * configured private JWKS. A rotated-out key stays published (and verifies) for the
 * retention period, so tokens signed before the rotation keep verifying until they expire;
 * a running broker notices a rotation by the file's modification time. Thread-safe.
 */
public final class SigningKeys {
    static final String FILE = "keys/signing-keys.json";
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Path file;
    private final Clock clock;
    private volatile KeyRing ring;
    private volatile FileTime loadedAt;
    private volatile Instant checkedAt = Instant.EPOCH;

    private SigningKeys(Path file, KeyRing ring, FileTime loadedAt, Clock clock) {
        this.file = file;
        this.ring = ring;
        this.loadedAt = loadedAt;
        this.clock = clock;
    }

    /** The keys kept under {@code dataDir}, generating the first one if there is none yet. */
    public static SigningKeys open(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE);
        try {
            synchronized (SigningKeys.class) {
                if (!Files.exists(file)) {
                    KeyFile.write(file, KeyRing.first(generate(), clock.instant()));
                }
            }
            return new SigningKeys(file, KeyFile.read(file), Files.getLastModifiedTime(file), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing keys " + file + " (data-dir)", e);
        }
    }

    /**
     * Keys from a configured private JWKS: the first key signs, all verify. Every key must be a
     * P-256 EC private key.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static SigningKeys fixed(String privateJwks, Clock clock) {
        try {
            List<KeyRing.Entry> entries = new ArrayList<>();
            for (JWK jwk : JWKSet.parse(privateJwks).getKeys()) {
                if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || !ec.isPrivate() || ec.getKeyID() == null) {
                    throw new IllegalArgumentException("every key must be a P-256 EC private key with a kid");
                }
                entries.add(new KeyRing.Entry(ec, Instant.EPOCH, null));
            }
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("the JWKS has no key");
            }
            return new SigningKeys(null, new KeyRing(entries.get(0).key().getKeyID(), entries), null, clock);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("not a JWKS: " + e.getMessage());
        }
    }

    /**
     * Publishes a new signing key in {@code dataDir}: it signs from now on, the previous one
     * keeps verifying for {@code retention} (at least the longest token lifetime plus skew),
     * and keys retired longer ago than that are dropped.
     *
     * @return the new key id
     */
    public static String rotate(Path dataDir, Duration retention, Clock clock) {
        Path file = dataDir.resolve(FILE);
        try {
            KeyRing current = Files.exists(file) ? KeyFile.read(file) : null;
            ECKey next = generate();
            Instant now = clock.instant();
            KeyRing rotated = current == null ? KeyRing.first(next, now) : current.rotate(next, now, retention);
            KeyFile.write(file, rotated);
            return next.getKeyID();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the signing keys " + file, e);
        }
    }

    /** The key that signs new tokens. */
    public ECKey current() {
        return ring().currentKey();
    }

    /** The key with {@code kid} that may still verify, if any. */
    public Optional<ECKey> verificationKey(String kid) {
        return ring().find(kid);
    }

    /** The public JWKS ({@code /.well-known/jwks.json}): every key that may still verify. */
    public JWKSet publicJwks() {
        return new JWKSet(new ArrayList<JWK>(ring().keys())).toPublicJWKSet();
    }

    private KeyRing ring() {
        if (file != null && clock.instant().isAfter(checkedAt.plus(RECHECK))) {
            reloadIfChanged();
        }
        return ring;
    }

    private synchronized void reloadIfChanged() {
        checkedAt = clock.instant();
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(loadedAt)) {
                ring = KeyFile.read(file);
                loadedAt = modified;
            }
        } catch (IOException | RuntimeException e) {
            java.util.logging.Logger.getLogger(SigningKeys.class.getName())
                    .warning("signing keys not reloaded, keeping the loaded ones: " + e.getMessage());
        }
    }

    static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an ES256 key", e);
        }
    }
}
