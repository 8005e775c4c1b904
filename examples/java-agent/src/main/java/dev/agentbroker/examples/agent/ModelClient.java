package dev.agentbroker.examples.agent;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Calls the broker's OpenAI-compatible {@code /v1/chat/completions} endpoint with the JDK
 * HttpClient, exactly as an agent would call a provider: the task token goes where the
 * provider key would.
 */
final class ModelClient {
    private final HttpClient http;
    private final URI endpoint;

    ModelClient(HttpClient http, URI brokerUrl) {
        this.http = http;
        this.endpoint = brokerUrl.resolve("/v1/chat/completions");
    }

    /** One completion; returns the assistant message ({@code choices[0].message}). */
    JsonObject complete(String taskToken, String model, JsonArray messages, JsonArray tools)
            throws IOException, InterruptedException {
        JsonObjectBuilder body = Json.createObjectBuilder().add("model", model).add("messages", messages);
        if (!tools.isEmpty()) {
            body.add("tools", tools);
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + taskToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() != 200) {
            String message = json.containsKey("error") ? json.getJsonObject("error").getString("message", "") : response.body();
            throw new AgentException("model call refused (HTTP " + response.statusCode() + "): " + message);
        }
        return json.getJsonArray("choices").getJsonObject(0).getJsonObject("message");
    }
}
