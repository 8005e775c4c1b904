package dev.agentbroker.broker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import dev.agentbroker.broker.audit.AuditConfig;
import dev.agentbroker.broker.audit.AuditFeature;
import dev.agentbroker.broker.audit.AuditReader;
import dev.agentbroker.broker.audit.AuditVerifier;
import dev.agentbroker.broker.audit.CheckpointKeys;
import dev.agentbroker.broker.audit.VerifyReport;
import dev.agentbroker.broker.config.ConfigNode;
import dev.agentbroker.broker.config.ServerConfig;
import dev.agentbroker.broker.http.BrokerServer;
import dev.agentbroker.broker.observability.MetricsRegistry;

/**
 * {@code GET /admin/tasks/{task}} over real HTTP with a real audit log: authentication and
 * scope, the JSON tree, and (issue 7 acceptance 4) an audit directory that stops being
 * writable: 503 and not ready, then automatic recovery with nothing acknowledged missing.
 */
class AdminTaskApiTest {
    @TempDir
    Path dataDir;
    private AuditFeature audit;
    private BrokerServer server;
    private final AdminTokens tokens = new AdminTokens();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        AuditConfig config = ConfigNode.root(Map.of("retry-interval", "50ms")).read(AuditConfig::read);
        audit = AuditFeature.start(config, dataDir);
        MultiHopTask.record(audit.sink());
        String[] resource = new String[1];
        server = BrokerServer.start(new ServerConfig("127.0.0.1", 0, Optional.empty(), 1 << 20, Duration.ofSeconds(1)),
                MetricsRegistry.create(), List.of(audit.healthCheck()),
                List.of(new TaskTraceService(audit.directory(), audit.sink(), tokens, () -> resource[0])));
        resource[0] = server.baseUrl() + "/admin";
        tokens.expectedResource = resource[0];
        tokens.issue("admin-token", "admin");
        tokens.issue("plain-token", "mcp:fs/*");
    }

    @AfterEach
    void stop() {
        server.stop();
        audit.close();
    }

    @Test
    void returnsTheTreeToAnAdminAndAuditsTheRead() throws Exception {
        HttpResponse<String> res = get("/admin/tasks/" + MultiHopTask.TASK, "admin-token");
        assertEquals(200, res.statusCode(), res.body());
        JsonObject doc = Json.createReader(new java.io.StringReader(res.body())).readObject();
        assertEquals(MultiHopTask.TASK, doc.getString("task"));
        assertEquals("alice", doc.getJsonObject("tree").getString("name"));
        assertEquals(1, viewed(MultiHopTask.TASK));
    }

    @Test
    void refusesWithoutAValidTokenOrTheAdminScope() throws Exception {
        HttpResponse<String> none = get("/admin/tasks/" + MultiHopTask.TASK, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, get("/admin/tasks/" + MultiHopTask.TASK, "forged").statusCode());
        HttpResponse<String> plain = get("/admin/tasks/" + MultiHopTask.TASK, "plain-token");
        assertEquals(403, plain.statusCode());
        assertTrue(plain.body().contains("insufficient_scope"), plain.body());
        assertEquals(400, get("/admin/tasks/bad%20id", "admin-token").statusCode());
        assertEquals(404, get("/admin/tasks/unknown", "admin-token").statusCode());
        assertEquals(0, viewed(MultiHopTask.TASK), "refused reads reveal nothing");
    }

    @Test
    void anUnwritableAuditDirectoryMeans503UntilItRecovers() throws Exception {
        AtomicLong answered = new AtomicLong();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/admin/tasks/" + MultiHopTask.TASK, "admin-token").statusCode());
            answered.incrementAndGet();
        }
        // Fault: the audit directory is moved away and a regular file takes its path. Running as
        // root, permissions would not stop a write; this does, and the writer must notice that its
        // open file is no longer the log instead of writing into an unlinked file.
        Path dir = audit.directory();
        Path moved = dir.resolveSibling("audit.moved");
        Files.move(dir, moved);
        Files.writeString(dir, "not a directory");

        HttpResponse<String> refused = get("/admin/tasks/" + MultiHopTask.TASK, "admin-token");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"error\":\"audit_unavailable\""), refused.body());
        assertTrue(refused.body().contains("cannot write its audit log"), refused.body());
        assertEquals(503, get("/admin/tasks/" + MultiHopTask.TASK, "admin-token").statusCode());
        HttpResponse<String> health = get("/health", null);
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("\"audit\":\"DOWN\""), health.body());

        Files.delete(dir);
        Files.move(moved, dir);
        awaitReady();
        assertEquals(200, get("/admin/tasks/" + MultiHopTask.TASK, "admin-token").statusCode());
        answered.incrementAndGet();

        assertEquals(answered.get(), viewed(MultiHopTask.TASK), "every answered read is in the log");
        audit.close();
        VerifyReport report = AuditVerifier.verify(dir, CheckpointKeys.readPublic(
                dataDir.resolve("audit-keys").resolve(CheckpointKeys.PUBLIC_FILE)));
        assertTrue(report.ok(), report.summary());
    }

    private void awaitReady() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (get("/health", null).statusCode() == 200) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the audit log did not recover");
    }

    private long viewed(String task) throws Exception {
        AtomicLong n = new AtomicLong();
        AuditReader.scan(audit.directory(), r -> "admin.task_viewed".equals(r.getString("type"))
                && task.equals(r.getJsonObject("attributes").getString("viewed_task", null)), r -> n.incrementAndGet() > 0);
        return n.get();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }
}
