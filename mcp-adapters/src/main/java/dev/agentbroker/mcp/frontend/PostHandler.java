package dev.agentbroker.mcp.frontend;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.gateway.McpGateway;
import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.jsonrpc.UpstreamException;

/**
 * One POSTed message of an established session: notifications and responses are accepted with
 * 202; a request is answered with JSON, or with an SSE stream (when the client accepts one)
 * for methods that may report progress or ask the client something on the way.
 */
final class PostHandler {
    private static final System.Logger LOG = System.getLogger(PostHandler.class.getName());
    private static final Set<String> STREAMED = Set.of("tools/call", "prompts/get", "resources/read", "completion/complete");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private final McpGateway gateway;
    private final McpSession session;
    private final Duration timeout;

    PostHandler(McpGateway gateway, McpSession session, Duration timeout) {
        this.gateway = gateway;
        this.session = session;
        this.timeout = timeout;
    }

    void handle(dev.agentbroker.mcp.jsonrpc.JsonRpc.Kind kind, JsonObject message, McpExchange exchange) {
        switch (kind) {
            case NOTIFICATION -> notification(message);
            case RESPONSE -> response(message);
            default -> {
                request(message, exchange);
                return;
            }
        }
        exchange.respond(202, Map.of(), new byte[0]);
    }

    private void notification(JsonObject message) {
        if ("notifications/cancelled".equals(JsonRpc.string(message, "method"))) {
            JsonValue id = JsonRpc.params(message).get("requestId");
            var call = id == null ? null : session.inflight.remove(id);
            if (call != null) {
                call.cancel(String.valueOf(JsonRpc.string(JsonRpc.params(message), "reason")));
            }
        }
    }

    private void response(JsonObject message) {
        JsonValue id = message.get("id");
        if (id.getValueType() == JsonValue.ValueType.STRING) {
            var waiting = session.awaitingClient.remove(((jakarta.json.JsonString) id).getString());
            if (waiting != null) {
                waiting.complete(message);
            }
        }
    }

    private void request(JsonObject message, McpExchange exchange) {
        String method = message.getString("method");
        String accept = exchange.header("Accept");
        boolean stream = STREAMED.contains(method) && accept != null && accept.contains("text/event-stream");
        if (!stream) {
            exchange.respond(200, JSON, JsonRpc.bytes(answer(message, new ClientChannel(session, null, timeout))));
            return;
        }
        McpExchange.EventStream events;
        try {
            events = exchange.openEventStream(Map.of());
        } catch (IOException e) {
            return;
        }
        try {
            events.send(JsonRpc.write(answer(message, new ClientChannel(session, events, timeout))));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away before the answer to {0}", method);
        } finally {
            events.close();
        }
    }

    private JsonObject answer(JsonObject message, ClientChannel channel) {
        JsonValue id = message.get("id");
        String method = message.getString("method");
        JsonObject params = JsonRpc.params(message);
        try {
            JsonObject result = gateway.handle(session.caller, session.view, method, params, channel,
                    call -> session.inflight.put(id, call));
            track(method, params);
            return JsonRpc.result(id, result);
        } catch (UpstreamException e) {
            return e.error() != null ? JsonRpc.error(id, e.error()) : JsonRpc.error(id, e.code(), e.getMessage());
        } catch (McpProtocolException e) {
            return JsonRpc.error(id, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "MCP " + method + " failed", e);
            return JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "the broker failed to handle " + method);
        } finally {
            session.inflight.remove(id);
        }
    }

    private void track(String method, JsonObject params) {
        String uri = JsonRpc.string(params, "uri");
        if ("resources/subscribe".equals(method) && uri != null) {
            session.subscriptions.add(uri);
        } else if ("resources/unsubscribe".equals(method) && uri != null) {
            session.subscriptions.remove(uri);
        }
    }
}
