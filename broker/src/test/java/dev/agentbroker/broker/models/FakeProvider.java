package dev.agentbroker.broker.models;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real local HTTP server speaking a provider's wire format from a script: each request
 * takes the next {@link Reply} (or the default one) and is recorded. Replies can fail with
 * a status, hang, send bytes slowly, or drop the connection mid-stream.
 */
final class FakeProvider implements AutoCloseable {
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    final java.util.concurrent.atomic.AtomicInteger aborted = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Reply fallback = Reply.status(500, "{\"error\":{\"message\":\"no reply scripted\"}}");

    /** A request as received. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A scripted answer. {@code dropAfter} >= 0 cuts the connection after that many chunks. */
    record Reply(int status, String contentType, Map<String, String> headers, List<String> chunks, long delayMs,
                 long hangMs, int dropAfter) {
        static Reply json(String body) {
            return new Reply(200, "application/json", Map.of(), List.of(body), 0, 0, -1);
        }

        static Reply sse(long delayMs, List<String> events) {
            return new Reply(200, "text/event-stream", Map.of(), events, delayMs, 0, -1);
        }

        static Reply status(int status, String body) {
            return new Reply(status, "application/json", Map.of(), List.of(body), 0, 0, -1);
        }

        static Reply hang(long millis) {
            return new Reply(200, "application/json", Map.of(), List.of("{}"), 0, millis, -1);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, h, chunks, delayMs, hangMs, dropAfter);
        }

        Reply droppingAfter(int chunksSent) {
            return new Reply(status, contentType, headers, chunks, delayMs, hangMs, chunksSent);
        }
    }

    private FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeProvider start() throws IOException {
        return new FakeProvider();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void enqueue(Reply... replies) {
        script.addAll(List.of(replies));
    }

    void byDefault(Reply reply) {
        fallback = reply;
    }

    List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = script.poll();
        if (reply == null) {
            reply = fallback;
        }
        try {
            if (reply.hangMs() > 0) {
                Thread.sleep(reply.hangMs());
            }
            respond(exchange, reply);
        } catch (IOException e) {
            aborted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        long length = reply.dropAfter() >= 0 ? 1_000_000 : 0;
        exchange.sendResponseHeaders(reply.status(), length);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < reply.chunks().size(); i++) {
            if (i == reply.dropAfter()) {
                return;
            }
            if (i > 0 && reply.delayMs() > 0) {
                Thread.sleep(reply.delayMs());
            }
            out.write(reply.chunks().get(i).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
