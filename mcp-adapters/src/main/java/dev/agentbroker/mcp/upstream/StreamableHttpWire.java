package dev.agentbroker.mcp.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * The Streamable HTTP transport, client side (MCP 2025-06-18 / 2025-11-25 "Transports",
 * Streamable HTTP): every message is a POST answered by JSON, an SSE stream or 202; the
 * server's session id and the negotiated protocol version are sent on every later request;
 * a GET stream carries unrelated server messages. Only the configured headers (the broker's
 * upstream credentials) are sent, never anything from the agent.
 */
final class StreamableHttpWire implements Wire {
    private static final System.Logger LOG = System.getLogger(StreamableHttpWire.class.getName());

    private final String name;
    private final URI url;
    private final Map<String, String> headers;
    private final HttpClient client;
    private volatile Inbound inbound;
    private volatile String sessionId;
    private volatile String protocolVersion;
    private volatile boolean closed;

    StreamableHttpWire(String name, URI url, Map<String, String> headers, Duration connectTimeout) {
        this.name = name;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start(Inbound receiver) {
        this.inbound = receiver;
    }

    @Override
    public void initialized(String version) {
        this.protocolVersion = version;
        Thread.ofVirtual().name("mcp-" + name + "-get").start(this::listen);
    }

    @Override
    public void send(JsonObject message, CallContext hint) throws IOException {
        HttpRequest request = base().header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonRpc.bytes(message))).build();
        JsonValue id = message.containsKey("method") ? message.get("id") : null;
        Thread.ofVirtual().name("mcp-" + name + "-post").start(() -> exchange(request, id, hint));
    }

    private void exchange(HttpRequest request, JsonValue id, CallContext hint) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.headers().firstValue("Mcp-Session-Id").ifPresent(value -> sessionId = value);
            try (InputStream body = response.body()) {
                handle(response, body, id, hint);
            }
        } catch (IOException e) {
            failed(id, hint, "could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpResponse<InputStream> response, InputStream body, JsonValue id, CallContext hint)
            throws IOException {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status == 404 && sessionId != null) {
            inbound.closed("ended its session");
            return;
        }
        if (status >= 400) {
            failed(id, hint, "answered HTTP " + status);
        } else if (type.startsWith("text/event-stream")) {
            SseReader.read(body, event -> deliver(event.data(), hint));
        } else if (type.startsWith("application/json")) {
            deliver(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), hint);
        }
    }

    private void deliver(String data, CallContext hint) {
        if (data.isBlank()) {
            return;
        }
        try {
            if (JsonRpc.parse(data) instanceof JsonObject message) {
                inbound.message(message, hint);
            }
        } catch (McpProtocolException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: ignored a malformed message", name);
        }
    }

    private void failed(JsonValue id, CallContext hint, String what) {
        if (id != null && !closed) {
            inbound.message(JsonRpc.error(id, JsonRpc.UPSTREAM_ERROR, "upstream " + name + " " + what), hint);
        }
    }

    private void listen() {
        HttpRequest request = base().header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 200) {
                    SseReader.read(body, event -> deliver(event.data(), null));
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: GET stream ended", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest.Builder base() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url);
        headers.forEach(builder::header);
        String session = sessionId;
        if (session != null) {
            builder.header("Mcp-Session-Id", session);
        }
        String version = protocolVersion;
        if (version != null) {
            builder.header("MCP-Protocol-Version", version);
        }
        return builder;
    }

    @Override
    public void close() {
        closed = true;
        String session = sessionId;
        if (session != null) {
            try {
                client.send(base().DELETE().timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "{0}: session DELETE failed", name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.shutdownNow();
    }
}
