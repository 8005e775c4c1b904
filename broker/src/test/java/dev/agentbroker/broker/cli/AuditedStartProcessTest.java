package dev.agentbroker.broker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broker start} as a real process keeps its audit log under {@code --data-dir},
 * reports it in {@code /health}, protects {@code /admin/tasks/...}, and leaves a log that
 * {@code audit verify} accepts after SIGTERM; the token command it prints issues a task token
 * whose exchange the running broker writes to that log.
 */
class AuditedStartProcessTest {
    @Test
    void theRunningBrokerAuditsDurablyAndItsLogVerifies(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("state");
        Process broker = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.agentbroker.broker.Main", "start", "--port", "0",
                "--data-dir", dataDir.toString())).redirectErrorStream(true).start();
        try {
            Started started = listening(broker);
            URI base = started.base();
            assertEquals(0, cli(started.tokenHint().replace("USER", "alice").replace("AGENT", "research-agent")
                    .split(" +")), "the printed token command works against the running broker");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"audit\":\"UP\""), health.body());
            HttpResponse<String> admin = http.send(HttpRequest.newBuilder(base.resolve("/admin/tasks/t1"))
                    .header("Authorization", "Bearer not-a-token").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, admin.statusCode(), admin.body());
            assertTrue(Files.isRegularFile(dataDir.resolve("audit-keys").resolve("checkpoint-ed25519.pub")));
            broker.destroy();
            assertTrue(broker.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, broker.exitValue());
        } finally {
            broker.destroyForcibly();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run("audit", "verify", "--data-dir", dataDir.toString());
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("ok: "), out.toString(StandardCharsets.UTF_8));
        out.reset();
        new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run("audit", "query", "--type", "token.exchanged", "--data-dir", dataDir.toString());
        String exchanged = out.toString(StandardCharsets.UTF_8);
        assertTrue(exchanged.contains("\"user\":\"alice\"") && exchanged.contains("default-exchange-token"), exchanged);
    }

    private static int cli(String... args) {
        return new Cli(System.out, System.err, Map.of()).run(args);
    }

    /** What {@code start} printed: the base URL and the {@code bin/broker token ...} hint without its prefix. */
    private record Started(URI base, String tokenHint) {
    }

    private static Started listening(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        URI base = null;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            int at = line.indexOf("listening on ");
            if (at >= 0) {
                base = URI.create(line.substring(at + "listening on ".length()).trim());
            }
            int hint = line.indexOf("bin/broker token ");
            if (base != null && hint >= 0) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return new Started(base, line.substring(hint + "bin/broker ".length(), line.indexOf("   (")).trim());
            }
        }
        throw new AssertionError("broker did not start:\n" + seen);
    }
}
