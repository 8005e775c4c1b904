package dev.agentbroker.broker.http;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.util.List;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * {@code GET /health} (liveness and readiness together), {@code /health/live} and
 * {@code /health/ready}. Liveness means the server answers; readiness means every
 * {@link HealthCheck} passes. Not ready answers 503 so load balancers stop routing.
 */
final class HealthService implements HttpService {
    private final List<HealthCheck> checks;

    HealthService(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::readiness)
                .get("/ready", this::readiness)
                .get("/live", this::liveness);
    }

    private void liveness(ServerRequest req, ServerResponse res) {
        JsonResponses.send(res, Status.OK_200, JSON.createObjectBuilder().add("status", "UP").build());
    }

    private void readiness(ServerRequest req, ServerResponse res) {
        JsonObject document = document();
        boolean up = "UP".equals(document.getString("status"));
        JsonResponses.send(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, document);
    }

    JsonObject document() {
        JsonObjectBuilder details = JSON.createObjectBuilder();
        boolean allReady = true;
        for (HealthCheck check : checks) {
            boolean ready = safeReady(check);
            allReady &= ready;
            details.add(check.name(), ready ? "UP" : "DOWN");
        }
        return JSON.createObjectBuilder()
                .add("status", allReady ? "UP" : "DOWN")
                .add("live", true)
                .add("ready", allReady)
                .add("checks", details)
                .build();
    }

    private static boolean safeReady(HealthCheck check) {
        try {
            return check.ready();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
