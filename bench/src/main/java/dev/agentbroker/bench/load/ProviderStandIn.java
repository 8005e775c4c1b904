package dev.agentbroker.bench.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A local stand-in for a paid LLM provider: real HTTP on 127.0.0.1 (Helidon SE, one
 * virtual thread per request, HTTP/1.1 keep-alive) answering {@code POST
 * /v1/chat/completions} in the OpenAI wire format, as JSON or, when the request says
 * {@code "stream": true}, as SSE. An optional fixed latency is added before the answer (or
 * before the first event), and streamed events are spaced by a fixed delay. Answers are
 * pre-rendered and TCP_NODELAY is set (as a real provider's edge does) so the stand-in is
 * never the bottleneck and never delays a flushed event. Thread-safe.
 *
 * <p>Run on its own JVM by the harness: {@code ProviderStandIn LATENCY_MS CHUNKS
 * CHUNK_DELAY_MS}; it prints {@code listening on PORT} once it serves.
 */
public final class ProviderStandIn implements AutoCloseable {
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern INCLUDE_USAGE = Pattern.compile("\"include_usage\"\\s*:\\s*true");

    private final WebServer server;
    private final StandInReplies replies;
    private final long latencyMs;
    private final long chunkDelayMs;

    ProviderStandIn(long latencyMs, int chunks, long chunkDelayMs) {
        this.replies = StandInReplies.render(chunks);
        this.latencyMs = latencyMs;
        this.chunkDelayMs = chunkDelayMs;
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                // Helidon leaves Nagle on: a streamed event written after the headers then waits
                // for the client's delayed ACK (about 40 ms here) and later events pile up behind it
                .connectionOptions(o -> o.tcpNoDelay(true))
                .routing(r -> r.post("/v1/chat/completions", this::chat))
                .build()
                .start();
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: ProviderStandIn LATENCY_MS CHUNKS CHUNK_DELAY_MS");
            System.exit(2);
        }
        ProviderStandIn standIn = new ProviderStandIn(Long.parseLong(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
        System.out.println("listening on " + standIn.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    int port() {
        return server.port();
    }

    private void chat(ServerRequest req, ServerResponse res) throws InterruptedException {
        String body = new String(req.content().as(byte[].class), StandardCharsets.UTF_8);
        pause(latencyMs);
        if (!STREAM.matcher(body).find()) {
            res.header(HeaderNames.CONTENT_TYPE, "application/json").send(replies.completion());
            return;
        }
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, "text/event-stream")
                .header(HeaderNames.CACHE_CONTROL, "no-cache");
        try (OutputStream out = res.outputStream()) {
            boolean first = true;
            for (byte[] event : replies.streamEvents()) {
                if (!first) {
                    pause(chunkDelayMs);
                }
                first = false;
                out.write(event);
                out.flush();
            }
            if (INCLUDE_USAGE.matcher(body).find()) {
                out.write(replies.usageEvent());
            }
            out.write(replies.done());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
