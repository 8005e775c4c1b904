package dev.agentbroker.mcp.frontend;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.upstream.PendingCall;

/**
 * One client session ({@code Mcp-Session-Id}): bound to the caller that initialized it and to
 * one view (a server, or null for the aggregate); holds its in-flight upstream calls (for
 * cancellation), its open GET streams, server-to-client requests awaiting the client's answer
 * and its resource subscriptions. Thread-safe.
 */
final class McpSession {
    final String id;
    final String owner;
    final String view;
    final String protocolVersion;
    final JsonObject clientCapabilities;
    final Map<JsonValue, PendingCall> inflight = new ConcurrentHashMap<>();
    final Map<String, CompletableFuture<JsonObject>> awaitingClient = new ConcurrentHashMap<>();
    final CopyOnWriteArrayList<McpExchange.EventStream> streams = new CopyOnWriteArrayList<>();
    final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    volatile Object caller;
    volatile long lastSeenNanos = System.nanoTime();

    McpSession(String id, String owner, String view, String protocolVersion, JsonObject clientCapabilities, Object caller) {
        this.id = id;
        this.owner = owner;
        this.view = view;
        this.protocolVersion = protocolVersion;
        this.clientCapabilities = clientCapabilities;
        this.caller = caller;
    }

    void touch(Object latestCaller) {
        caller = latestCaller;
        lastSeenNanos = System.nanoTime();
    }

    void close() {
        inflight.values().forEach(call -> call.cancel("session ended"));
        awaitingClient.values().forEach(f -> f.cancel(false));
        streams.forEach(McpExchange.EventStream::close);
        streams.clear();
    }
}
