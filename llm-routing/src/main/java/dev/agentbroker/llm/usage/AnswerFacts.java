package dev.agentbroker.llm.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.WireFormat;
import dev.agentbroker.llm.wire.Jsons;

/**
 * Collects what the broker needs from an answer on its way to the client: token usage and
 * the tool calls asked for, from a whole JSON answer or event by event from a stream, in
 * either dialect (chat completions, Messages, Responses, embeddings). Falls back to an
 * estimate when the provider reported no usage. One answer, one thread.
 */
public final class AnswerFacts {
    private final WireFormat format;
    private final Map<String, ToolCallBuilder> calls = new LinkedHashMap<>();
    private long input = -1;
    private long output = -1;
    private long contentChars;

    public AnswerFacts(WireFormat format) {
        this.format = format;
    }

    /** A complete JSON answer. */
    public void onJson(JsonObject body) {
        if (body == null) {
            return;
        }
        readUsage(Jsons.object(body, "usage"));
        if (format == WireFormat.ANTHROPIC) {
            anthropicBlocks(body.get("content"));
        } else {
            openAiChoices(body.get("choices"), "message");
            responsesOutput(body.get("output"));
        }
    }

    /** One SSE event of a streamed answer. */
    public void onEvent(String event, String data) {
        if (data.startsWith("[")) {
            return;
        }
        JsonObject json = Jsons.objectOrNull(data);
        if (json == null) {
            return;
        }
        if (format == WireFormat.ANTHROPIC) {
            anthropicEvent(json);
            return;
        }
        readUsage(Jsons.object(json, "usage"));
        openAiChoices(json.get("choices"), "delta");
        JsonObject response = Jsons.object(json, "response");
        if (response != null) {
            readUsage(Jsons.object(response, "usage"));
            responsesOutput(response.get("output"));
        }
    }

    /** Usage as reported, or estimated from the request size and the answer's content. */
    public Usage usage(long requestBytes) {
        boolean estimated = input < 0 || output < 0;
        long in = input >= 0 ? input : Usage.estimateTokens(requestBytes);
        long out = output >= 0 ? output : Usage.estimateTokens(contentChars);
        return new Usage(in, out, estimated);
    }

    public List<ToolCallRef> toolCalls() {
        List<ToolCallRef> out = new ArrayList<>(calls.size());
        for (ToolCallBuilder call : calls.values()) {
            out.add(ToolCallRef.of(call.id, call.name, call.arguments.toString()));
        }
        return out;
    }

    private void readUsage(JsonObject usage) {
        if (usage == null) {
            return;
        }
        long prompt = Jsons.number(usage, "prompt_tokens");
        long in = prompt >= 0 ? prompt : Jsons.number(usage, "input_tokens");
        if (in >= 0) {
            input = Math.max(0, in) + Math.max(0, Jsons.number(usage, "cache_read_input_tokens"))
                    + Math.max(0, Jsons.number(usage, "cache_creation_input_tokens"));
        }
        long completion = Jsons.number(usage, "completion_tokens");
        long out = completion >= 0 ? completion : Jsons.number(usage, "output_tokens");
        if (out >= 0) {
            output = out;
        } else if (prompt >= 0 && Jsons.number(usage, "total_tokens") >= 0) {
            output = 0;
        }
    }

    private void openAiChoices(JsonValue choices, String field) {
        if (!(choices instanceof JsonArray array)) {
            return;
        }
        for (JsonValue value : array) {
            JsonObject message = value instanceof JsonObject c ? Jsons.object(c, field) : null;
            if (message == null) {
                continue;
            }
            String content = Jsons.string(message, "content");
            contentChars += content == null ? 0 : content.length();
            if (message.get("tool_calls") instanceof JsonArray toolCalls) {
                for (int i = 0; i < toolCalls.size(); i++) {
                    JsonObject call = toolCalls.getJsonObject(i);
                    long index = Jsons.number(call, "index");
                    ToolCallBuilder b = calls.computeIfAbsent("o" + (index >= 0 ? index : i), k -> new ToolCallBuilder());
                    JsonObject function = Jsons.object(call, "function");
                    b.add(Jsons.string(call, "id"), Jsons.string(function, "name"), Jsons.string(function, "arguments"));
                }
            }
        }
    }

    private void responsesOutput(JsonValue output) {
        if (!(output instanceof JsonArray items)) {
            return;
        }
        for (JsonValue value : items) {
            JsonObject item = (JsonObject) value;
            if ("function_call".equals(Jsons.string(item, "type"))) {
                ToolCallBuilder b = calls.computeIfAbsent("r" + Jsons.string(item, "call_id"), k -> new ToolCallBuilder());
                b.id = Jsons.string(item, "call_id");
                b.name = Jsons.string(item, "name");
                b.arguments.setLength(0);
                b.arguments.append(String.valueOf(Jsons.string(item, "arguments")));
            }
        }
    }

    private void anthropicBlocks(JsonValue content) {
        if (!(content instanceof JsonArray blocks)) {
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject block = blocks.getJsonObject(i);
            if ("tool_use".equals(Jsons.string(block, "type"))) {
                calls.computeIfAbsent("a" + i, k -> new ToolCallBuilder()).add(Jsons.string(block, "id"),
                        Jsons.string(block, "name"), String.valueOf(block.get("input")));
            } else if (Jsons.string(block, "text") != null) {
                contentChars += Jsons.string(block, "text").length();
            }
        }
    }

    private void anthropicEvent(JsonObject json) {
        String type = String.valueOf(Jsons.string(json, "type"));
        switch (type) {
            case "message_start" -> readUsage(Jsons.object(Jsons.object(json, "message"), "usage"));
            case "message_delta" -> {
                JsonObject usage = Jsons.object(json, "usage");
                long out = Jsons.number(usage, "output_tokens");
                if (out >= 0) {
                    output = out;
                }
                if (Jsons.number(usage, "input_tokens") > 0) {
                    readUsage(usage);
                }
            }
            case "content_block_start" -> {
                JsonObject block = Jsons.object(json, "content_block");
                if ("tool_use".equals(Jsons.string(block, "type"))) {
                    calls.computeIfAbsent("a" + Jsons.number(json, "index"), k -> new ToolCallBuilder())
                            .add(Jsons.string(block, "id"), Jsons.string(block, "name"), null);
                }
            }
            case "content_block_delta" -> {
                JsonObject delta = Jsons.object(json, "delta");
                ToolCallBuilder b = calls.get("a" + Jsons.number(json, "index"));
                if (b != null && Jsons.string(delta, "partial_json") != null) {
                    b.arguments.append(Jsons.string(delta, "partial_json"));
                } else if (Jsons.string(delta, "text") != null) {
                    contentChars += Jsons.string(delta, "text").length();
                }
            }
            default -> { }
        }
    }

    /** A tool call assembled from fragments. */
    private static final class ToolCallBuilder {
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        void add(String idPart, String namePart, String argumentsPart) {
            if (idPart != null && id == null) {
                id = idPart;
            }
            if (namePart != null && name == null) {
                name = namePart;
            }
            if (argumentsPart != null) {
                arguments.append(argumentsPart);
            }
        }
    }
}
