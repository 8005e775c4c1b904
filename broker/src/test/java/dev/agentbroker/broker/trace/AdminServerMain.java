package dev.agentbroker.broker.trace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.agentbroker.broker.audit.AuditConfig;
import dev.agentbroker.broker.audit.AuditFeature;
import dev.agentbroker.broker.config.ServerConfig;
import dev.agentbroker.broker.http.BrokerServer;
import dev.agentbroker.broker.observability.MetricsRegistry;

/**
 * A child JVM for the HTTP kill -9 test: the broker's server with the real audit feature
 * and the audited admin task API, authenticated by the test verifier (token
 * {@code admin-token}) until the JWT verifier is wired into {@code Broker.start}. Prints
 * {@code listening URL}; SIGTERM stops it cleanly.
 */
public final class AdminServerMain {
    private AdminServerMain() {
    }

    public static void main(String[] args) {
        AuditFeature audit = AuditFeature.start(AuditConfig.defaults(), Path.of(args[0]));
        AdminTokens tokens = new AdminTokens();
        String[] resource = new String[1];
        BrokerServer server = BrokerServer.start(new ServerConfig("127.0.0.1", 0, Optional.empty(), 1 << 20,
                        Duration.ofSeconds(2)), MetricsRegistry.create(), List.of(audit.healthCheck()),
                List.of(new TaskTraceService(audit.directory(), audit.sink(), tokens, () -> resource[0])));
        resource[0] = server.baseUrl() + "/admin";
        tokens.expectedResource = resource[0];
        tokens.issue("admin-token", "admin");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            audit.close();
        }));
        System.out.println("listening " + server.baseUrl());
        System.out.flush();
    }
}
