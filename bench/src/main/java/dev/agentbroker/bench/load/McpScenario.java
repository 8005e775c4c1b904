package dev.agentbroker.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An MCP {@code tools/call} over Streamable HTTP (MCP 2025-11-25, "Transports"): each worker
 * opens its own session ({@code initialize}, then {@code notifications/initialized}) before
 * the measured loop, then calls the echo tool; the answer (JSON or an SSE event) must be a
 * result carrying the echoed text and not {@code isError}. Both sides speak 2025-11-25, the
 * version the broker speaks to its upstreams, so both measure the same upstream work:
 * server-everything answers a 2025-11-25 call with a priming SSE event and keeps its events
 * for resumption, about 1.4 ms more per call than a 2025-06-18 call on this machine.
 */
final class McpScenario implements Scenario {
    static final String PROTOCOL = "2025-11-25";
    private static final String MESSAGE = "benchmark round trip";

    @Override
    public String id() {
        return "mcp";
    }

    @Override
    public String title() {
        return "MCP tool call (tools/call echo)";
    }

    @Override
    public boolean streamed() {
        return false;
    }

    @Override
    public Call open(HttpClient http, Side side, int worker) throws Exception {
        HttpResponse<String> init = http.send(post(side, null, """
                {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"%s","capabilities":{},\
                "clientInfo":{"name":"agent-broker-bench","version":"1"}}}""".formatted(PROTOCOL)),
                HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElse(null);
        if (init.statusCode() != 200 || !init.body().contains("\"result\"")) {
            throw new CallFailedException("MCP initialize at " + side.url(), init.statusCode(), init.body());
        }
        HttpResponse<String> initialized = http.send(post(side, session,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"), HttpResponse.BodyHandlers.ofString());
        if (initialized.statusCode() / 100 != 2) {
            throw new CallFailedException("MCP notifications/initialized", initialized.statusCode(), initialized.body());
        }
        return new Session(http, side, session, worker);
    }

    static HttpRequest post(Side side, String session, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(side.url()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", PROTOCOL)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        if (side.bearer() != null) {
            b.header("Authorization", "Bearer " + side.bearer());
        }
        return b.build();
    }

    /** One worker's MCP session and its tools/call loop. */
    private static final class Session implements Call {
        private final HttpClient http;
        private final Side side;
        private final String session;
        private final String text;
        private long id;

        Session(HttpClient http, Side side, String session, int worker) {
            this.http = http;
            this.side = side;
            this.session = session;
            this.text = MESSAGE + " " + worker;
        }

        @Override
        public Sample call() throws Exception {
            String json = """
                    {"jsonrpc":"2.0","id":%d,"method":"tools/call","params":{"name":"%s","arguments":{"message":"%s"}}}"""
                    .formatted(++id, side.name(), text);
            HttpRequest request = post(side, session, json);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long total = System.nanoTime() - start;
            String body = response.body();
            if (response.statusCode() != 200 || !body.contains("\"result\"") || !body.contains(text)
                    || body.contains("\"isError\":true")) {
                throw new CallFailedException("MCP tools/call " + side.name(), response.statusCode(), body);
            }
            return new Sample(total, total);
        }

        @Override
        public void close() {
            if (session == null) {
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(side.url()).timeout(Duration.ofSeconds(5)).DELETE()
                    .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", PROTOCOL);
            if (side.bearer() != null) {
                b.header("Authorization", "Bearer " + side.bearer());
            }
            try {
                http.send(b.build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                // closing is courtesy: a server that already dropped the session is fine
            }
        }
    }
}
