package dev.agentbroker.llm.wire;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.io.ByteArrayInputStream;
import java.io.StringReader;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import dev.agentbroker.llm.LlmException;

/** Reading JSON-P values leniently where the wire allows absence, strictly where a caller erred. */
public final class Jsons {
    private Jsons() {
    }

    /** Parses a request body that must be one JSON object; anything else is the caller's fault. */
    public static JsonObject requestObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, "the request body is empty; expected a JSON object");
        }
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonStructure value = reader.read();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonParsingException e) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST,
                    "the request body is not valid JSON (at line " + e.getLocation().getLineNumber()
                            + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException e) {
            throw new LlmException(LlmException.Kind.INVALID_REQUEST, "the request body is not valid JSON");
        }
        throw new LlmException(LlmException.Kind.INVALID_REQUEST, "the request body must be a JSON object");
    }

    /** Parses text that should be a JSON object; returns null when it is not. */
    public static JsonObject objectOrNull(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject o ? o : null;
        } catch (JsonException e) {
            return null;
        }
    }

    public static String string(JsonObject object, String key) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(key);
        return value instanceof JsonString s ? s.getString() : null;
    }

    public static long number(JsonObject object, String key) {
        if (object == null) {
            return -1;
        }
        JsonValue value = object.get(key);
        return value instanceof JsonNumber n ? n.longValue() : -1;
    }

    public static JsonObject object(JsonObject object, String key) {
        if (object == null) {
            return null;
        }
        JsonValue value = object.get(key);
        return value instanceof JsonObject o ? o : null;
    }

    public static boolean bool(JsonObject object, String key) {
        return object != null && object.get(key) == JsonValue.TRUE;
    }
}
