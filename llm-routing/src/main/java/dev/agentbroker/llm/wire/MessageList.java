package dev.agentbroker.llm.wire;

import static dev.agentbroker.llm.JsonFactories.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Builds Anthropic's {@code messages}, merging consecutive turns of the same role (the
 * Messages API requires alternation; several OpenAI tool messages become one user turn).
 */
final class MessageList {
    private final JsonArrayBuilder out = JSON.createArrayBuilder();
    private String role;
    private JsonArrayBuilder blocks;

    void add(String nextRole, JsonValue content) {
        if (!nextRole.equals(role)) {
            flush();
            role = nextRole;
            blocks = JSON.createArrayBuilder();
        }
        if (content instanceof JsonString s) {
            if (!s.getString().isEmpty()) {
                blocks.add(JSON.createObjectBuilder().add("type", "text").add("text", s));
            }
        } else {
            for (JsonValue block : (JsonArray) content) {
                blocks.add((JsonObject) block);
            }
        }
    }

    JsonArray build() {
        flush();
        return out.build();
    }

    private void flush() {
        if (role != null) {
            out.add(JSON.createObjectBuilder().add("role", role).add("content", blocks));
            role = null;
        }
    }
}
