package dev.agentbroker.broker.mcp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import dev.agentbroker.mcp.frontend.McpExchange;

/**
 * {@link McpExchange} over one Helidon request and response. Extra headers (CORS) are added
 * to every response. Helidon reports a vanished client with unchecked exceptions; the event
 * stream turns them into {@link IOException}s as the port promises. Used by one request thread;
 * the event stream serialises writers.
 */
final class HelidonExchange implements McpExchange {
    private final ServerRequest req;
    private final ServerResponse res;
    private final Map<String, String> extraHeaders;

    HelidonExchange(ServerRequest req, ServerResponse res, Map<String, String> extraHeaders) {
        this.req = req;
        this.res = res;
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    @Override
    public String header(String name) {
        return req.headers().first(HeaderNames.create(name)).orElse(null);
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        res.status(Status.create(status));
        extraHeaders.forEach((n, v) -> res.header(HeaderNames.create(n), v));
        headers.forEach((n, v) -> res.header(HeaderNames.create(n), v));
        res.send(body);
    }

    @Override
    public EventStream openEventStream(Map<String, String> headers) throws IOException {
        res.status(Status.OK_200);
        extraHeaders.forEach((n, v) -> res.header(HeaderNames.create(n), v));
        headers.forEach((n, v) -> res.header(HeaderNames.create(n), v));
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        try {
            OutputStream out = res.outputStream();
            Stream stream = new Stream(out);
            stream.write(": stream open\n\n");
            return stream;
        } catch (RuntimeException e) {
            throw new IOException("client connection failed", e);
        }
    }

    /** One SSE response body. */
    private static final class Stream implements EventStream {
        private final OutputStream out;
        private boolean closed;

        Stream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void send(String data) throws IOException {
            StringBuilder event = new StringBuilder("event: message\n");
            data.lines().forEach(line -> event.append("data: ").append(line).append('\n'));
            write(event.append('\n').toString());
        }

        @Override
        public void comment(String text) throws IOException {
            write(": " + text + "\n\n");
        }

        synchronized void write(String text) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                closed = true;
                throw new IOException("client connection failed", e);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                try {
                    out.close();
                } catch (IOException | RuntimeException e) {
                    // the client is gone; nothing left to tell it
                }
            }
        }
    }
}
