package dev.agentbroker.broker.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * A raw Streamable HTTP MCP client over the JDK HttpClient, for tests that need to see the
 * wire: sessions, SSE answers with the notifications before them, server-to-client requests
 * answered by a handler, and arbitrary bodies and headers.
 */
final class McpTestClient {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URI url;
    private final String token;
    private final AtomicInteger ids = new AtomicInteger();
    final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
    String sessionId;

    McpTestClient(URI url, String token) {
        this.url = url;
        this.token = token;
    }

    /** initialize + notifications/initialized, declaring sampling, elicitation and roots. */
    JsonObject initialize() throws Exception {
        JsonObject params = Json.createObjectBuilder().add("protocolVersion", "2025-11-25")
                .add("capabilities", Json.createObjectBuilder().add("sampling", JsonValue.EMPTY_JSON_OBJECT)
                        .add("elicitation", JsonValue.EMPTY_JSON_OBJECT))
                .add("clientInfo", Json.createObjectBuilder().add("name", "test").add("version", "1")).build();
        JsonObject response = stream("initialize", params, m -> null, true);
        if (sessionId == null || !response.containsKey("result")) {
            throw new IllegalStateException("initialize failed: " + response);
        }
        post(JsonRpc.notification("notifications/initialized", null));
        return response.getJsonObject("result");
    }

    /** A request answered with JSON; returns the whole response message. */
    JsonObject request(String method, JsonObject params) throws Exception {
        return stream(method, params, m -> null, true);
    }

    /**
     * A request answered over SSE: notifications are collected, server requests are answered
     * with {@code serverRequests} (its result), and the response message is returned.
     */
    JsonObject stream(String method, JsonObject params, Function<JsonObject, JsonObject> serverRequests, boolean sse)
            throws Exception {
        int id = ids.incrementAndGet();
        HttpRequest request = builder(sse ? "application/json, text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonRpc.write(JsonRpc.request(Json.createValue(id), method, params))))
                .build();
        HttpResponse<java.util.stream.Stream<String>> res = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        if (sessionId == null) {
            sessionId = res.headers().firstValue("Mcp-Session-Id").orElse(null);
        }
        String type = res.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/event-stream")) {
            return JsonRpc.parse(String.join("\n", res.body().toList())).asJsonObject();
        }
        Iterator<String> lines = res.body().iterator();
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            } else if (line.isEmpty() && !data.isEmpty()) {
                JsonObject message = JsonRpc.parse(data.toString()).asJsonObject();
                data.setLength(0);
                JsonRpc.Kind kind = JsonRpc.kind(message);
                if (kind == JsonRpc.Kind.RESPONSE) {
                    return message;
                } else if (kind == JsonRpc.Kind.NOTIFICATION) {
                    notifications.add(message);
                } else if (kind == JsonRpc.Kind.REQUEST) {
                    post(JsonRpc.result(message.get("id"), serverRequests.apply(message)));
                }
            }
        }
        throw new IOException("the stream ended without a response to " + method);
    }

    HttpResponse<String> post(JsonObject message) throws Exception {
        return raw(JsonRpc.write(message), "application/json");
    }

    HttpResponse<String> raw(String body, String contentType, String... headers) throws Exception {
        HttpRequest.Builder b = builder("application/json, text/event-stream").setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder builder(String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Accept", accept).header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (sessionId != null) {
            b.header("Mcp-Session-Id", sessionId);
        }
        return b;
    }

    static String text(JsonObject response) {
        return response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
    }

    static List<String> names(JsonObject response, String member, String key) {
        List<String> out = new ArrayList<>();
        response.getJsonObject("result").getJsonArray(member).forEach(v -> out.add(v.asJsonObject().getString(key)));
        return out;
    }
}
