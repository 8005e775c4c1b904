package dev.agentbroker.broker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.json.JsonObject;

/**
 * Issue 7 acceptance 2: a JVM appending 2,000 records at concurrency 16 is killed with
 * SIGKILL mid-load; after a restart every acknowledged record is in the log with the
 * sequence number it was acknowledged with, and verify passes.
 */
class KillNineTest {
    @Test
    void everyAcknowledgedRecordSurvivesKillNine(@TempDir Path base) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AuditLoadMain.class.getName(), base.toString(), "2000", "16")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Integer, Long> acked = new ConcurrentHashMap<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    ack(acked, line);
                }
            } catch (java.io.IOException e) {
                // the stream closes when the child is killed; acknowledgements read so far count
            }
        });
        int ackedAtKill;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked.size() < 600 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(1);
            }
            ackedAtKill = acked.size();
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, no final checkpoint
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join(5000);
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");
        assertTrue(ackedAtKill >= 600 && acked.size() < 2000, "killed mid-load: " + acked.size() + " acknowledged");

        try (FileAuditSink restarted = AuditLogs.open(base, AuditLogs.config("checkpoint-records", 100))) {
            restarted.record(AuditEvent.builder("broker.started").build());
        }
        Map<Integer, Long> logged = new HashMap<>();
        AuditReader.scan(base.resolve("audit"), r -> "load".equals(r.getString("task", null)),
                r -> logged.put(n(r), r.getJsonNumber("seq").longValue()) == null);
        acked.forEach((n, seq) -> assertEquals(seq, logged.get(n), "acknowledged record " + n + " is in the log"));
        VerifyReport report = AuditLogs.verify(base);
        assertTrue(report.ok(), report.summary());
        assertTrue(report.records() >= acked.size() + 1, report.summary());
    }

    private static void ack(Map<Integer, Long> acked, String line) {
        List<String> parts = List.of(line.split(" "));
        if (parts.size() == 3 && parts.get(0).equals("ack")) {
            acked.put(Integer.parseInt(parts.get(1)), Long.parseLong(parts.get(2)));
        }
    }

    private static int n(JsonObject record) {
        return record.getJsonObject("attributes").getInt("n");
    }
}
