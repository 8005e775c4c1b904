package dev.agentbroker.llm.wire;

import static dev.agentbroker.llm.JsonFactories.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.LlmException;

/**
 * Translates an OpenAI chat completions request into an Anthropic Messages request:
 * system/developer messages to {@code system}, assistant {@code tool_calls} to
 * {@code tool_use} blocks, {@code tool} messages to {@code tool_result} blocks in a user
 * turn, tools and tool choice, stop sequences and token limits. Stateless.
 */
public final class ChatToMessagesRequest {
    static final int DEFAULT_MAX_TOKENS = 4096;

    private ChatToMessagesRequest() {
    }

    public static JsonObject translate(JsonObject chat, String upstreamModel) {
        JsonObjectBuilder out = JSON.createObjectBuilder().add("model", upstreamModel);
        MessageList messages = new MessageList();
        StringBuilder system = new StringBuilder();
        JsonArray input = chat.getJsonArray("messages");
        for (JsonValue value : input) {
            if (!(value instanceof JsonObject m)) {
                throw invalid("each message must be an object");
            }
            String role = Jsons.string(m, "role");
            if ("system".equals(role) || "developer".equals(role)) {
                system.append(system.isEmpty() ? "" : "\n\n").append(text(m.get("content")));
            } else if ("user".equals(role)) {
                messages.add("user", userContent(m.get("content")));
            } else if ("assistant".equals(role)) {
                messages.add("assistant", assistantContent(m));
            } else if ("tool".equals(role)) {
                messages.add("user", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("type", "tool_result")
                        .add("tool_use_id", nonNull(Jsons.string(m, "tool_call_id")))
                        .add("content", text(m.get("content")))).build());
            } else {
                throw invalid("unsupported message role: " + role);
            }
        }
        if (!system.isEmpty()) {
            out.add("system", system.toString());
        }
        out.add("messages", messages.build());
        out.add("max_tokens", maxTokens(chat));
        copyOptions(chat, out);
        return out.build();
    }

    private static long maxTokens(JsonObject chat) {
        long n = Jsons.number(chat, "max_completion_tokens");
        if (n < 0) {
            n = Jsons.number(chat, "max_tokens");
        }
        return n > 0 ? n : DEFAULT_MAX_TOKENS;
    }

    private static void copyOptions(JsonObject chat, JsonObjectBuilder out) {
        for (String key : new String[] {"temperature", "top_p", "stream"}) {
            if (chat.containsKey(key) && chat.get(key) != JsonValue.NULL) {
                out.add(key, chat.get(key));
            }
        }
        JsonValue stop = chat.get("stop");
        if (stop instanceof JsonString s) {
            out.add("stop_sequences", JSON.createArrayBuilder().add(s));
        } else if (stop instanceof JsonArray a) {
            out.add("stop_sequences", a);
        }
        if (chat.get("tools") instanceof JsonArray tools && !tools.isEmpty()) {
            out.add("tools", tools(tools));
            JsonObject choice = toolChoice(chat.get("tool_choice"), chat.get("parallel_tool_calls") == JsonValue.FALSE);
            if (choice != null) {
                out.add("tool_choice", choice);
            }
        }
        String user = Jsons.string(chat, "user");
        if (user != null) {
            out.add("metadata", JSON.createObjectBuilder().add("user_id", user));
        }
    }

    private static JsonArray tools(JsonArray tools) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (JsonValue value : tools) {
            JsonObject function = value instanceof JsonObject t ? Jsons.object(t, "function") : null;
            if (function == null || Jsons.string(function, "name") == null) {
                throw invalid("each tool must be {\"type\":\"function\",\"function\":{\"name\":...}}");
            }
            JsonObjectBuilder tool = JSON.createObjectBuilder().add("name", Jsons.string(function, "name"));
            if (Jsons.string(function, "description") != null) {
                tool.add("description", Jsons.string(function, "description"));
            }
            JsonObject schema = Jsons.object(function, "parameters");
            tool.add("input_schema", schema != null ? schema
                    : JSON.createObjectBuilder().add("type", "object").add("properties", JsonValue.EMPTY_JSON_OBJECT).build());
            out.add(tool);
        }
        return out.build();
    }

    private static JsonObject toolChoice(JsonValue choice, boolean noParallel) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        if (choice instanceof JsonString s) {
            switch (s.getString()) {
                case "none" -> out.add("type", "none");
                case "required" -> out.add("type", "any");
                default -> out.add("type", "auto");
            }
        } else if (choice instanceof JsonObject o && Jsons.object(o, "function") != null) {
            out.add("type", "tool").add("name", nonNull(Jsons.string(Jsons.object(o, "function"), "name")));
        } else if (noParallel) {
            out.add("type", "auto");
        } else {
            return null;
        }
        if (noParallel) {
            out.add("disable_parallel_tool_use", true);
        }
        return out.build();
    }

    private static JsonValue userContent(JsonValue content) {
        if (content instanceof JsonString s) {
            return s;
        }
        if (!(content instanceof JsonArray parts)) {
            throw invalid("message content must be a string or an array of parts");
        }
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (JsonValue value : parts) {
            JsonObject part = (JsonObject) value;
            String type = Jsons.string(part, "type");
            if ("text".equals(type)) {
                out.add(JSON.createObjectBuilder().add("type", "text").add("text", nonNull(Jsons.string(part, "text"))));
            } else if ("image_url".equals(type)) {
                out.add(image(Jsons.string(Jsons.object(part, "image_url"), "url")));
            } else {
                throw invalid("unsupported content part type for this model: " + type);
            }
        }
        return out.build();
    }

    private static JsonObject image(String url) {
        if (url == null) {
            throw invalid("image_url.url is required");
        }
        JsonObjectBuilder source = JSON.createObjectBuilder();
        if (url.startsWith("data:") && url.contains(";base64,")) {
            source.add("type", "base64").add("media_type", url.substring(5, url.indexOf(';')))
                    .add("data", url.substring(url.indexOf(";base64,") + 8));
        } else {
            source.add("type", "url").add("url", url);
        }
        return JSON.createObjectBuilder().add("type", "image").add("source", source).build();
    }

    private static JsonArray assistantContent(JsonObject m) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        String text = m.get("content") == null || m.get("content") == JsonValue.NULL ? "" : text(m.get("content"));
        if (!text.isEmpty()) {
            out.add(JSON.createObjectBuilder().add("type", "text").add("text", text));
        }
        if (m.get("tool_calls") instanceof JsonArray calls) {
            for (JsonValue value : calls) {
                JsonObject call = (JsonObject) value;
                JsonObject function = Jsons.object(call, "function");
                String args = Jsons.string(function, "arguments");
                JsonObject input = args == null || args.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : Jsons.objectOrNull(args);
                if (input == null) {
                    throw invalid("tool call arguments must be a JSON object");
                }
                out.add(JSON.createObjectBuilder().add("type", "tool_use").add("id", nonNull(Jsons.string(call, "id")))
                        .add("name", nonNull(Jsons.string(function, "name"))).add("input", input));
            }
        }
        return out.build();
    }

    /** The text of a content value: a string, or the text parts of an array joined. */
    static String text(JsonValue content) {
        if (content instanceof JsonString s) {
            return s.getString();
        }
        if (content instanceof JsonArray parts) {
            StringBuilder out = new StringBuilder();
            for (JsonValue part : parts) {
                if (part instanceof JsonObject o && Jsons.string(o, "text") != null) {
                    out.append(Jsons.string(o, "text"));
                }
            }
            return out.toString();
        }
        if (content == null || content == JsonValue.NULL) {
            return "";
        }
        throw invalid("message content must be a string or an array of parts");
    }

    private static String nonNull(String value) {
        if (value == null) {
            throw invalid("a required field of a message is missing");
        }
        return value;
    }

    private static LlmException invalid(String message) {
        return new LlmException(LlmException.Kind.INVALID_REQUEST, message);
    }
}
