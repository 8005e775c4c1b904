package dev.agentbroker.examples.agent;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The classic agent loop: ask the model, run the tool calls it asks for through MCP, give
 * it their results, until it answers without tool calls (or a turn limit is reached).
 * Every step is reported to a {@link Narrator}.
 */
final class AgentLoop {
    private static final int MAX_TURNS = 8;

    private final ModelClient model;
    private final Narrator narrator;

    AgentLoop(ModelClient model, Narrator narrator) {
        this.model = model;
        this.narrator = narrator;
    }

    /** Runs {@code task} as the holder of {@code taskToken}; returns the model's final answer. */
    String run(String agent, String taskToken, String modelName, ToolClient tools, String task)
            throws IOException, InterruptedException {
        JsonArray functions = functions(tools.tools());
        narrator.tools(agent, functions.size());
        List<JsonValue> messages = new ArrayList<>();
        messages.add(Json.createObjectBuilder().add("role", "user").add("content", task).build());
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            JsonObject answer = model.complete(taskToken, modelName, Json.createArrayBuilder(messages).build(), functions);
            messages.add(answer);
            JsonArray calls = answer.containsKey("tool_calls") && answer.get("tool_calls").getValueType() == JsonValue.ValueType.ARRAY
                    ? answer.getJsonArray("tool_calls") : JsonValue.EMPTY_JSON_ARRAY;
            String text = answer.isNull("content") ? "" : answer.getString("content", "");
            narrator.modelAnswer(agent, modelName, text, calls.size());
            if (calls.isEmpty()) {
                return text;
            }
            for (JsonValue value : calls) {
                JsonObject call = value.asJsonObject();
                JsonObject function = call.getJsonObject("function");
                narrator.toolCall(agent, function.getString("name"), function.getString("arguments"));
                ToolClient.ToolResult result = tools.call(function.getString("name"), function.getString("arguments"));
                narrator.toolResult(agent, result);
                messages.add(Json.createObjectBuilder().add("role", "tool").add("tool_call_id", call.getString("id"))
                        .add("content", result.text()).build());
            }
        }
        throw new AgentException("the model did not finish within " + MAX_TURNS + " turns");
    }

    /** MCP tool definitions as OpenAI function tools. */
    static JsonArray functions(List<McpSchema.Tool> tools) throws IOException {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (McpSchema.Tool tool : tools) {
            String schema = McpJsonDefaults.getMapper().writeValueAsString(tool.inputSchema());
            out.add(Json.createObjectBuilder().add("type", "function").add("function", Json.createObjectBuilder()
                    .add("name", tool.name())
                    .add("description", tool.description() == null ? "" : tool.description())
                    .add("parameters", Json.createReader(new StringReader(schema)).readObject())));
        }
        return out.build();
    }
}
