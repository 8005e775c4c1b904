package dev.agentbroker.broker.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every HTTP request, records {@code http_server_requests_seconds} by method, route
 * pattern and status, and writes one access-log line. Only the route pattern is logged,
 * never the raw path, query, headers or body, so a token cannot leak through this log.
 * Thread-safe.
 */
final class RequestObserver implements Filter {
    private static final Logger ACCESS = Logger.getLogger("dev.agentbroker.broker.access");
    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    RequestObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            chain.proceed();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            long elapsed = System.nanoTime() - start;
            String route = routeLabel(req);
            int status = failure == null ? res.status().code() : 500;
            String method = req.prologue().method().text();
            Timer.builder("http.server.requests")
                    .description("HTTP requests served, by method, route pattern and status")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram(false)
                    .register(registry)
                    .record(Duration.ofNanos(elapsed));
            log(method, route, status, elapsed);
        }
    }

    /** The matched route pattern without a trailing slash ({@code /health}, not {@code /health/}). */
    static String routeLabel(RoutingRequest req) {
        String pattern = req.matchingPattern().orElse(UNMATCHED);
        return pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }

    private static void log(String method, String route, int status, long elapsedNanos) {
        if (!ACCESS.isLoggable(Level.INFO)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", method);
        fields.put("route", route);
        fields.put("status", status);
        fields.put("latency_ms", Math.round(elapsedNanos / 1_000.0) / 1_000.0);
        LogRecord record = new LogRecord(Level.INFO, "request");
        record.setLoggerName(ACCESS.getName());
        record.setParameters(new Object[] {fields});
        ACCESS.log(record);
    }
}
