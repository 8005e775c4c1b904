package dev.agentbroker.mcp.gateway;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.upstream.CallContext;
import dev.agentbroker.mcp.upstream.UpstreamServer;

/**
 * The tools of one upstream as last listed, reduced to the definitions whose pin matches
 * (quarantined ones are neither listed nor callable). Refreshed lazily after a reconnect or a
 * {@code notifications/tools/list_changed}. Tool objects are kept raw, so unknown fields and
 * {@code _meta} reach the caller unchanged. Thread-safe.
 */
final class ToolCatalog {
    private static final int MAX_PAGES = 50;

    private final UpstreamServer server;
    private final TrustMode mode;
    private final ToolPins pins;
    private final Consumer<PinEvent> events;
    private final Supplier<Collection<String>> otherServersTools;
    private volatile Map<String, JsonObject> tools;
    private volatile long pinsGeneration = -1;
    private volatile List<String> allNames = List.of();

    private final Consumer<Map<String, JsonObject>> listed;

    ToolCatalog(UpstreamServer server, TrustMode mode, ToolPins pins, Consumer<PinEvent> events,
                Supplier<Collection<String>> otherServersTools, Consumer<Map<String, JsonObject>> listed) {
        this.listed = listed;
        this.server = server;
        this.mode = mode;
        this.pins = pins;
        this.events = events;
        this.otherServersTools = otherServersTools;
    }

    void invalidate() {
        tools = null;
    }

    /** The callable (pinned) tools, upstream names as keys, in upstream order; listed again when pins changed. */
    Map<String, JsonObject> tools() {
        pins.reloadIfChanged(events);
        Map<String, JsonObject> current = tools;
        if (current == null || pinsGeneration != pins.generation()) {
            current = relist();
        }
        return current;
    }

    /** Lists the upstream's tools now (a client's {@code tools/list}), checking every definition against its pin. */
    Map<String, JsonObject> relist() {
        pins.reloadIfChanged(events);
        long generation = pins.generation();
        Map<String, JsonObject> current = refresh();
        tools = current;
        pinsGeneration = generation;
        return current;
    }

    /** Why {@code tool} is held back, or null. */
    PendingTool quarantined(String tool) {
        return pins.quarantined(server.name(), tool);
    }

    /** Names of every tool last listed, quarantined ones included (for shadowing checks). */
    List<String> allNames() {
        return allNames;
    }

    private Map<String, JsonObject> refresh() {
        List<JsonObject> listed = listAll();
        List<String> names = listed.stream().map(t -> t.getString("name")).toList();
        Collection<String> others = new ArrayList<>(otherServersTools.get());
        others.removeAll(names);
        Map<String, JsonObject> accepted = new LinkedHashMap<>();
        for (JsonObject tool : listed) {
            if (check(tool, tool.getString("name"), others) == ToolPins.Status.PINNED) {
                accepted.put(tool.getString("name"), tool);
            }
        }
        allNames = List.copyOf(names);
        Map<String, JsonObject> callable = java.util.Collections.unmodifiableMap(accepted);
        this.listed.accept(callable);
        return callable;
    }

    private List<JsonObject> listAll() {
        List<JsonObject> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject params = cursor == null ? JsonValue.EMPTY_JSON_OBJECT
                    : JSON.createObjectBuilder().add("cursor", cursor).build();
            JsonObject result = server.request("tools/list", params, CallContext.NONE);
            if (result.get("tools") instanceof jakarta.json.JsonArray tools) {
                for (JsonValue item : tools) {
                    if (item instanceof JsonObject tool && tool.get("name") instanceof JsonString) {
                        out.add(tool);
                    }
                }
            }
            cursor = JsonRpc.string(result, "nextCursor");
            if (cursor == null) {
                break;
            }
        }
        return out;
    }

    private ToolPins.Status check(JsonObject tool, String name, Collection<String> otherServersToolNames) {
        String description = JsonRpc.string(tool, "description");
        List<String> flags = PoisonScanner.scan(description, otherServersToolNames);
        return pins.check(server.name(), name, digest(tool), mode, flags, description, events);
    }

    /** SHA-256 of what a tool promises: name, description, input schema and annotations. */
    static String digest(JsonObject tool) {
        JsonObjectBuilder pinned = JSON.createObjectBuilder();
        for (String member : List.of("name", "description", "inputSchema", "annotations")) {
            if (tool.containsKey(member)) {
                pinned.add(member, tool.get(member));
            }
        }
        return CanonicalJson.sha256(pinned.build());
    }
}
