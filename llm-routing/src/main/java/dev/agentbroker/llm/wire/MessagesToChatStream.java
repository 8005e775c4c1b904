package dev.agentbroker.llm.wire;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Translates an Anthropic Messages event stream into OpenAI chat completion chunks, one
 * event at a time: {@code message_start} to the role chunk, text deltas to content chunks,
 * {@code tool_use} blocks and {@code input_json_delta} to {@code tool_calls} deltas,
 * {@code message_delta} to the finish chunk, {@code message_stop} to the usage chunk (when
 * the client asked for {@code stream_options.include_usage}) and {@code [DONE]}. One stream.
 */
public final class MessagesToChatStream {
    private final long created;
    private final boolean includeUsage;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();
    private String id = "chatcmpl-unknown";
    private String model = "";
    private JsonObject usage = JsonObject.EMPTY_JSON_OBJECT;
    private long inputTokens;

    public MessagesToChatStream(long created, boolean includeUsage) {
        this.created = created;
        this.includeUsage = includeUsage;
    }

    /** The OpenAI SSE bytes for one Anthropic event (possibly none). */
    public List<byte[]> onEvent(String event, JsonObject data) {
        String type = data != null && Jsons.string(data, "type") != null ? Jsons.string(data, "type") : event;
        List<byte[]> out = new ArrayList<>(2);
        switch (type == null ? "" : type) {
            case "message_start" -> {
                JsonObject message = Jsons.object(data, "message");
                id = "chatcmpl-" + Jsons.string(message, "id");
                model = String.valueOf(Jsons.string(message, "model"));
                inputTokens = Math.max(0, Jsons.number(Jsons.object(message, "usage"), "input_tokens"));
                out.add(chunk(JSON.createObjectBuilder().add("role", "assistant").add("content", ""), null));
            }
            case "content_block_start" -> blockStart(data, out);
            case "content_block_delta" -> blockDelta(data, out);
            case "message_delta" -> {
                JsonObject delta = Jsons.object(data, "delta");
                usage = MessagesToChatResponse.usage(Jsons.object(data, "usage"), inputTokens);
                out.add(chunk(JSON.createObjectBuilder(),
                        MessagesToChatResponse.finishReason(Jsons.string(delta, "stop_reason"))));
            }
            case "message_stop" -> {
                if (includeUsage) {
                    out.add(data(base().add("choices", JsonArray.EMPTY_JSON_ARRAY).add("usage", usage).build().toString()));
                }
                out.add(data("[DONE]"));
            }
            case "error" -> out.add(data(JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                    .add("message", "the provider reported an error mid-stream").add("type", "api_error")).build().toString()));
            default -> { }
        }
        return out;
    }

    private void blockStart(JsonObject data, List<byte[]> out) {
        JsonObject block = Jsons.object(data, "content_block");
        if (!"tool_use".equals(Jsons.string(block, "type"))) {
            return;
        }
        int index = toolIndexByBlock.size();
        toolIndexByBlock.put((int) Jsons.number(data, "index"), index);
        out.add(chunk(JSON.createObjectBuilder().add("tool_calls", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("index", index).add("id", Jsons.string(block, "id")).add("type", "function")
                .add("function", JSON.createObjectBuilder().add("name", Jsons.string(block, "name")).add("arguments", "")))),
                null));
    }

    private void blockDelta(JsonObject data, List<byte[]> out) {
        JsonObject delta = Jsons.object(data, "delta");
        String type = Jsons.string(delta, "type");
        if ("text_delta".equals(type)) {
            out.add(chunk(JSON.createObjectBuilder().add("content", Jsons.string(delta, "text")), null));
        } else if ("input_json_delta".equals(type)) {
            Integer index = toolIndexByBlock.get((int) Jsons.number(data, "index"));
            if (index != null) {
                out.add(chunk(JSON.createObjectBuilder().add("tool_calls", JSON.createArrayBuilder().add(
                        JSON.createObjectBuilder().add("index", index).add("function",
                                JSON.createObjectBuilder().add("arguments", Jsons.string(delta, "partial_json"))))), null));
            }
        }
    }

    private byte[] chunk(JsonObjectBuilder delta, String finishReason) {
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", 0).add("delta", delta).addNull("logprobs");
        if (finishReason == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finishReason);
        }
        return data(base().add("choices", JSON.createArrayBuilder().add(choice)).build().toString());
    }

    private JsonObjectBuilder base() {
        return JSON.createObjectBuilder().add("id", id).add("object", "chat.completion.chunk").add("created", created)
                .add("model", model);
    }

    private static byte[] data(String json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
