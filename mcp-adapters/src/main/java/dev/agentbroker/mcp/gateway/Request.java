package dev.agentbroker.mcp.gateway;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.jsonrpc.UpstreamException;
import dev.agentbroker.mcp.upstream.CallContext;
import dev.agentbroker.mcp.upstream.PendingCall;

/**
 * One client request being served: the servers its view covers, listing with gate filtering
 * and renaming, and routing by name or URI. One instance per request; not shared.
 */
final class Request {
    private static final int MAX_PAGES = 50;

    final McpGateway gateway;
    final Object caller;
    final String view;
    final CallContext toClient;
    final Consumer<PendingCall> inflight;

    Request(McpGateway gateway, Object caller, String view, CallContext toClient, Consumer<PendingCall> inflight) {
        this.gateway = gateway;
        this.caller = caller;
        this.view = view;
        this.toClient = toClient;
        this.inflight = inflight;
    }

    boolean aggregate() {
        return view == null;
    }

    /** The servers this request may see: the view's one, or every server the gate lets it connect to. */
    List<String> servers() {
        if (!aggregate()) {
            return List.of(view);
        }
        List<String> out = new ArrayList<>();
        for (String server : gateway.servers()) {
            if (gateway.mayConnect(caller, server).allowed()) {
                out.add(server);
            }
        }
        return out;
    }

    /** Whether a list may show the item; a gate that fails hides it (fail closed). */
    boolean allowed(McpGate.Action action, String server, String item, JsonObject annotations) {
        try {
            return gateway.gate().check(caller, new McpGate.Operation(action, server, item, null, annotations, true)).allowed();
        } catch (RuntimeException e) {
            return false;
        }
    }

    JsonObject listTools() {
        JsonArrayBuilder tools = JSON.createArrayBuilder();
        int[] counts = new int[2];
        for (String server : servers()) {
            if (aggregate() && gateway.upstream(server).server().isRestarting()) {
                continue;
            }
            Map<String, JsonObject> catalog;
            try {
                catalog = gateway.upstream(server).catalog().relist();
            } catch (UpstreamException e) {
                if (!aggregate()) {
                    throw e;
                }
                continue;
            }
            catalog.forEach((name, tool) -> {
                if (allowed(McpGate.Action.CALL_TOOL, server, name, JsonRpc.object(tool, "annotations"))) {
                    tools.add(aggregate() ? JsonRpc.with(tool, "name", Names.namespaced(server, name)) : tool);
                    counts[0]++;
                } else {
                    counts[1]++;
                }
            });
        }
        gateway.sink().listed(caller, view, counts[0], counts[1]);
        return JSON.createObjectBuilder().add("tools", tools).build();
    }

    /** Resources, templates or prompts: single view passes pages through, aggregate merges every page. */
    JsonObject list(String method, String member, String key, JsonObject params) {
        McpGate.Action action = "prompts".equals(member) ? McpGate.Action.GET_PROMPT : McpGate.Action.READ_RESOURCE;
        if (!aggregate()) {
            JsonObject result = forward(view, method, params, CallContext.NONE);
            return JsonRpc.with(result, member, filter(view, result, member, key, action));
        }
        JsonArrayBuilder merged = JSON.createArrayBuilder();
        for (String server : servers()) {
            if (!supports(server, "prompts".equals(member) ? "prompts" : "resources")) {
                continue;
            }
            try {
                collect(server, method, member, key, action, merged);
            } catch (UpstreamException e) {
                continue;
            }
        }
        return JSON.createObjectBuilder().add(member, merged).build();
    }

