package dev.agentbroker.broker.token.keys;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.ECKey;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Reads and writes {@code keys/signing-keys.json}: the private keys with their creation and
 * retirement times. Written atomically (temp file, then move) with owner-only permissions.
 */
final class KeyFile {
    private KeyFile() {
    }

    static KeyRing read(Path file) throws IOException {
        try {
            JsonObject json = JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).readObject();
            List<KeyRing.Entry> entries = new ArrayList<>();
            for (JsonValue item : json.getJsonArray("keys")) {
                JsonObject o = item.asJsonObject();
                ECKey key = ECKey.parse(o.getJsonObject("jwk").toString());
                Instant retired = o.containsKey("retiredUntil") ? Instant.ofEpochSecond(o.getJsonNumber("retiredUntil").longValue()) : null;
                entries.add(new KeyRing.Entry(key, Instant.ofEpochSecond(o.getJsonNumber("created").longValue()), retired));
            }
            return new KeyRing(json.getString("current"), entries);
        } catch (java.text.ParseException | RuntimeException e) {
            throw new IOException("signing key file " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    static void write(Path file, KeyRing ring) throws IOException {
        JsonArrayBuilder keys = JSON.createArrayBuilder();
        for (KeyRing.Entry e : ring.entries()) {
            JsonObjectBuilder o = JSON.createObjectBuilder()
                    .add("jwk", JSON.createReader(new StringReader(e.key().toJSONString())).readObject())
                    .add("created", e.created().getEpochSecond());
            if (e.retiredUntil() != null) {
                o.add("retiredUntil", e.retiredUntil().getEpochSecond());
            }
            keys.add(o);
        }
        String text = JSON.createObjectBuilder().add("current", ring.currentKid()).add("keys", keys).build().toString();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        Path tmp = Files.createTempFile(dir, "signing-keys", ".tmp");
        ownerOnly(tmp, "rw-------");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
