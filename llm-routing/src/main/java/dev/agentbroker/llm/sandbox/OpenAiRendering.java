package dev.agentbroker.llm.sandbox;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** Renders a sandbox {@link Answer} as an OpenAI chat completion, whole or as SSE chunks. */
final class OpenAiRendering {
    private OpenAiRendering() {
    }

    static byte[] json(Answer a) {
        JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
        if (a.text() == null || a.text().isEmpty()) {
            message.addNull("content");
        } else {
            message.add("content", a.text());
        }
        if (!a.calls().isEmpty()) {
            JsonArrayBuilder calls = JSON.createArrayBuilder();
            for (Answer.Call call : a.calls()) {
                calls.add(JSON.createObjectBuilder().add("id", call.id()).add("type", "function")
                        .add("function", JSON.createObjectBuilder().add("name", call.name())
                                .add("arguments", call.arguments().toString())));
            }
            message.add("tool_calls", calls);
        }
        JsonObject body = base(a, "chat.completion")
                .add("choices", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("index", 0)
                        .add("message", message).addNull("logprobs").add("finish_reason", finish(a))))
                .add("usage", usage(a)).build();
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> stream(Answer a, boolean includeUsage) {
        List<byte[]> out = new ArrayList<>();
        out.add(chunk(a, JSON.createObjectBuilder().add("role", "assistant").add("content", ""), null));
        for (String piece : a.textPieces()) {
            out.add(chunk(a, JSON.createObjectBuilder().add("content", piece), null));
        }
        for (int i = 0; i < a.calls().size(); i++) {
            Answer.Call call = a.calls().get(i);
            out.add(chunk(a, toolDelta(JSON.createObjectBuilder().add("index", i).add("id", call.id()).add("type", "function")
                    .add("function", JSON.createObjectBuilder().add("name", call.name()).add("arguments", ""))), null));
            for (String piece : Answer.argumentPieces(call.arguments())) {
                out.add(chunk(a, toolDelta(JSON.createObjectBuilder().add("index", i)
                        .add("function", JSON.createObjectBuilder().add("arguments", piece))), null));
            }
        }
        out.add(chunk(a, JSON.createObjectBuilder(), finish(a)));
        if (includeUsage) {
            out.add(data(base(a, "chat.completion.chunk").add("choices", JsonArray.EMPTY_JSON_ARRAY)
                    .add("usage", usage(a)).build().toString()));
        }
        out.add(data("[DONE]"));
        return out;
    }

    private static JsonObjectBuilder toolDelta(JsonObjectBuilder call) {
        return JSON.createObjectBuilder().add("tool_calls", JSON.createArrayBuilder().add(call));
    }

    private static byte[] chunk(Answer a, JsonObjectBuilder delta, String finish) {
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finish == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finish);
        }
        return data(base(a, "chat.completion.chunk").add("choices", JSON.createArrayBuilder().add(choice)).build().toString());
    }

    private static JsonObjectBuilder base(Answer a, String object) {
        return JSON.createObjectBuilder().add("id", "chatcmpl-" + a.id()).add("object", object).add("created", a.created())
                .add("model", a.model());
    }

    private static JsonObject usage(Answer a) {
        return JSON.createObjectBuilder().add("prompt_tokens", a.inputTokens()).add("completion_tokens", a.outputTokens())
                .add("total_tokens", a.inputTokens() + a.outputTokens()).build();
    }

    private static String finish(Answer a) {
        return a.calls().isEmpty() ? "stop" : "tool_calls";
    }

    private static byte[] data(String json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
