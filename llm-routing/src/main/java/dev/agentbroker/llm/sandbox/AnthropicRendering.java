package dev.agentbroker.llm.sandbox;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.wire.SseWriter;

/** Renders a sandbox {@link Answer} as an Anthropic Messages response, whole or as SSE events. */
final class AnthropicRendering {
    private AnthropicRendering() {
    }

    static byte[] json(Answer a) {
        JsonArrayBuilder content = JSON.createArrayBuilder();
        if (a.text() != null && !a.text().isEmpty()) {
            content.add(JSON.createObjectBuilder().add("type", "text").add("text", a.text()));
        }
        for (Answer.Call call : a.calls()) {
            content.add(JSON.createObjectBuilder().add("type", "tool_use").add("id", call.id()).add("name", call.name())
                    .add("input", call.arguments()));
        }
        JsonObject body = message(a).add("content", content).add("stop_reason", stop(a)).addNull("stop_sequence")
                .add("usage", usage(a.inputTokens(), a.outputTokens())).build();
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> stream(Answer a) {
        List<byte[]> out = new ArrayList<>();
        out.add(event("message_start", JSON.createObjectBuilder().add("type", "message_start").add("message",
                message(a).add("content", JsonValue.EMPTY_JSON_ARRAY).addNull("stop_reason").addNull("stop_sequence")
                        .add("usage", usage(a.inputTokens(), 1)))));
        int index = 0;
        if (a.text() != null && !a.text().isEmpty()) {
            out.add(blockStart(index, JSON.createObjectBuilder().add("type", "text").add("text", "")));
            for (String piece : a.textPieces()) {
                out.add(blockDelta(index, JSON.createObjectBuilder().add("type", "text_delta").add("text", piece)));
            }
            out.add(blockStop(index++));
        }
        for (Answer.Call call : a.calls()) {
            out.add(blockStart(index, JSON.createObjectBuilder().add("type", "tool_use").add("id", call.id())
                    .add("name", call.name()).add("input", JsonValue.EMPTY_JSON_OBJECT)));
            for (String piece : Answer.argumentPieces(call.arguments())) {
                out.add(blockDelta(index, JSON.createObjectBuilder().add("type", "input_json_delta").add("partial_json", piece)));
            }
            out.add(blockStop(index++));
        }
        out.add(event("message_delta", JSON.createObjectBuilder().add("type", "message_delta")
                .add("delta", JSON.createObjectBuilder().add("stop_reason", stop(a)).addNull("stop_sequence"))
                .add("usage", JSON.createObjectBuilder().add("output_tokens", a.outputTokens()))));
        out.add(event("message_stop", JSON.createObjectBuilder().add("type", "message_stop")));
        return out;
    }

    private static JsonObjectBuilder message(Answer a) {
        return JSON.createObjectBuilder().add("id", "msg_" + a.id()).add("type", "message").add("role", "assistant")
                .add("model", a.model());
    }

    private static JsonObject usage(long in, long out) {
        return JSON.createObjectBuilder().add("input_tokens", in).add("output_tokens", out).build();
    }

    private static String stop(Answer a) {
        return a.calls().isEmpty() ? "end_turn" : "tool_use";
    }

    private static byte[] blockStart(int index, JsonObjectBuilder block) {
        return event("content_block_start", JSON.createObjectBuilder().add("type", "content_block_start")
                .add("index", index).add("content_block", block));
    }

    private static byte[] blockDelta(int index, JsonObjectBuilder delta) {
        return event("content_block_delta", JSON.createObjectBuilder().add("type", "content_block_delta")
                .add("index", index).add("delta", delta));
    }

    private static byte[] blockStop(int index) {
        return event("content_block_stop", JSON.createObjectBuilder().add("type", "content_block_stop").add("index", index));
    }

    private static byte[] event(String name, JsonObjectBuilder data) {
        return SseWriter.event(name, data.build().toString());
    }
}
