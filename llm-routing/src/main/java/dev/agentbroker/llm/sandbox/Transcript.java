package dev.agentbroker.llm.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.wire.Jsons;

/**
 * What the sandbox reads from a conversation in either dialect: how many assistant turns
 * it holds, the last user text and the last tool result.
 */
record Transcript(int assistantTurns, String lastUser, String lastToolResult) {

    static Transcript of(JsonArray messages) {
        int turns = 0;
        String user = "";
        String tool = "";
        for (JsonValue value : messages) {
            if (!(value instanceof JsonObject m)) {
                continue;
            }
            String role = String.valueOf(Jsons.string(m, "role"));
            switch (role) {
                case "assistant" -> turns++;
                case "tool" -> tool = text(m.get("content"));
                case "user" -> {
                    String toolResult = toolResult(m.get("content"));
                    if (toolResult != null) {
                        tool = toolResult;
                    } else {
                        user = text(m.get("content"));
                    }
                }
                default -> { }
            }
        }
        return new Transcript(turns, user, tool);
    }

    private static String toolResult(JsonValue content) {
        if (!(content instanceof JsonArray blocks)) {
            return null;
        }
        for (JsonValue block : blocks) {
            if (block instanceof JsonObject b && "tool_result".equals(Jsons.string(b, "type"))) {
                return text(b.get("content"));
            }
        }
        return null;
    }

    private static String text(JsonValue content) {
        if (content instanceof JsonString s) {
            return s.getString();
        }
        StringBuilder out = new StringBuilder();
        if (content instanceof JsonArray parts) {
            for (JsonValue part : parts) {
                if (part instanceof JsonObject p && Jsons.string(p, "text") != null) {
                    out.append(Jsons.string(p, "text"));
                }
            }
        }
        return out.toString();
    }
}