    private void collect(String server, String method, String member, String key, McpGate.Action action,
                         JsonArrayBuilder merged) {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject params = cursor == null ? JsonValue.EMPTY_JSON_OBJECT : JSON.createObjectBuilder().add("cursor", cursor).build();
            JsonObject result = forward(server, method, params, CallContext.NONE);
            for (JsonValue item : filter(server, result, member, key, action)) {
                JsonObject o = item.asJsonObject();
                String value = o.getString(key);
                String renamed = "name".equals(key) ? Names.namespaced(server, value) : Names.prefixedUri(server, value);
                merged.add(JsonRpc.with(o, key, renamed));
            }
            cursor = JsonRpc.string(result, "nextCursor");
            if (cursor == null) {
                break;
            }
        }
    }

    private jakarta.json.JsonArray filter(String server, JsonObject result, String member, String key, McpGate.Action action) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        if (result.get(member) instanceof jakarta.json.JsonArray items) {
            for (JsonValue item : items) {
                if (item instanceof JsonObject o && JsonRpc.string(o, key) != null
                        && allowed(action, server, o.getString(key), JsonRpc.object(o, "annotations"))) {
                    out.add(o);
                }
            }
        }
        return out.build();
    }

    boolean supports(String server, String capability) {
        JsonObject info = gateway.upstreamInfo(server);
        return info == null || JsonRpc.object(JsonRpc.object(info, "capabilities"), capability) != null;
    }

    /** resources/read, subscribe, unsubscribe: routed by the (prefixed) URI. */
    JsonObject byUri(String method, McpGate.Action action, JsonObject params) {
        String uri = required(params, "uri");
        Target target = target(uri, true);
        if (action != null) {
            McpGate.Decision decision = Gated.decide(this, action, target.server(), target.item(), params, null);
            if (!decision.allowed()) {
                Gated.denied(this, action, target, decision, null);
                throw new McpProtocolException(JsonRpc.REFUSED, Gated.denialText(action, uri, decision));
            }
            return Gated.forward(this, action, target, method, JsonRpc.with(params, "uri", target.item()), null);
        }
        if (!allowed(McpGate.Action.READ_RESOURCE, target.server(), target.item(), null)) {
            throw new McpProtocolException(JsonRpc.REFUSED, method + " on " + uri + " denied");
        }
        return forward(target.server(), method, JsonRpc.with(params, "uri", target.item()), CallContext.NONE);
    }

    JsonObject getPrompt(JsonObject params) {
        String name = required(params, "name");
        Target target = target(name, false);
        McpGate.Decision decision = Gated.decide(this, McpGate.Action.GET_PROMPT, target.server(), target.item(),
                JsonRpc.object(params, "arguments"), null);
        if (!decision.allowed()) {
            Gated.denied(this, McpGate.Action.GET_PROMPT, target, decision, null);
            throw new McpProtocolException(JsonRpc.REFUSED, Gated.denialText(McpGate.Action.GET_PROMPT, name, decision));
        }
        return Gated.forward(this, McpGate.Action.GET_PROMPT, target, "prompts/get",
                JsonRpc.with(params, "name", target.item()), null);
    }

    JsonObject complete(JsonObject params) {
        JsonObject ref = JsonRpc.object(params, "ref");
        String type = JsonRpc.string(ref, "type");
        boolean prompt = "ref/prompt".equals(type);
        String key = prompt ? "name" : "uri";
        String value = JsonRpc.string(ref, key);
        if (value == null) {
            throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "completion/complete needs ref." + key);
        }
        Target target = target(value, !prompt);
        if (!allowed(prompt ? McpGate.Action.GET_PROMPT : McpGate.Action.READ_RESOURCE, target.server(), target.item(), null)) {
            throw new McpProtocolException(JsonRpc.REFUSED, "completion/complete on " + value + " denied");
        }
        JsonObject upstreamParams = JsonRpc.with(params, "ref", JsonRpc.with(ref, key, target.item()));
        return forward(target.server(), "completion/complete", upstreamParams, CallContext.NONE);
    }

    JsonObject setLevel(JsonObject params) {
        required(params, "level");
        for (String server : servers()) {
            if (supports(server, "logging")) {
                try {
                    forward(server, "logging/setLevel", params, CallContext.NONE);
                } catch (UpstreamException e) {
                    if (!aggregate()) {
                        throw e;
                    }
                }
            }
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Where a name or URI of this view points: server and the upstream's own name for it. */
    Target target(String exposed, boolean uri) {
        if (!aggregate()) {
            return new Target(view, exposed, exposed);
        }
        String server = uri ? Names.serverOfUri(exposed) : Names.serverOf(exposed);
        if (server == null || !gateway.hasServer(server) || !servers().contains(server)) {
            throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "unknown " + (uri ? "resource: " : "name: ") + exposed);
        }
        String item = uri ? Names.unprefixedUri(exposed) : exposed.substring(server.length() + 2);
        return new Target(server, item, exposed);
    }

    JsonObject forward(String server, String method, JsonObject params, CallContext context) {
        PendingCall call = gateway.upstream(server).server().call(method, params, context);
        inflight.accept(call);
        return call.await(gateway.upstream(server).server().timeouts().request());
    }

    static String required(JsonObject params, String member) {
        String value = JsonRpc.string(params, member);
        if (value == null) {
            throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "params." + member + " must be a string");
        }
        return value;
    }

    /** A resolved name: upstream server, the upstream's name, and what the caller called it. */
    record Target(String server, String item, String exposed) {
    }
}
