package dev.agentbroker.mcp.gateway;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * Canonical JSON (members sorted by key, recursively, in the spirit of RFC 8785) and its
 * SHA-256, used for definition pins and argument digests. Stateless.
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
            for (Map.Entry<String, JsonValue> e : new TreeMap<>(object).entrySet()) {
                b.add(e.getKey(), canonical(e.getValue()));
            }
            return b.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            array.forEach(item -> b.add(canonical(item)));
            return b.build();
        }
        return value;
    }

    /** SHA-256 (lower-case hex) of the canonical form of {@code value}. */
    public static String sha256(JsonValue value) {
        return sha256(JsonRpc.write(canonical(value == null ? JsonValue.NULL : value)));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
