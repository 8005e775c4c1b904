package dev.agentbroker.mcp.jsonrpc;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

/**
 * JSON-RPC 2.0 (https://www.jsonrpc.org/specification) building blocks as JSON-P values.
 * Error codes follow section 5.1 of that specification. Stateless and thread-safe.
 */
public final class JsonRpc {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: the upstream server is unavailable or failed (implementation-defined server error range). */
    public static final int UPSTREAM_ERROR = -32002;
    /** MCP: resource not found (spec "Resources", error handling). */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** A request was refused (e.g. a server-to-client request the policy does not relay). */
    public static final int REFUSED = -32001;

    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of(
            "org.eclipse.parsson.maxDepth", 64, "org.eclipse.parsson.rejectDuplicateKeys", true));
    private static final JsonWriterFactory WRITERS = JSON.createWriterFactory(Map.of());

    private JsonRpc() {
    }

    /**
     * Parses one JSON text.
     *
     * @throws McpProtocolException with {@link #PARSE_ERROR} on malformed JSON
     */
    public static JsonValue parse(byte[] body) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            if (!parser.hasNext()) {
                throw new McpProtocolException(PARSE_ERROR, "malformed JSON");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new McpProtocolException(PARSE_ERROR, "malformed JSON");
            }
            return value;
        } catch (McpProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            // Parsson signals malformed input, excess depth and duplicate keys with several
            // unchecked types; all of them mean the text is not acceptable JSON here.
            throw new McpProtocolException(PARSE_ERROR, "malformed JSON");
        }
    }

    public static JsonValue parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (var writer = WRITERS.createWriter(out)) {
            writer.write(value);
        }
        return out.toString();
    }

    public static byte[] bytes(JsonValue value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static JsonObject request(JsonValue id, String method, JsonObject params) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method);
        if (params != null) {
            b.add("params", params);
        }
        return b.build();
    }

    public static JsonObject notification(String method, JsonObject params) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (params != null) {
            b.add("params", params);
        }
        return b.build();
    }

    public static JsonObject result(JsonValue id, JsonValue result) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    public static JsonObject error(JsonValue id, int code, String message) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id == null ? JsonValue.NULL : id)
                .add("error", JSON.createObjectBuilder().add("code", code).add("message", message)).build();
    }

    public static JsonObject error(JsonValue id, JsonObject error) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id == null ? JsonValue.NULL : id)
                .add("error", error).build();
    }

    /** The kind of a JSON-RPC message by its members (section 4 and 5). */
    public enum Kind { REQUEST, NOTIFICATION, RESPONSE, INVALID }

    public static Kind kind(JsonValue message) {
        if (!(message instanceof JsonObject o) || !"2.0".equals(string(o, "jsonrpc"))) {
            return Kind.INVALID;
        }
        JsonValue id = o.get("id");
        boolean validId = id == null || id.getValueType() == JsonValue.ValueType.STRING
                || id.getValueType() == JsonValue.ValueType.NUMBER;
        if (!validId) {
            return Kind.INVALID;
        }
        if (o.containsKey("method")) {
            if (o.get("method").getValueType() != JsonValue.ValueType.STRING) {
                return Kind.INVALID;
            }
            JsonValue params = o.get("params");
            if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT) {
                return Kind.INVALID;
            }
            return id == null ? Kind.NOTIFICATION : Kind.REQUEST;
        }
        if (id != null && (o.containsKey("result") ^ o.get("error") instanceof JsonObject)) {
            return Kind.RESPONSE;
        }
        return Kind.INVALID;
    }

    /** A string member, or null when absent or not a string. */
    public static String string(JsonObject o, String name) {
        return o != null && o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    /** An object member, or null when absent or not an object. */
    public static JsonObject object(JsonObject o, String name) {
        return o != null && o.get(name) instanceof JsonObject child ? child : null;
    }

    public static JsonObject params(JsonObject message) {
        JsonObject p = object(message, "params");
        return p == null ? JsonValue.EMPTY_JSON_OBJECT : p;
    }

    /** {@code o} with member {@code name} replaced (or added). */
    public static JsonObject with(JsonObject o, String name, JsonValue value) {
        return JSON.createObjectBuilder(o).add(name, value).build();
    }

    public static JsonObject with(JsonObject o, String name, String value) {
        return with(o, name, JSON.createValue(value));
    }
}
