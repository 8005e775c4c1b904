package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key pair that signs audit checkpoints, kept in its own directory (default
 * {@code data-dir/audit-keys}), apart from the token signing keys and from the log. The
 * private key is created on first start with owner-only permissions; {@code audit verify}
 * needs only the public key file. Thread-safe.
 */
public final class CheckpointKeys {
    static final String PRIVATE_FILE = "checkpoint-ed25519.key";
    public static final String PUBLIC_FILE = "checkpoint-ed25519.pub";
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private CheckpointKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Loads the key pair from {@code dir}, creating it (and the directory) on first use. */
    public static CheckpointKeys loadOrCreate(Path dir) throws IOException {
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(priv)) {
                KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
                PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(decode(priv)));
                return new CheckpointKeys(key, readPublic(pub));
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            ownerOnlyDirectory(dir);
            write(priv, pair.getPrivate().getEncoded(), "rw-------");
            write(pub, pair.getPublic().getEncoded(), "rw-r--r--");
            return new CheckpointKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IOException("checkpoint key in " + dir + " is not a valid Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** Reads a public key file written by {@link #loadOrCreate}. */
    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(file)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** A short stable id of a public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(RecordCodec.sha256(key.getEncoded())).substring(0, 16);
    }

    String keyId() {
        return keyId(publicKey);
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint", e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, String signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decode(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        return Base64.getDecoder().decode(text);
    }

    private static void write(Path file, byte[] der, String permissions) throws IOException {
        Files.writeString(file, Base64.getEncoder().encodeToString(der) + "\n", StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
    }

    private static void ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
