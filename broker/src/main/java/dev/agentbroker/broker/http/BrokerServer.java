package dev.agentbroker.broker.http;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.net.URI;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.agentbroker.broker.audit.AuditUnavailableException;
import dev.agentbroker.broker.config.ServerConfig;

/**
 * The broker's Helidon SE web server (one virtual thread per request). It always serves
 * {@code /health} and {@code /metrics}; feature services (OAuth, MCP, models, admin) are
 * passed in by {@code Main}. {@link #stop()} lets in-flight requests finish within the
 * configured grace period. Thread-safe.
 */
public final class BrokerServer {
    private static final Logger LOG = Logger.getLogger(BrokerServer.class.getName());

    private final WebServer server;
    private final ServerConfig config;

    private BrokerServer(WebServer server, ServerConfig config) {
        this.server = server;
        this.config = config;
    }

    /** Binds the listener and starts serving; fails if the port cannot be bound. */
    public static BrokerServer start(ServerConfig config, PrometheusMeterRegistry registry,
                                     List<HealthCheck> checks, List<HttpService> features) {
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(config.maxRequestBytes())
                .shutdownGracePeriod(config.shutdownGrace())
                .shutdownHook(false)
                // Streamed answers (SSE) must leave at once, not wait on Nagle's algorithm.
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing -> routing(routing, registry, checks, features))
                .build()
                .start();
        return new BrokerServer(server, config);
    }

    /** The route table: observation filter, error mapping, ops endpoints, then the features. */
    static void routing(HttpRouting.Builder routing, PrometheusMeterRegistry registry,
                        List<HealthCheck> checks, List<HttpService> features) {
        routing.addFilter(new RequestObserver(registry))
                .error(HttpException.class, BrokerServer::httpError)
                .error(AuditUnavailableException.class, BrokerServer::auditUnavailable)
                .error(Throwable.class, BrokerServer::internalError)
                .register("/health", new HealthService(checks))
                .register("/metrics", new MetricsService(registry));
        for (HttpService feature : features) {
            routing.register(feature);
        }
    }

    /** The bound port (useful when the configured port was 0). */
    public int port() {
        return server.port();
    }

    /** The base URL clients use: {@code server.public-url}, or derived from the bound address. */
    public URI baseUrl() {
        return config.publicUrl().orElseGet(() -> URI.create("http://" + hostForUrl(config.host()) + ":" + port()));
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops accepting connections and waits up to the grace period for in-flight requests. */
    public void stop() {
        server.stop();
    }

    private static String hostForUrl(String host) {
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static void httpError(ServerRequest req, ServerResponse res, HttpException error) {
        if (!res.isSent()) {
            Status status = error.status();
            String code = status.code() == 404 ? "not_found" : status.code() == 413 ? "request_too_large" : "invalid_request";
            JsonResponses.send(res, status, JSON.createObjectBuilder().add("error", code)
                    .add("error_description", status.code() == 404 ? "no such endpoint" : status.reasonPhrase()).build());
        }
    }

    /** Fail closed: nothing is served unaudited (docs/audit.md); the cause is in the broker log, not the answer. */
    private static void auditUnavailable(ServerRequest req, ServerResponse res, AuditUnavailableException error) {
        LOG.log(Level.WARNING, "refused " + req.prologue().method().text() + " " + req.matchingPattern()
                .orElse(RequestObserver.UNMATCHED) + ": " + error.getMessage());
        if (!res.isSent()) {
            res.header(io.helidon.http.HeaderNames.RETRY_AFTER, "1");
            JsonResponses.send(res, Status.SERVICE_UNAVAILABLE_503, JSON.createObjectBuilder()
                    .add("error", "audit_unavailable")
                    .add("error_description", "the broker cannot write its audit log, so it refuses requests until it can;"
                            + " see /health and the broker log").build());
        }
    }

    private static void internalError(ServerRequest req, ServerResponse res, Throwable error) {
        LOG.log(Level.SEVERE, "unhandled error on " + req.prologue().method().text() + " "
                + req.matchingPattern().orElse(RequestObserver.UNMATCHED), error);
        if (!res.isSent()) {
            JsonResponses.send(res, Status.INTERNAL_SERVER_ERROR_500,
                    JSON.createObjectBuilder().add("error", "internal_error")
                            .add("error_description", "the broker failed to handle this request; see its log").build());
        }
    }
}
