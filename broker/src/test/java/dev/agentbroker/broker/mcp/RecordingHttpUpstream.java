package dev.agentbroker.broker.mcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;

import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.sandbox.NotesServer;

/**
 * A Streamable HTTP upstream on loopback (JSON answers only) serving the sandbox notes server
 * and recording the headers of every request it receives, to prove what the broker forwards.
 */
final class RecordingHttpUpstream implements AutoCloseable {
    final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
    private final NotesServer notes = new NotesServer();
    private final HttpServer server;

    RecordingHttpUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(Map.copyOf(exchange.getRequestHeaders()));
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        JsonObject message = JsonRpc.parse(exchange.getRequestBody().readAllBytes()).asJsonObject();
        AtomicReference<JsonObject> reply = new AtomicReference<>();
        notes.accept(message, reply::set);
        if (reply.get() == null) {
            exchange.sendResponseHeaders(202, -1);
        } else {
            byte[] body = JsonRpc.bytes(reply.get());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
