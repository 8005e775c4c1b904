package dev.agentbroker.llm.wire;

import static dev.agentbroker.llm.JsonFactories.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * Translates an Anthropic Messages response into an OpenAI chat completion: text blocks
 * joined into {@code content}, {@code tool_use} blocks into {@code tool_calls} (input as an
 * argument string), stop reasons into finish reasons, usage into OpenAI usage. Stateless.
 */
public final class MessagesToChatResponse {
    private MessagesToChatResponse() {
    }

    public static JsonObject translate(JsonObject message, long created) {
        StringBuilder text = new StringBuilder();
        JsonArrayBuilder calls = JSON.createArrayBuilder();
        boolean hasCalls = false;
        for (JsonValue value : message.getJsonArray("content")) {
            JsonObject block = (JsonObject) value;
            String type = Jsons.string(block, "type");
            if ("text".equals(type)) {
                text.append(Jsons.string(block, "text"));
            } else if ("tool_use".equals(type)) {
                hasCalls = true;
                calls.add(JSON.createObjectBuilder().add("id", Jsons.string(block, "id")).add("type", "function")
                        .add("function", JSON.createObjectBuilder().add("name", Jsons.string(block, "name"))
                                .add("arguments", block.getJsonObject("input").toString())));
            }
        }
        JsonObjectBuilder reply = JSON.createObjectBuilder().add("role", "assistant");
        if (text.isEmpty() && hasCalls) {
            reply.addNull("content");
        } else {
            reply.add("content", text.toString());
        }
        if (hasCalls) {
            reply.add("tool_calls", calls);
        }
        return JSON.createObjectBuilder()
                .add("id", "chatcmpl-" + Jsons.string(message, "id"))
                .add("object", "chat.completion")
                .add("created", created)
                .add("model", Jsons.string(message, "model"))
                .add("choices", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("index", 0)
                        .add("message", reply).addNull("logprobs")
                        .add("finish_reason", finishReason(Jsons.string(message, "stop_reason")))))
                .add("usage", usage(Jsons.object(message, "usage"), 0))
                .build();
    }

    static String finishReason(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** OpenAI usage from Anthropic usage; cached input counts as prompt tokens. */
    static JsonObject usage(JsonObject usage, long inputFallback) {
        long input = Math.max(0, Jsons.number(usage, "input_tokens"));
        if (input == 0) {
            input = inputFallback;
        }
        input += Math.max(0, Jsons.number(usage, "cache_read_input_tokens"))
                + Math.max(0, Jsons.number(usage, "cache_creation_input_tokens"));
        long output = Math.max(0, Jsons.number(usage, "output_tokens"));
        return JSON.createObjectBuilder().add("prompt_tokens", input).add("completion_tokens", output)
                .add("total_tokens", input + output).build();
    }
}
