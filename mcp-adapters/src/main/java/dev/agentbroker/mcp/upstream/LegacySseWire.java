package dev.agentbroker.mcp.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * The legacy HTTP+SSE transport (MCP 2024-11-05 "Transports"): a GET event stream whose
 * first {@code endpoint} event names the URL to POST messages to; every server message
 * arrives on that stream. Only configured headers are sent.
 */
final class LegacySseWire implements Wire {
    private static final System.Logger LOG = System.getLogger(LegacySseWire.class.getName());

    private final String name;
    private final URI url;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient client;
    private final CompletableFuture<URI> endpoint = new CompletableFuture<>();
    private volatile boolean closed;

    LegacySseWire(String name, URI url, Map<String, String> headers, Duration timeout) {
        this.name = name;
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start(Inbound inbound) throws IOException {
        HttpRequest.Builder get = HttpRequest.newBuilder(url).header("Accept", "text/event-stream");
        headers.forEach(get::header);
        Thread.ofVirtual().name("mcp-" + name + "-sse").start(() -> listen(get.GET().build(), inbound));
        try {
            endpoint.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no endpoint event from " + name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private void listen(HttpRequest request, Inbound inbound) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                SseReader.read(body, event -> {
                    if ("endpoint".equals(event.name())) {
                        endpoint.complete(url.resolve(event.data().trim()));
                    } else {
                        deliver(event.data(), inbound);
                    }
                });
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: SSE stream ended", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endpoint.completeExceptionally(new IOException("stream ended"));
        if (!closed) {
            inbound.closed("closed its event stream");
        }
    }

    private void deliver(String data, Inbound inbound) {
        try {
            if (JsonRpc.parse(data) instanceof JsonObject message) {
                inbound.message(message, null);
            }
        } catch (McpProtocolException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: ignored a malformed message", name);
        }
    }

    @Override
    public void send(JsonObject message, CallContext hint) throws IOException {
        URI target = endpoint.getNow(null);
        if (target == null) {
            throw new IOException("not connected");
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonRpc.bytes(message)));
        headers.forEach(post::header);
        try {
            HttpResponse<Void> response = client.send(post.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 400) {
                throw new IOException("HTTP " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public void close() {
        closed = true;
        client.shutdownNow();
    }
}
