package dev.agentbroker.broker.audit;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

/**
 * The on-disk form of one audit record: a JSON object on one line whose last two fields are
 * {@code prev} (the hash of the record before it) and {@code hash}, the SHA-256 of the line's
 * text up to (not including) {@code ,"hash":}. Because {@code prev} is inside the hashed
 * text, every record commits to the whole log before it. Stateless and thread-safe.
 */
final class RecordCodec {
    /** The {@code prev} of the first record of a log. */
    static final String GENESIS = "0".repeat(64);

    private static final String HASH_FIELD = ",\"hash\":\"";
    /** Created once: {@code JSON.createGenerator} looks the provider up on every call. */
    private static final JsonGeneratorFactory GENERATORS = JSON.createGeneratorFactory(Map.of());
    private static final JsonReaderFactory READERS = JSON.createReaderFactory(Map.of());

    private RecordCodec() {
    }

    /** The event's fields as JSON text without braces, in the fixed field order of docs/audit.md. */
    static String body(AuditEvent e, Instant time) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = GENERATORS.createGenerator(text)) {
            g.writeStartObject().write("time", time.toString()).write("type", e.type());
            optional(g, "task", e.taskId());
            optional(g, "trace", e.traceId());
            optional(g, "span", e.spanId());
            optional(g, "parent_span", e.parentSpanId());
            optional(g, "user", e.user());
            strings(g, "actors", e.actorChain());
            optional(g, "client", e.clientId());
            optional(g, "token_id", e.tokenId());
            optional(g, "action", e.action());
            optional(g, "resource", e.resource());
            optional(g, "decision", e.decision());
            strings(g, "policy_ids", e.policyIds());
            optional(g, "policy_version", e.policyVersion());
            optional(g, "outcome", e.outcome());
            if (e.latencyMicros() >= 0) {
                g.write("latency_us", e.latencyMicros());
            }
            attributes(g, e.attributes());
            g.writeEnd();
        }
        String object = text.toString();
        return object.substring(1, object.length() - 1);
    }

    /** The complete line for record {@code seq} (newline included). */
    static String seal(long seq, String body, String prev) {
        return new String(seal(seq, body, prev, digest()), StandardCharsets.UTF_8);
    }

    /** The complete line for record {@code seq} as UTF-8 bytes, hashed with {@code sha256} (reset first). */
    static byte[] seal(long seq, String body, String prev, MessageDigest sha256) {
        byte[] hashed = ("{\"seq\":" + seq + "," + body + ",\"prev\":\"" + prev + "\"").getBytes(StandardCharsets.UTF_8);
        sha256.reset();
        byte[] tail = (HASH_FIELD + HexFormat.of().formatHex(sha256.digest(hashed)) + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        byte[] line = java.util.Arrays.copyOf(hashed, hashed.length + tail.length);
        System.arraycopy(tail, 0, line, hashed.length, tail.length);
        return line;
    }

    /** The hash of a line built by {@link #seal}. */
    static String hashOf(byte[] line) {
        return new String(line, line.length - 67, 64, StandardCharsets.US_ASCII);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Parses one line (without its newline) and recomputes its hash.
     *
     * @throws IllegalArgumentException with a short reason when the line is not a record
     */
    static Sealed open(String line) {
        int at = line.lastIndexOf(HASH_FIELD);
        if (at < 0 || !line.endsWith("\"}") || line.length() - at != HASH_FIELD.length() + 64 + 2) {
            throw new IllegalArgumentException("not an audit record (no hash field at its end)");
        }
        String stored = line.substring(at + HASH_FIELD.length(), line.length() - 2);
        JsonObject json;
        try (JsonReader reader = READERS.createReader(new StringReader(line))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (!(json.get("seq") instanceof jakarta.json.JsonNumber seq) || !(json.get("prev") instanceof jakarta.json.JsonString prev)) {
            throw new IllegalArgumentException("not an audit record (no seq or prev)");
        }
        return new Sealed(seq.longValue(), prev.getString(), stored, stored.equals(sha256(line.substring(0, at))), json);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static void optional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeStartArray(name);
        values.forEach(g::write);
        g.writeEnd();
    }

    private static void attributes(JsonGenerator g, Map<String, Object> attributes) {
        g.writeStartObject("attributes");
        attributes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a -> {
            Object v = a.getValue();
            switch (v) {
                case Boolean b -> g.write(a.getKey(), b);
                case Integer n -> g.write(a.getKey(), n);
                case Long n -> g.write(a.getKey(), n);
                case Number n -> g.write(a.getKey(), n.doubleValue());
                case JsonValue j -> g.write(a.getKey(), j);
                default -> g.write(a.getKey(), v.toString());
            }
        });
        g.writeEnd();
    }

    /**
     * One parsed line.
     *
     * @param seq    its sequence number
     * @param prev   the hash it says precedes it
     * @param hash   the hash stored on the line
     * @param intact whether the stored hash matches the line's content
     * @param json   the whole record
     */
    record Sealed(long seq, String prev, String hash, boolean intact, JsonObject json) {
    }
}
