package dev.agentbroker.llm.usage;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.util.Map;
import java.util.TreeMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Writes JSON with object keys sorted and no insignificant whitespace (in the spirit of
 * RFC 8785, without its number normalisation), so equal arguments digest equally.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : new TreeMap<>((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(JSON.createValue(e.getKey())).append(':');
                    append(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                JsonArray array = (JsonArray) value;
                for (int i = 0; i < array.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, array.get(i));
                }
                out.append(']');
            }
            case STRING -> out.append(JSON.createValue(((JsonString) value).getString()));
            default -> out.append(value);
        }
    }
}
