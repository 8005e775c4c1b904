package dev.agentbroker.mcp.sandbox;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * A small MCP server (MCP 2025-11-25 "Lifecycle", "Tools", "Resources", "Prompts"): answers
 * initialize, ping, tools/list and tools/call, and, when it has any, resources/list,
 * resources/read, prompts/list and prompts/get. A tool that fails returns a result with
 * {@code isError: true}. Thread-safe if its tools are.
 */
public class SandboxServer {
    private static final List<String> VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** One tool: its definition and what it does with its arguments (returns the text result). */
    public record Tool(String name, String description, JsonObject inputSchema, JsonObject annotations,
                       Function<JsonObject, String> action) {
    }

    /** One readable resource with a text body. */
    public record Resource(String uri, String name, String mimeType, Supplier<String> text) {
    }

    /** One prompt: its string arguments (all required) and the user message it renders. */
    public record Prompt(String name, String description, List<String> arguments, Function<JsonObject, String> render) {
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
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, Prompt> prompts = new LinkedHashMap<>();

    protected SandboxServer(String name, List<Tool> tools) {
        this(name, tools, List.of(), List.of());
    }

    protected SandboxServer(String name, List<Tool> tools, List<Resource> resources, List<Prompt> prompts) {
        this.name = name;
        tools.forEach(t -> this.tools.put(t.name(), t));
        resources.forEach(r -> this.resources.put(r.uri(), r));
        prompts.forEach(p -> this.prompts.put(p.name(), p));
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
            case "initialize" -> initialize(JsonRpc.string(params, "protocolVersion"));
            case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
            case "tools/list" -> listTools();
            case "tools/call" -> call(params);
            case "resources/list" -> listResources();
            case "resources/read" -> read(params);
            case "prompts/list" -> listPrompts();
            case "prompts/get" -> prompt(params);
            default -> throw new McpProtocolException(JsonRpc.METHOD_NOT_FOUND, "method not found: " + method);
        };
    }

    private JsonObject initialize(String requested) {
        JsonObjectBuilder capabilities = JSON.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT);
        if (!resources.isEmpty()) {
            capabilities.add("resources", JsonValue.EMPTY_JSON_OBJECT);
        }
        if (!prompts.isEmpty()) {
            capabilities.add("prompts", JsonValue.EMPTY_JSON_OBJECT);
        }
        return JSON.createObjectBuilder()
                .add("protocolVersion", VERSIONS.contains(requested) ? requested : VERSIONS.get(0))
                .add("capabilities", capabilities)
                .add("serverInfo", JSON.createObjectBuilder().add("name", "sandbox-" + name).add("version", "0.1.0"))
                .build();
    }

    private JsonObject listTools() {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Tool t : tools.values()) {
            out.add(JSON.createObjectBuilder().add("name", t.name()).add("description", t.description())
                    .add("inputSchema", t.inputSchema()).add("annotations", t.annotations()));
        }
        return JSON.createObjectBuilder().add("tools", out).build();
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

    private JsonObject listResources() {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        resources.values().forEach(r -> out.add(JSON.createObjectBuilder().add("uri", r.uri()).add("name", r.name())
                .add("mimeType", r.mimeType())));
        return JSON.createObjectBuilder().add("resources", out).build();
    }

    private JsonObject read(JsonObject params) {
        Resource resource = resources.get(JsonRpc.string(params, "uri"));
        if (resource == null) {
            throw new McpProtocolException(JsonRpc.RESOURCE_NOT_FOUND, "resource not found: " + JsonRpc.string(params, "uri"));
        }
        return JSON.createObjectBuilder().add("contents", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("uri", resource.uri()).add("mimeType", resource.mimeType()).add("text", resource.text().get())))
                .build();
    }

    private JsonObject listPrompts() {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (Prompt p : prompts.values()) {
            JsonArrayBuilder arguments = JSON.createArrayBuilder();
            p.arguments().forEach(a -> arguments.add(JSON.createObjectBuilder().add("name", a).add("required", true)));
            out.add(JSON.createObjectBuilder().add("name", p.name()).add("description", p.description())
                    .add("arguments", arguments));
        }
        return JSON.createObjectBuilder().add("prompts", out).build();
    }

    private JsonObject prompt(JsonObject params) {
        Prompt prompt = prompts.get(JsonRpc.string(params, "name"));
        if (prompt == null) {
            throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "unknown prompt: " + JsonRpc.string(params, "name"));
        }
        JsonObject arguments = JsonRpc.object(params, "arguments");
        JsonObject given = arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments;
        for (String required : prompt.arguments()) {
            if (JsonRpc.string(given, required) == null) {
                throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "prompt argument " + required + " is required");
            }
        }
        JsonObject content = JSON.createObjectBuilder().add("type", "text").add("text", prompt.render().apply(given)).build();
        return JSON.createObjectBuilder().add("description", prompt.description()).add("messages",
                JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("role", "user").add("content", content)))
                .build();
    }

    private static JsonObject text(String text, boolean error) {
        return JSON.createObjectBuilder()
                .add("content", JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", "text").add("text", text)))
                .add("isError", error).build();
    }

    /** An input schema with string properties, the first {@code required} of them required. */
    protected static JsonObject stringSchema(int required, String... properties) {
        var props = JSON.createObjectBuilder();
        var names = JSON.createArrayBuilder();
        for (int i = 0; i < properties.length; i++) {
            props.add(properties[i], JSON.createObjectBuilder().add("type", "string"));
            if (i < required) {
                names.add(properties[i]);
            }
        }
        return JSON.createObjectBuilder().add("type", "object").add("properties", props).add("required", names).build();
    }

    /** An input schema with string properties, all required. */
    protected static JsonObject stringSchema(String... properties) {
        return stringSchema(properties.length, properties);
    }

    protected static JsonObject annotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        return JSON.createObjectBuilder().add("readOnlyHint", readOnly).add("destructiveHint", destructive)
                .add("idempotentHint", idempotent).add("openWorldHint", openWorld).build();
    }
}
