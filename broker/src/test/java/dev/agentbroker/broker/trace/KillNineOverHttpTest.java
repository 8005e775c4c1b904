package dev.agentbroker.broker.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditReader;
import dev.agentbroker.broker.audit.AuditVerifier;
import dev.agentbroker.broker.audit.CheckpointKeys;
import dev.agentbroker.broker.audit.VerifyReport;

/**
 * Issue 7 acceptance 2 over HTTP: a server process answering audited admin reads is killed
 * with SIGKILL during a bounded load of 2,000 requests at concurrency 16. After a restart on
 * the same data directory, every request that received an answer has its record, and the
 * log verifies.
 */
class KillNineOverHttpTest {
    private static final int REQUESTS = 2000;

    @Test
    void everyAnsweredRequestIsAuditedAfterKillNine(@TempDir Path dataDir) throws Exception {
        Process broker = start(dataDir);
        URI base = listening(broker);
        Set<Integer> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        HttpClient http = HttpClient.newHttpClient();
        try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 16; w++) {
                load.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        if (get(http, base, i) == 404) {
                            answered.add(i);
                        }
                    }
                });
            }
            while (answered.size() < 500 && broker.isAlive()) {
                Thread.sleep(1);
            }
            broker.destroyForcibly(); // SIGKILL mid-load
            assertTrue(broker.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, broker.exitValue());
        assertTrue(answered.size() >= 500 && answered.size() < REQUESTS, answered.size() + " answered before the kill");

        Process restarted = start(dataDir);
        listening(restarted);
        restarted.destroy(); // SIGTERM: clean stop, last checkpoint
        assertTrue(restarted.waitFor(30, TimeUnit.SECONDS));

        Set<Integer> audited = ConcurrentHashMap.newKeySet();
        AuditReader.scan(dataDir.resolve("audit"), r -> "admin.task_viewed".equals(r.getString("type")),
                r -> audited.add(Integer.parseInt(r.getJsonObject("attributes").getString("viewed_task").substring(5))));
        Set<Integer> missing = new java.util.TreeSet<>(answered);
        missing.removeAll(audited);
        assertEquals(Set.of(), missing, "answered requests without an audit record");
        VerifyReport report = AuditVerifier.verify(dataDir.resolve("audit"),
                CheckpointKeys.readPublic(dataDir.resolve("audit-keys").resolve(CheckpointKeys.PUBLIC_FILE)));
        assertTrue(report.ok(), report.summary());
    }

    private static int get(HttpClient http, URI base, int i) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/admin/tasks/load-" + i))
                    .header("Authorization", "Bearer admin-token").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1; // the server died under this request: no answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Process start(Path dataDir) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AdminServerMain.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static URI listening(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("listening ")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return URI.create(line.substring("listening ".length()));
            }
        }
        throw new AssertionError("the server did not start");
    }
}
