package dev.agentbroker.broker.policy;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Typed, path-aware reads from the JSON of case and catalog files; errors name file and key. */
final class CaseJson {
    private final String file;
    private final JsonObject object;

    private CaseJson(String file, JsonObject object) {
        this.file = file;
        this.object = object;
    }

    static CaseJson read(Path path) {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8); JsonReader reader = JSON.createReader(in)) {
            return new CaseJson(path.getFileName().toString(), reader.readObject());
        } catch (IOException | ClassCastException | jakarta.json.JsonException e) {
            throw new PolicyException(path.getFileName() + ": not a JSON object: " + e.getMessage());
        }
    }

    CaseJson child(String key) {
        JsonValue v = object.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw error(key, "expected an object");
        }
        return new CaseJson(file, v.asJsonObject());
    }

    boolean has(String key) {
        return object.containsKey(key) && object.get(key) != JsonValue.NULL;
    }

    JsonValue raw(String key) {
        return object.get(key);
    }

    String string(String key, String fallback) {
        JsonValue v = object.get(key);
        if (v == null || v == JsonValue.NULL) {
            return fallback;
        }
        if (!(v instanceof JsonString s)) {
            throw error(key, "expected a string");
        }
        return s.getString();
    }

    String string(String key) {
        String s = string(key, null);
        if (s == null) {
            throw error(key, "required");
        }
        return s;
    }

    long number(String key, long fallback) {
        JsonValue v = object.get(key);
        if (v == null || v == JsonValue.NULL) {
            return fallback;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            throw error(key, "expected an integer");
        }
        return n.longValueExact();
    }

    boolean bool(String key, boolean fallback) {
        JsonValue v = object.get(key);
        if (v == null || v == JsonValue.NULL) {
            return fallback;
        }
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw error(key, "expected true or false");
        }
        return v == JsonValue.TRUE;
    }

    Set<String> stringSet(String key) {
        return new LinkedHashSet<>(strings(key));
    }

    List<String> strings(String key) {
        JsonValue v = object.get(key);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw error(key, "expected a list of strings");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw error(key, "expected a list of strings");
            }
            out.add(s.getString());
        }
        return out;
    }

    List<CaseJson> objects(String key) {
        JsonValue v = object.get(key);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray array)) {
            throw error(key, "expected a list of objects");
        }
        return array.stream().map(item -> {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw error(key, "expected a list of objects");
            }
            return new CaseJson(file, item.asJsonObject());
        }).toList();
    }

    PolicyException error(String key, String message) {
        return new PolicyException(file + ": " + key + ": " + message);
    }
}
