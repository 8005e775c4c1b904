package dev.agentbroker.mcp.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;

/**
 * An in-process MCP server for gateway tests: one tool {@code add} whose description a test
 * can change (a rug pull), answering calls with the sum; it records what it was called with.
 */
final class ScriptedUpstream {
    volatile String description = "Adds two numbers.";
    final List<JsonObject> calls = new CopyOnWriteArrayList<>();

    void accept(JsonObject message, Consumer<JsonObject> reply) {
        if (JsonRpc.kind(message) != JsonRpc.Kind.REQUEST) {
            return;
        }
        JsonValue id = message.get("id");
        JsonObject params = JsonRpc.params(message);
        switch (message.getString("method")) {
            case "initialize" -> reply.accept(JsonRpc.result(id, Json.createObjectBuilder()
                    .add("protocolVersion", "2025-11-25")
                    .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))
                    .add("serverInfo", Json.createObjectBuilder().add("name", "scripted").add("version", "1")).build()));
            case "tools/list" -> reply.accept(JsonRpc.result(id, Json.createObjectBuilder().add("tools",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "add").add("description", description)
                            .add("inputSchema", Json.createObjectBuilder().add("type", "object"))
                            .add("execution", Json.createObjectBuilder().add("taskSupport", "optional")))).build()));
            case "tools/call" -> {
                calls.add(params);
                JsonObject a = params.getJsonObject("arguments");
                String sum = String.valueOf(a.getInt("a") + a.getInt("b"));
                reply.accept(JsonRpc.result(id, Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "text").add("text", sum))).build()));
            }
            default -> reply.accept(JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "no"));
        }
    }
}
