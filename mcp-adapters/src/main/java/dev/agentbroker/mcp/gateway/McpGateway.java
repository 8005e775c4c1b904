package dev.agentbroker.mcp.gateway;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.upstream.CallContext;
import dev.agentbroker.mcp.upstream.PendingCall;
import dev.agentbroker.mcp.upstream.UpstreamListener;
import dev.agentbroker.mcp.upstream.UpstreamServer;

/**
 * The federation: serves MCP requests of one view (one upstream, or all upstreams the caller
 * may reach) by routing them to upstreams, renaming in the aggregate view, asking the
 * {@link McpGate} first and telling the {@link McpEventSink} after. Thread-safe.
 */
public final class McpGateway implements UpstreamListener {
    private final Map<String, Upstream> upstreams = new LinkedHashMap<>();
    private final McpGate gate;
    private final McpEventSink sink;
    private final List<Consumer<Notice>> listeners = new CopyOnWriteArrayList<>();
    private final ToolPins pins;
    private final List<BiConsumer<String, Map<String, JsonObject>>> toolListeners = new CopyOnWriteArrayList<>();

    /** One configured upstream: its connection and trust mode. */
    public record UpstreamSpec(UpstreamServer server, TrustMode trust) {
    }

    /** A notification from {@code server} outside any request, for sessions to relay. */
    public record Notice(String server, JsonObject message) {
    }

    record Upstream(UpstreamServer server, ToolCatalog catalog) {
    }

    public McpGateway(List<UpstreamSpec> specs, ToolPins pins, McpGate gate, McpEventSink sink) {
        this.gate = gate;
        this.sink = sink;
        this.pins = pins;
        for (UpstreamSpec spec : specs) {
            String name = spec.server().name();
            ToolCatalog catalog = new ToolCatalog(spec.server(), spec.trust(), pins, sink::pin, () -> otherTools(name),
                    tools -> toolListeners.forEach(l -> l.accept(name, tools)));
            upstreams.put(name, new Upstream(spec.server(), catalog));
            spec.server().listener(this);
        }
    }

    public boolean hasServer(String name) {
        return upstreams.containsKey(name);
    }

    public Collection<String> servers() {
        return upstreams.keySet();
    }

    /** Registers a receiver of upstream notifications (list changes, resource updates, log messages). */
    public void onNotice(Consumer<Notice> listener) {
        listeners.add(listener);
    }

    /**
     * Registers a receiver of each server's callable (pinned) tools, upstream names as keys,
     * every time they are listed; the host feeds its policy entities from it.
     */
    public void onToolsListed(BiConsumer<String, Map<String, JsonObject>> listener) {
        toolListeners.add(listener);
    }

    /** Starts connecting every upstream. */
    public void start() {
        upstreams.values().forEach(u -> u.server().start());
    }

    public void close() {
        upstreams.values().forEach(u -> u.server().close());
    }

    @Override
    public void notification(String server, JsonObject message) {
        if ("notifications/tools/list_changed".equals(JsonRpc.string(message, "method"))) {
            Upstream upstream = upstreams.get(server);
            if (upstream != null) {
                upstream.catalog().invalidate();
            }
        }
        listeners.forEach(l -> l.accept(new Notice(server, message)));
    }

    @Override
    public void connected(String server) {
        Upstream upstream = upstreams.get(server);
        if (upstream != null) {
            upstream.catalog().invalidate();
        }
    }

    /** Tool definitions waiting for an operator's approval, across all servers. */
    public List<PendingTool> pendingTools() {
        return pins.pending();
    }

    /**
     * Approves the waiting definition of {@code tool} of {@code server} (every waiting tool of
     * the server when {@code tool} is null): it is pinned, listed and callable again, and a
     * {@code tool.approved} event goes to the sink.
     */
    public List<PendingTool> approve(String server, String tool) {
        upstream(server);
        List<PendingTool> approved = pins.approve(server, tool);
        approved.forEach(p -> sink.pin(new PinEvent("tool.approved", server, p.tool(), p.digest(), null, p.flags())));
        return approved;
    }

    /** Whether {@code caller} may use {@code server} at all. */
    public McpGate.Decision mayConnect(Object caller, String server) {
        return gate.check(caller, new McpGate.Operation(McpGate.Action.CONNECT, server, null, null, null, false));
    }

    /** The upstream's initialize result for a single-server view (capabilities, serverInfo), or null. */
    public JsonObject upstreamInfo(String server) {
        Upstream upstream = upstreams.get(server);
        return upstream == null ? null : upstream.server().initializeResult();
    }

    /**
     * Serves one request.
     *
     * @param view     the server of a {@code /mcp/{server}} session, or null for the aggregate
     * @param toClient the channel back to the requesting client (progress, server requests)
     * @param inflight receives the upstream request handle, so the caller can cancel it
     * @throws McpProtocolException for a JSON-RPC error to return
     */
    public JsonObject handle(Object caller, String view, String method, JsonObject params, CallContext toClient,
                             Consumer<PendingCall> inflight) {
        Request request = new Request(this, caller, view, toClient, inflight);
        return switch (method) {
            case "ping" -> JsonValue.EMPTY_JSON_OBJECT;
            case "tools/list" -> request.listTools();
            case "tools/call" -> new ToolCall(request, params).run();
            case "resources/list" -> request.list("resources/list", "resources", "uri", params);
            case "resources/templates/list" -> request.list("resources/templates/list", "resourceTemplates", "uriTemplate", params);
            case "prompts/list" -> request.list("prompts/list", "prompts", "name", params);
            case "resources/read" -> request.byUri(method, McpGate.Action.READ_RESOURCE, params);
            case "resources/subscribe", "resources/unsubscribe" -> request.byUri(method, null, params);
            case "prompts/get" -> request.getPrompt(params);
            case "completion/complete" -> request.complete(params);
            case "logging/setLevel" -> request.setLevel(params);
            default -> throw new McpProtocolException(JsonRpc.METHOD_NOT_FOUND, "method not found: " + method);
        };
    }

    /** Rewrites an upstream notification for a session of {@code view}; null when it does not concern it. */
    public JsonObject forView(String view, Notice notice) {
        if (view != null) {
            return view.equals(notice.server()) ? notice.message() : null;
        }
        JsonObject params = JsonRpc.object(notice.message(), "params");
        String uri = JsonRpc.string(params, "uri");
        if (uri == null) {
            return notice.message();
        }
        return JsonRpc.with(notice.message(), "params", JsonRpc.with(params, "uri", Names.prefixedUri(notice.server(), uri)));
    }

    Upstream upstream(String server) {
        Upstream upstream = upstreams.get(server);
        if (upstream == null) {
            throw new McpProtocolException(JsonRpc.INVALID_PARAMS, "unknown server: " + server);
        }
        return upstream;
    }

    McpGate gate() {
        return gate;
    }

    McpEventSink sink() {
        return sink;
    }

    Map<String, Upstream> upstreams() {
        return upstreams;
    }

    private Collection<String> otherTools(String self) {
        List<String> names = new ArrayList<>();
        upstreams.forEach((name, u) -> {
            if (!name.equals(self)) {
                names.addAll(u.catalog().allNames());
            }
        });
        return names;
    }

    static JsonObject toolError(String text) {
        JsonObjectBuilder content = JSON.createObjectBuilder().add("type", "text").add("text", text);
        return JSON.createObjectBuilder().add("content", JSON.createArrayBuilder().add(content)).add("isError", true).build();
    }
}
