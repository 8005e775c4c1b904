package dev.agentbroker.broker.models;

import dev.agentbroker.broker.audit.RecordingAudit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.http.BrokerServer;
import dev.agentbroker.broker.observability.MetricsRegistry;
import dev.agentbroker.llm.CallGate;
import dev.agentbroker.llm.usage.InMemoryBudgetLedger;

/**
 * A broker serving the model endpoints on a real loopback socket, built from a YAML snippet,
 * with {@link TestTokens}, a {@link RecordingAudit} and every log line captured.
 */
final class ModelsHarness implements AutoCloseable {
    final TestTokens tokens = new TestTokens();
    final RecordingAudit audit = new RecordingAudit();
    final List<String> logLines = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BrokerServer server;
    private final Handler capture;

    ModelsHarness(String yaml, Map<String, String> environment) {
        BrokerConfig config = new ConfigLoader().parse("test", "server:\n  port: 0\n" + yaml);
        AtomicReference<String> resource = new AtomicReference<>();
        ModelsService service = ModelsFeature.create(config.providers(), config.models(), tokens, audit, resource::get,
                CallGate.ALLOW_ALL, new InMemoryBudgetLedger(), environment,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logLines) {
                    logLines.add(record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage()
                            + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("dev.agentbroker").setLevel(Level.ALL);
        server = BrokerServer.start(config.server(), MetricsRegistry.create(), List.of(), List.of(service));
        resource.set(server.baseUrl() + "/v1");
        tokens.expectResource(resource.get());
    }

    URI base() {
        return server.baseUrl();
    }

    HttpResponse<String> post(String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base().resolve(path)).header("Authorization", "Bearer " + token);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String logs() {
        synchronized (logLines) {
            return String.join("\n", logLines);
        }
    }

    @Override
    public void close() {
        server.stop();
        Logger.getLogger("").removeHandler(capture);
    }
}
