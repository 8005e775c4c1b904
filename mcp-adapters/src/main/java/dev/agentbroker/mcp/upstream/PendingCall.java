package dev.agentbroker.mcp.upstream;

import static dev.agentbroker.mcp.jsonrpc.JsonFactories.JSON;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.McpProtocolException;
import dev.agentbroker.mcp.jsonrpc.UpstreamException;

/**
 * One request in flight to an upstream: await its result (blocking; callers run on virtual
 * threads) or cancel it, which sends {@code notifications/cancelled} upstream (MCP
 * "Cancellation"). Thread-safe.
 */
public final class PendingCall {
    private final long id;
    private final String method;
    private final CallContext context;
    private final JsonValue progressToken;
    private final CompletableFuture<JsonObject> response = new CompletableFuture<>();
    private final JsonRpcPeer peer;

    PendingCall(JsonRpcPeer peer, long id, String method, CallContext context, JsonValue progressToken) {
        this.peer = peer;
        this.id = id;
        this.method = method;
        this.context = context;
        this.progressToken = progressToken;
    }

    long id() {
        return id;
    }

    String method() {
        return method;
    }

    CallContext context() {
        return context;
    }

    JsonValue progressToken() {
        return progressToken;
    }

    void complete(JsonObject message) {
        response.complete(message);
    }

    void fail(String reason) {
        response.completeExceptionally(new UpstreamException(reason));
    }

    boolean isDone() {
        return response.isDone();
    }

    /**
     * Waits for the result.
     *
     * @throws UpstreamException for an upstream JSON-RPC error, a lost connection or a timeout
     *         (the request is then cancelled upstream)
     */
    public JsonObject await(Duration timeout) {
        JsonObject message;
        try {
            message = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel("timed out");
            throw new UpstreamException(method + " timed out after " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel("interrupted");
            throw new UpstreamException(method + " was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof McpProtocolException p) {
                throw p;
            }
            throw new UpstreamException(method + " failed");
        }
        if (message.get("error") instanceof JsonObject error) {
            throw new UpstreamException(error);
        }
        return message.get("result") instanceof JsonObject result ? result : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Tells the upstream to stop working on this request and fails local waiters. */
    public void cancel(String reason) {
        if (response.isDone()) {
            return;
        }
        peer.forget(this);
        peer.notifyQuietly("notifications/cancelled", JSON.createObjectBuilder()
                .add("requestId", id).add("reason", reason).build());
        response.completeExceptionally(new UpstreamException(method + " was cancelled"));
    }

    static long idOf(JsonValue value) {
        return value instanceof JsonNumber n && n.isIntegral() ? n.longValue() : -1;
    }
}
