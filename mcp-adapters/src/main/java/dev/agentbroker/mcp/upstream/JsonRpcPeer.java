package dev.agentbroker.mcp.upstream;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.jsonrpc.UpstreamException;

/**
 * The client side of one JSON-RPC connection to an upstream: numbers outgoing requests,
 * matches responses, routes progress notifications by progress token and server-to-client
 * requests to the context of the request that caused them. Messages stay raw JSON-P objects,
 * so nothing the upstream sends is dropped. Thread-safe.
 */
final class JsonRpcPeer implements Wire.Inbound {
    private static final System.Logger LOG = System.getLogger(JsonRpcPeer.class.getName());

    private final String name;
    private final Wire wire;
    private final Consumer<JsonObject> unrelated;
    private final Consumer<String> onClose;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final Map<JsonValue, PendingCall> byProgressToken = new ConcurrentHashMap<>();
    private volatile boolean closed;

    JsonRpcPeer(String name, Wire wire, Consumer<JsonObject> unrelated, Consumer<String> onClose) {
        this.name = name;
        this.wire = wire;
        this.unrelated = unrelated;
        this.onClose = onClose;
    }

    void start() throws IOException {
        wire.start(this);
    }

    Wire wire() {
        return wire;
    }

    boolean isClosed() {
        return closed;
    }

    /** Sends a request; the result arrives through the returned handle. */
    PendingCall start(String method, JsonObject params, CallContext context) {
        long id = ids.incrementAndGet();
        JsonObject meta = JsonRpc.object(params, "_meta");
        JsonValue token = meta == null ? null : meta.get("progressToken");
        PendingCall call = new PendingCall(this, id, method, context, token);
        if (closed) {
            call.fail(name + " is not connected");
            return call;
        }
        pending.put(id, call);
        if (token != null) {
            byProgressToken.put(token, call);
        }
        try {
            wire.send(JsonRpc.request(JSON.createValue(id), method, params), context);
        } catch (IOException | RuntimeException e) {
            forget(call);
            call.fail(name + " could not be reached");
        }
        return call;
    }

    void notify(String method, JsonObject params) throws IOException {
        wire.send(JsonRpc.notification(method, params), null);
    }

    void notifyQuietly(String method, JsonObject params) {
        try {
            notify(method, params);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: could not send {1}", name, method);
        }
    }

    void forget(PendingCall call) {
        pending.remove(call.id());
        if (call.progressToken() != null) {
            byProgressToken.remove(call.progressToken(), call);
        }
    }

    @Override
    public void message(JsonObject message, CallContext hint) {
        switch (JsonRpc.kind(message)) {
            case RESPONSE -> response(message);
            case NOTIFICATION -> notification(message, hint);
            case REQUEST -> Thread.startVirtualThread(() -> serverRequest(message, hint));
            case INVALID -> LOG.log(System.Logger.Level.WARNING, "{0}: ignored an invalid JSON-RPC message", name);
        }
    }

    private void response(JsonObject message) {
        PendingCall call = pending.get(PendingCall.idOf(message.get("id")));
        if (call != null) {
            forget(call);
            call.complete(message);
        }
    }

    private void notification(JsonObject message, CallContext hint) {
        String method = JsonRpc.string(message, "method");
        if ("notifications/progress".equals(method)) {
            PendingCall call = byProgressToken.get(JsonRpc.params(message).getOrDefault("progressToken", JsonValue.NULL));
            if (call != null) {
                call.context().notification(message);
            }
            return;
        }
        if (hint != null && !"notifications/cancelled".equals(method)) {
            hint.notification(message);
            return;
        }
        unrelated.accept(message);
    }

    private void serverRequest(JsonObject message, CallContext hint) {
        JsonValue id = message.get("id");
        String method = JsonRpc.string(message, "method");
        JsonObject reply;
        try {
            JsonObject result = "ping".equals(method) ? JsonValue.EMPTY_JSON_OBJECT
                    : contextFor(hint).serverRequest(method, JsonRpc.params(message));
            reply = JsonRpc.result(id, result);
        } catch (UpstreamException e) {
            reply = e.error() != null ? JsonRpc.error(id, e.error()) : JsonRpc.error(id, e.code(), e.getMessage());
        } catch (McpProtocolException e) {
            reply = JsonRpc.error(id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": relaying " + method + " failed", e);
            reply = JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "the broker could not relay " + method);
        }
        try {
            wire.send(reply, hint);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: could not answer {1}", name, method);
        }
    }

    /**
     * The context a server-to-client request belongs to: the transport's hint, else the only
     * request in flight that can take it (stdio carries no association); ambiguous -> refused.
     */
    private CallContext contextFor(CallContext hint) {
        if (hint != null) {
            return hint;
        }
        CallContext only = null;
        for (PendingCall call : pending.values()) {
            if (call.context().acceptsServerRequests()) {
                if (only != null && only != call.context()) {
                    return CallContext.NONE;
                }
                only = call.context();
            }
        }
        return only == null ? CallContext.NONE : only;
    }

    @Override
    public void closed(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        for (PendingCall call : pending.values()) {
            forget(call);
            call.fail(name + " " + reason);
        }
        onClose.accept(reason);
    }

    void close() {
        wire.close();
        closed("was closed");
    }
}
