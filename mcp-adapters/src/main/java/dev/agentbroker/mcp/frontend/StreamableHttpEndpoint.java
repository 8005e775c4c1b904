package dev.agentbroker.mcp.frontend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;


import dev.agentbroker.mcp.gateway.McpGateway;
import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * The Streamable HTTP endpoint (MCP 2025-11-25 "Transports", Streamable HTTP; also 2025-06-18
 * and 2025-03-26): the host authenticates the caller, then hands each POST, GET and DELETE
 * here with the caller's identity (opaque) and owner key (token subject and client). Every
 * failure is a 4xx or a JSON-RPC error; nothing here answers 5xx. Thread-safe.
 */
public final class StreamableHttpEndpoint {
    /** Protocol versions this front end speaks, oldest first. */
    public static final List<String> VERSIONS = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
    static final String LATEST = "2025-11-25";
    private static final Duration CLIENT_ANSWER_TIMEOUT = Duration.ofMinutes(5);
    /** How soon a GET stream notices that its session ended (the handler must return to end the response). */
    private static final Duration STREAM_POLL = Duration.ofMillis(200);

    private final McpGateway gateway;
    private final SessionStore sessions;
    private final int maxBodyBytes;
    private final Duration keepAlive;

    public StreamableHttpEndpoint(McpGateway gateway, Duration sessionIdle, int maxSessions, int maxBodyBytes,
                                  Duration keepAlive) {
        this.gateway = gateway;
        this.sessions = new SessionStore(sessionIdle, maxSessions);
        this.maxBodyBytes = maxBodyBytes;
        this.keepAlive = keepAlive;
        gateway.onNotice(this::broadcast);
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Handles a POST of one JSON-RPC message. */
    public void post(String view, Object caller, String owner, McpExchange exchange, byte[] body) {
        if (body.length > maxBodyBytes) {
            rpcError(exchange, 413, null, JsonRpc.INVALID_REQUEST, "request body exceeds " + maxBodyBytes + " bytes");
            return;
        }
        String type = exchange.header("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            rpcError(exchange, 415, null, JsonRpc.INVALID_REQUEST, "Content-Type must be application/json");
            return;
        }
        JsonValue value;
        try {
            value = JsonRpc.parse(body);
        } catch (McpProtocolException e) {
            rpcError(exchange, 400, null, e.code(), e.getMessage());
            return;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            rpcError(exchange, 400, null, JsonRpc.INVALID_REQUEST, "JSON-RPC batches are not supported");
            return;
        }
        JsonRpc.Kind kind = JsonRpc.kind(value);
        if (kind == JsonRpc.Kind.INVALID) {
            JsonValue id = value instanceof JsonObject o ? validId(o.get("id")) : null;
            rpcError(exchange, 400, id, JsonRpc.INVALID_REQUEST, "not a valid JSON-RPC 2.0 message");
            return;
        }
        JsonObject message = value.asJsonObject();
        if (kind == JsonRpc.Kind.REQUEST && "initialize".equals(JsonRpc.string(message, "method"))) {
            initialize(view, caller, owner, exchange, message);
            return;
        }
        McpSession session = session(view, caller, owner, exchange, message.get("id"));
        if (session != null) {
            new PostHandler(gateway, session, CLIENT_ANSWER_TIMEOUT).handle(kind, message, exchange);
        }
    }

    /** Handles a GET: an event stream for the session's server-initiated messages. */
    public void get(String view, Object caller, String owner, McpExchange exchange) {
        String accept = exchange.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            rpcError(exchange, 406, null, JsonRpc.INVALID_REQUEST, "GET needs Accept: text/event-stream");
            return;
        }
        McpSession session = session(view, caller, owner, exchange, null);
        if (session == null) {
            return;
        }
        McpExchange.EventStream stream;
        try {
            stream = exchange.openEventStream(Map.of());
        } catch (IOException e) {
            return;
        }
        session.streams.add(stream);
        try {
            long nextPing = System.nanoTime() + keepAlive.toNanos();
            while (session.streams.contains(stream) && sessions.find(session.id, owner, view) != null) {
                Thread.sleep(STREAM_POLL);
                if (System.nanoTime() - nextPing >= 0) {
                    stream.comment("keep-alive");
                    session.touch(caller);
                    nextPing = System.nanoTime() + keepAlive.toNanos();
                }
            }
        } catch (IOException e) {
            session.streams.remove(stream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.streams.remove(stream);
            stream.close();
        }
    }

    /** Handles a DELETE: ends the session. */
    public void delete(String view, Object caller, String owner, McpExchange exchange) {
        McpSession session = session(view, caller, owner, exchange, null);
        if (session != null) {
            sessions.remove(session);
            exchange.respond(204, Map.of(), new byte[0]);
        }
    }

    /** Ends idle sessions; the host calls this periodically. */
    public void expireIdleSessions() {
        sessions.expire();
    }

    public int sessionCount() {
        return sessions.size();
    }

    private void initialize(String view, Object caller, String owner, McpExchange exchange, JsonObject message) {
        JsonObject params = JsonRpc.params(message);
        String requested = JsonRpc.string(params, "protocolVersion");
        String version = VERSIONS.contains(requested) ? requested : LATEST;
        JsonObject capabilities = JsonRpc.object(params, "capabilities");
        McpSession session = sessions.create(owner, view, version,
                capabilities == null ? JsonValue.EMPTY_JSON_OBJECT : capabilities, caller);
        if (session == null) {
            rpcError(exchange, 503, message.get("id"), JsonRpc.INTERNAL_ERROR, "too many sessions; retry later");
            return;
        }
        JsonObject result = InitializeResult.build(gateway, view, version);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Mcp-Session-Id", session.id);
        headers.put("Content-Type", "application/json");
        exchange.respond(200, headers, JsonRpc.bytes(JsonRpc.result(message.get("id"), result)));
    }

    private McpSession session(String view, Object caller, String owner, McpExchange exchange, JsonValue id) {
        String version = exchange.header("MCP-Protocol-Version");
        if (version != null && !VERSIONS.contains(version)) {
            rpcError(exchange, 400, validId(id), JsonRpc.INVALID_REQUEST, "unsupported MCP-Protocol-Version: " + version
                    + " (supported: " + String.join(", ", VERSIONS) + ")");
            return null;
        }
        String sessionId = exchange.header("Mcp-Session-Id");
        if (sessionId == null) {
            rpcError(exchange, 400, validId(id), JsonRpc.INVALID_REQUEST, "missing Mcp-Session-Id; send initialize first");
            return null;
        }
        McpSession session = sessions.find(sessionId, owner, view);
        if (session == null) {
            rpcError(exchange, 404, validId(id), JsonRpc.INVALID_REQUEST, "unknown or expired session");
            return null;
        }
        session.touch(caller);
        return session;
    }

    private void broadcast(McpGateway.Notice notice) {
        for (McpSession session : sessions.all()) {
            JsonObject message = gateway.forView(session.view, notice);
            if (message == null || session.streams.isEmpty()) {
                continue;
            }
            String uri = JsonRpc.string(JsonRpc.params(message), "uri");
            if ("notifications/resources/updated".equals(JsonRpc.string(message, "method"))
                    && (uri == null || !session.subscriptions.contains(uri))) {
                continue;
            }
            if (session.view == null && !gateway.mayConnect(session.caller, notice.server()).allowed()) {
                continue;
            }
            String data = JsonRpc.write(message);
            for (McpExchange.EventStream stream : session.streams) {
                try {
                    stream.send(data);
                } catch (IOException e) {
                    session.streams.remove(stream);
                }
            }
        }
    }

    static JsonValue validId(JsonValue id) {
        return id != null && (id.getValueType() == JsonValue.ValueType.STRING
                || id.getValueType() == JsonValue.ValueType.NUMBER) ? id : null;
    }

    static void rpcError(McpExchange exchange, int status, JsonValue id, int code, String message) {
        exchange.respond(status, Map.of("Content-Type", "application/json"),
                JsonRpc.write(JsonRpc.error(id, code, message)).getBytes(StandardCharsets.UTF_8));
    }

}
