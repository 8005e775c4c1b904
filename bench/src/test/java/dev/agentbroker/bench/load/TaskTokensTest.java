package dev.agentbroker.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token step against a real local HTTP server playing the broker's token endpoint. */
class TaskTokensTest {
    private HttpServer server;
    private final AtomicReference<String> form = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsClientCredentialsWithBasicAuthAndTheResourceAndReturnsTheToken() throws Exception {
        TaskTokens.Outcome outcome = tokens(200, "{\"access_token\":\"eyJ.abc.def\",\"token_type\":\"Bearer\"}")
                .fetch(URI.create("http://127.0.0.1:9/v1"));
        assertEquals("eyJ.abc.def", outcome.token());
        assertNull(outcome.problem());
        String sent = URLDecoder.decode(form.get(), StandardCharsets.UTF_8);
        assertTrue(sent.contains("grant_type=client_credentials"), sent);
        assertTrue(sent.contains("scope=model:bench mcp:everything"), sent);
        assertTrue(sent.contains("resource=http://127.0.0.1:9/v1"), sent);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("bench-agent:s3cret".getBytes(StandardCharsets.UTF_8)),
                authorization.get());
    }

    @Test
    void aMissingEndpointSaysThroughBrokerFiguresAreNotMeasured() throws Exception {
        TaskTokens.Outcome outcome = tokens(404, "{\"error\":\"not found\"}").fetch(URI.create("http://127.0.0.1:9/v1"));
        assertNull(outcome.token());
        assertEquals("token endpoint missing (POST /oauth2/token answered 404): through-broker figures not measured",
                outcome.problem());
    }

    @Test
    void aRefusalIsReportedWithTheOAuthError() throws Exception {
        TaskTokens.Outcome outcome = tokens(401, "{\"error\":\"invalid_client\"}").fetch(URI.create("http://127.0.0.1:9/mcp"));
        assertNull(outcome.token());
        assertTrue(outcome.problem().contains("HTTP 401") && outcome.problem().contains("invalid_client"), outcome.problem());
    }

    private TaskTokens tokens(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            form.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        URI broker = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new TaskTokens(HttpClient.newHttpClient(), broker, "bench-agent", "s3cret", "model:bench mcp:everything");
    }
}
