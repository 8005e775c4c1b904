package dev.agentbroker.llm.sandbox;

import static dev.agentbroker.llm.JsonFactories.JSON;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.agentbroker.llm.Endpoint;
import dev.agentbroker.llm.provider.BytesUpstreamCall;
import dev.agentbroker.llm.provider.Provider;
import dev.agentbroker.llm.provider.ProviderSpec;
import dev.agentbroker.llm.provider.UpstreamCall;
import dev.agentbroker.llm.provider.UpstreamRequest;
import dev.agentbroker.llm.usage.Usage;
import dev.agentbroker.llm.wire.Jsons;

/**
 * The scripted sandbox model as a provider: the deployment's model names a
 * {@link Scenario}; the answer is the scenario's step for the number of assistant turns in
 * the request, rendered in the dialect of the endpoint the client called (chat completions
 * or Messages, JSON or SSE), plus deterministic embeddings. Needs no network and no key.
 * Thread-safe.
 */
public final class SandboxProvider implements Provider {
    private static final int EMBEDDING_DIMENSIONS = 16;

    private final ProviderSpec spec;
    private final ScenarioLibrary library;
    private final Clock clock;

    public SandboxProvider(ProviderSpec spec, ScenarioLibrary library, Clock clock) {
        this.spec = spec;
        this.library = library;
        this.clock = clock;
    }

    @Override
    public ProviderSpec spec() {
        return spec;
    }

    @Override
    public UpstreamCall send(UpstreamRequest request) {
        JsonObject body = Jsons.requestObject(request.body());
        if (request.endpoint() == Endpoint.EMBEDDINGS) {
            return new BytesUpstreamCall(200, "application/json", List.of(embeddings(body, request.upstreamModel())));
        }
        Scenario scenario = library.get(request.upstreamModel());
        if (scenario == null) {
            return error("the sandbox has no scenario named " + request.upstreamModel());
        }
        Answer answer = answer(scenario, body, request.body().length, request.endpoint());
        boolean anthropic = request.endpoint() == Endpoint.MESSAGES;
        if (!request.stream()) {
            byte[] json = anthropic ? AnthropicRendering.json(answer) : OpenAiRendering.json(answer);
            return new BytesUpstreamCall(200, "application/json", List.of(json));
        }
        boolean includeUsage = Jsons.bool(Jsons.object(body, "stream_options"), "include_usage");
        List<byte[]> events = anthropic ? AnthropicRendering.stream(answer) : OpenAiRendering.stream(answer, includeUsage);
        return new BytesUpstreamCall(200, "text/event-stream", events, scenario.chunkDelayMs());
    }

    private Answer answer(Scenario scenario, JsonObject body, long requestBytes, Endpoint endpoint) {
        JsonArray messages = body.get("messages") instanceof JsonArray m ? m : JsonValue.EMPTY_JSON_ARRAY;
        Transcript transcript = Transcript.of(messages);
        int turn = transcript.assistantTurns();
        Scenario.Step step = scenario.step(turn);
        String text = step.text() == null ? null : step.text()
                .replace("{{last_user}}", transcript.lastUser())
                .replace("{{last_tool_result}}", transcript.lastToolResult())
                .replace("{{model}}", scenario.name());
        String id = "sandbox_" + scenario.name() + "_" + turn + "_" + shortDigest(messages.toString());
        String prefix = endpoint == Endpoint.MESSAGES ? "toolu_" : "call_";
        List<Answer.Call> calls = new ArrayList<>();
        long outputBytes = text == null ? 0 : text.length();
        for (int i = 0; i < step.toolCalls().size(); i++) {
            Scenario.ToolCall call = step.toolCalls().get(i);
            calls.add(new Answer.Call(prefix + "sandbox_" + turn + "_" + i, call.name(), call.arguments()));
            outputBytes += call.name().length() + call.arguments().toString().length();
        }
        return new Answer(id, scenario.name(), clock.instant().getEpochSecond(), text, calls,
                Usage.estimateTokens(requestBytes), Usage.estimateTokens(outputBytes));
    }

    private static byte[] embeddings(JsonObject body, String model) {
        List<String> inputs = new ArrayList<>();
        JsonValue input = body.get("input");
        if (input instanceof JsonString s) {
            inputs.add(s.getString());
        } else if (input instanceof JsonArray array) {
            array.forEach(v -> inputs.add(v instanceof JsonString s ? s.getString() : v.toString()));
        }
        JsonArrayBuilder data = JSON.createArrayBuilder();
        long bytes = 0;
        for (int i = 0; i < inputs.size(); i++) {
            data.add(JSON.createObjectBuilder().add("object", "embedding").add("index", i).add("embedding", vector(inputs.get(i))));
            bytes += inputs.get(i).length();
        }
        long tokens = Usage.estimateTokens(bytes);
        return JSON.createObjectBuilder().add("object", "list").add("data", data).add("model", model)
                .add("usage", JSON.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens))
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A unit vector derived from the text's bytes: equal texts, equal vectors. */
    private static JsonArrayBuilder vector(String text) {
        double[] v = new double[EMBEDDING_DIMENSIONS];
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            v[i % EMBEDDING_DIMENSIONS] += (bytes[i] & 0xff) * (1 + i % 7);
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (double x : v) {
            out.add(Math.round(x / norm * 1e6) / 1e6);
        }
        return out;
    }

    /** Eight hex digits of the SHA-256 of {@code text}: stable across runs, unlike hash codes. */
    private static String shortDigest(String text) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static UpstreamCall error(String message) {
        byte[] body = JSON.createObjectBuilder().add("error", JSON.createObjectBuilder().add("message", message)
                .add("type", "invalid_request_error")).build().toString().getBytes(StandardCharsets.UTF_8);
        return new BytesUpstreamCall(404, "application/json", List.of(body));
    }
}
