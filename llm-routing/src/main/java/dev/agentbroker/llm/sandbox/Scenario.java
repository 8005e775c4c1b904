package dev.agentbroker.llm.sandbox;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.wire.Jsons;

/**
 * A scripted conversation: step {@code n} is the answer to a request that already holds
 * {@code n} assistant turns (the last step repeats once the script runs out). A step is a
 * text (with {@code {{last_user}}}, {@code {{last_tool_result}}} and {@code {{model}}}
 * placeholders) and/or tool calls with fixed arguments. Immutable.
 *
 * @param name         the scenario's name, used as the deployment's model
 * @param description  what it is for
 * @param chunkDelayMs pause between streamed chunks
 * @param steps        the answers, in order
 */
public record Scenario(String name, String description, long chunkDelayMs, List<Step> steps) {
    public Scenario {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("scenario " + name + " has no steps");
        }
    }

    /** One scripted answer. */
    public record Step(String text, List<ToolCall> toolCalls) {
        public Step {
            toolCalls = List.copyOf(toolCalls);
            if ((text == null || text.isEmpty()) && toolCalls.isEmpty()) {
                throw new IllegalArgumentException("a step needs a text or tool calls");
            }
        }
    }

    /** A tool call the model asks for. */
    public record ToolCall(String name, JsonObject arguments) {
    }

    public Step step(int assistantTurns) {
        return steps.get(Math.min(assistantTurns, steps.size() - 1));
    }

    /** Reads a scenario document: {@code {"name", "description", "chunk_delay_ms", "steps": [...]}}. */
    public static Scenario parse(JsonObject json) {
        String name = Jsons.string(json, "name");
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a scenario needs a name of letters, digits, '.', '_' or '-'");
        }
        if (!(json.get("steps") instanceof JsonArray array)) {
            throw new IllegalArgumentException("scenario " + name + ": steps must be a list");
        }
        List<Step> steps = new ArrayList<>();
        for (JsonValue value : array) {
            JsonObject step = (JsonObject) value;
            List<ToolCall> calls = new ArrayList<>();
            if (step.get("tool_calls") instanceof JsonArray toolCalls) {
                for (JsonValue call : toolCalls) {
                    JsonObject c = (JsonObject) call;
                    JsonObject args = Jsons.object(c, "arguments");
                    calls.add(new ToolCall(Jsons.string(c, "name"), args == null ? JsonValue.EMPTY_JSON_OBJECT : args));
                }
            }
            steps.add(new Step(Jsons.string(step, "text"), calls));
        }
        long delay = Math.max(0, Jsons.number(json, "chunk_delay_ms"));
        String description = Jsons.string(json, "description");
        return new Scenario(name, description == null ? "" : description, delay, steps);
    }
}
