package dev.agentbroker.broker.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.helidon.webserver.http.HttpService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.config.ServerConfig;
import dev.agentbroker.broker.observability.MetricsRegistry;

class BrokerServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private BrokerServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private BrokerServer start(List<HealthCheck> checks, List<HttpService> features) {
        ServerConfig config = new ConfigLoader().parse("test", """
                server:
                  port: 0
                  max-request-bytes: 2048
                  shutdown-grace: 5s
                """).server();
        PrometheusMeterRegistry registry = MetricsRegistry.create();
        server = BrokerServer.start(config, registry, checks, features);
        return server;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWhenEveryCheckPasses() throws Exception {
        start(List.of(check("audit", () -> true)), List.of());
        HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"UP\",\"live\":true,\"ready\":true,\"checks\":{\"audit\":\"UP\"}}", response.body());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void notReadyAnswers503ButStaysLive() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        start(List.of(check("audit", ready::get)), List.of());
        assertEquals(503, get("/health").statusCode());
        assertEquals(503, get("/health/ready").statusCode());
        assertEquals(200, get("/health/live").statusCode());
        ready.set(true);
        assertEquals(200, get("/health").statusCode());
    }

    @Test
    void metricsShowJvmAndPerRouteHttpFigures() throws Exception {
        start(List.of(), List.of());
        get("/health");
        get("/health");
        get("/no/such/thing");
        HttpResponse<String> metrics = get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("content-type").orElseThrow().startsWith("text/plain"));
        String text = metrics.body();
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 2"), text);
        assertTrue(text.contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"), text);
    }

    @Test
    void unknownPathIs404Json() throws Exception {
        start(List.of(), List.of());
        HttpResponse<String> response = get("/nope");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("\"error\":\"not_found\""), response.body());
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        start(List.of(), List.of(rules -> rules.post("/echo", (req, res) -> res.send(req.content().as(String.class)))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(10_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    @Test
    void stopLetsInFlightRequestsFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        start(List.of(), List.of(rules -> rules.get("/slow", (req, res) -> {
            entered.countDown();
            sleep(Duration.ofMillis(800));
            res.send("done");
        })));
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(server.baseUrl().resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        server.stop();
        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("done", response.body());
        server = null;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HealthCheck check(String name, java.util.function.BooleanSupplier ready) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean ready() {
                return ready.getAsBoolean();
            }
        };
    }

}
