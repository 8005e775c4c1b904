package dev.agentbroker.mcp.frontend;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.jsonrpc.UpstreamException;
import dev.agentbroker.mcp.upstream.CallContext;

/**
 * The way back to the client during one request: the request's own SSE stream, else one of
 * the session's GET streams. Server-to-client requests are sent only for capabilities the
 * client declared at initialize, and wait for the client's POSTed response. Thread-safe.
 */
final class ClientChannel implements CallContext {
    private static final AtomicLong IDS = new AtomicLong();

    private final McpSession session;
    private final McpExchange.EventStream stream;
    private final Duration timeout;

    ClientChannel(McpSession session, McpExchange.EventStream stream, Duration timeout) {
        this.session = session;
        this.stream = stream;
        this.timeout = timeout;
    }

    @Override
    public void notification(JsonObject message) {
        McpExchange.EventStream target = target();
        if (target != null) {
            try {
                target.send(JsonRpc.write(message));
            } catch (IOException e) {
                session.streams.remove(target);
            }
        }
    }

    @Override
    public boolean acceptsServerRequests() {
        return target() != null;
    }

    @Override
    public JsonObject serverRequest(String method, JsonObject params) {
        String capability = switch (method) {
            case "sampling/createMessage" -> "sampling";
            case "elicitation/create" -> "elicitation";
            case "roots/list" -> "roots";
            default -> null;
        };
        if (capability == null || JsonRpc.object(session.clientCapabilities, capability) == null) {
            throw new McpProtocolException(JsonRpc.METHOD_NOT_FOUND, "the client does not support " + method);
        }
        McpExchange.EventStream target = target();
        if (target == null) {
            throw new McpProtocolException(JsonRpc.REFUSED, "no open stream to the client for " + method);
        }
        String id = "broker-" + IDS.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        session.awaitingClient.put(id, answer);
        try {
            target.send(JsonRpc.write(JsonRpc.request(JSON.createValue(id), method, params)));
            JsonObject response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.get("error") instanceof JsonObject error) {
                throw new UpstreamException(error);
            }
            return JsonRpc.object(response, "result") == null ? JsonObject.EMPTY_JSON_OBJECT : response.getJsonObject("result");
        } catch (IOException | ExecutionException | java.util.concurrent.CancellationException e) {
            throw new McpProtocolException(JsonRpc.REFUSED, "the client did not answer " + method);
        } catch (TimeoutException e) {
            throw new McpProtocolException(JsonRpc.REFUSED, "the client did not answer " + method + " in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpProtocolException(JsonRpc.REFUSED, "interrupted");
        } finally {
            session.awaitingClient.remove(id);
        }
    }

    private McpExchange.EventStream target() {
        if (stream != null) {
            return stream;
        }
        return session.streams.isEmpty() ? null : session.streams.get(0);
    }
}
