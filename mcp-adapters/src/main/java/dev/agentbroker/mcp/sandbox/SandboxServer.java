package dev.agentbroker.mcp.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * A small MCP server with tools only (MCP "Lifecycle", "Tools"): answers initialize, ping,
 * tools/list and tools/call. A tool that fails returns a result with {@code isError: true}.
 * Thread-safe if its tools are.
 */
public class SandboxServer {
    /** One tool: its definition and what it does with its arguments (returns the text result). */
    public record Tool(String name, String description, JsonObject inputSchema, JsonObject annotations,
                       Function<JsonObject, String> action) {
    }

    /** A tool failed in a way the caller should see (bad path, missing note...). */
    public static final class ToolFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ToolFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final String name;
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    protected SandboxServer(String name, List<Tool> tools) {
        this.name = name;
        tools.forEach(t -> this.tools.put(t.name(), t));
    }

    public String name() {
        return name;
    }

    /** Handles one message; replies (for requests) go to {@code reply}. */
    public void accept(JsonObject message, Consumer<JsonObject> reply) {
        if (JsonRpc.kind(message) != JsonRpc.Kind.REQUEST) {
            return;
        }
        JsonValue id = message.get("id");
        try {
            reply.accept(JsonRpc.result(id, answer(message.getString("method"), JsonRpc.params(message))));
        } catch (McpProtocolException e) {
            reply.accept(JsonRpc.error(id, e.code(), e.getMessage()));
        }
    }

    private JsonObject answer(String method, JsonObject params) {
        return switch (method) {
            case "initialize" -> Json.createObjectBuilder()
                    .add("protocolVersion", "2025-11-25".equals(JsonRpc.string(params, "protocolVersion"))
                            || "2025-06-18".equals(JsonRpc.string(params, "protocolVersion"))
                            ? JsonRpc.string(params, "protocolVersion") : "2025-03-26")
                    .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))
                    .add("serverInfo", Json.createObjectBuilder().add("name", "sandbox-" + name).add("version", "0.1.0"))
                    .build();
            case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
            case "tools/list" -> list();
            case "tools/call" -> call(params);
            default -> throw new McpProtocolException(JsonRpc.METHOD_NOT_FOUND, "method not found: " + method);
        };
    }

    private JsonObject list() {
        JsonArrayBuilder out = Json.createArrayBuilder();
        for (Tool t : tools.values()) {
            out.add(Json.createObjectBuilder().add("name", t.name()).add("description", t.description())
                    .add("inputSchema", t.inputSchema()).add("annotations", t.annotations()));
        }
        return Json.createObjectBuilder().add("tools", out).build();
    }

    private JsonObject call(JsonObject params) {
        Tool tool = tools.get(JsonRpc.string(params, "name"));
        if (tool == null) {
            throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "unknown tool: " + JsonRpc.string(params, "name"));
        }
        JsonObject arguments = JsonRpc.object(params, "arguments");
        try {
            return text(tool.action().apply(arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments), false);
        } catch (ToolFailure | ClassCastException | NullPointerException e) {
            return text(e instanceof ToolFailure ? e.getMessage() : "invalid arguments for " + tool.name(), true);
        }
    }

    private static JsonObject text(String text, boolean error) {
        return Json.createObjectBuilder()
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text").add("text", text)))
                .add("isError", error).build();
    }

    /** An input schema with string properties, all required. */
    protected static JsonObject stringSchema(String... properties) {
        var props = Json.createObjectBuilder();
        var required = Json.createArrayBuilder();
        for (String p : properties) {
            props.add(p, Json.createObjectBuilder().add("type", "string"));
            required.add(p);
        }
        return Json.createObjectBuilder().add("type", "object").add("properties", props).add("required", required).build();
    }

    protected static JsonObject annotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        return Json.createObjectBuilder().add("readOnlyHint", readOnly).add("destructiveHint", destructive)
                .add("idempotentHint", idempotent).add("openWorldHint", openWorld).build();
    }
}
