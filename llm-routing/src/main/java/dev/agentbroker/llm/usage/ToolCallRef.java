package dev.agentbroker.llm.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.json.JsonValue;

import dev.agentbroker.llm.wire.Jsons;

/**
 * A tool call a model response asked for: the id the agent will echo, the tool name and a
 * SHA-256 digest of the arguments (of their canonical JSON text when they parse, so that a
 * later tool invocation with the same arguments has the same digest).
 *
 * @param id             the tool call id ({@code call_...} or {@code toolu_...})
 * @param name           the tool name, e.g. {@code fs__write_file}
 * @param argumentDigest {@code sha256:} and 64 hex digits
 */
public record ToolCallRef(String id, String name, String argumentDigest) {

    /** Builds a reference from the raw argument text the model produced. */
    public static ToolCallRef of(String id, String name, String argumentsJson) {
        return new ToolCallRef(id == null ? "" : id, name == null ? "" : name, digest(canonical(argumentsJson)));
    }

    static String canonical(String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        JsonValue parsed = Jsons.objectOrNull(json);
        return parsed == null ? json : CanonicalJson.write(parsed);
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
