package dev.agentbroker.broker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditConfig;
import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditFeature;

/** {@code bin/broker audit verify|tail|query} on a real log written by the broker's audit feature. */
class AuditCommandTest {
    @TempDir
    Path dataDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeLog() {
        try (AuditFeature audit = AuditFeature.start(AuditConfig.defaults(), dataDir)) {
            for (int i = 1; i <= 20; i++) {
                audit.sink().record(AuditEvent.builder(i % 2 == 0 ? "tool.call" : "model.call").task("t" + (i % 3), null)
                        .decision(i % 5 == 0 ? "deny" : "allow", List.of(), "v1").attribute("i", i).build());
            }
        }
    }

    @Test
    void verifyPassesOnAnIntactLogAndNamesTheFirstBadRecordOtherwise() throws Exception {
        assertEquals(0, run("audit", "verify", "--data-dir", dataDir.toString()), text(err));
        assertTrue(text(out).startsWith("ok: 20 records in 1 file(s); chain intact;"), text(out));
        assertEquals(0, run("audit", "verify", dataDir.resolve("audit").toString()), "DIR finds ../audit-keys");

        Path segment = dataDir.resolve("audit").resolve("audit-00000000000000000001.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(segment));
        lines.set(6, lines.get(6).replace("\"allow\"", "\"deny\" "));
        Files.write(segment, lines);
        assertEquals(1, run("audit", "verify", "--data-dir", dataDir.toString()));
        assertTrue(text(err).startsWith("FAIL audit-00000000000000000001.jsonl line 7 (seq 7): the record's content"
                + " does not match its hash (edited)"), text(err));
    }

    @Test
    void verifyWithoutThePublicKeySaysWhereItLooked() {
        assertEquals(1, run("audit", "verify", "--data-dir", dataDir.toString(), "--public-key", "/nonexistent.pub"));
        assertTrue(text(err).contains("no checkpoint public key at /nonexistent.pub"), text(err));
    }

    @Test
    void tailPrintsTheLastRecords() {
        assertEquals(0, run("audit", "tail", "-n", "3", "--data-dir", dataDir.toString()));
        List<String> lines = text(out).lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("{\"seq\":18,"), lines.get(0));
        assertTrue(lines.get(2).startsWith("{\"seq\":20,"), lines.get(2));
    }

    @Test
    void tailFollowPrintsRecordsAsTheyAreWritten() throws Exception {
        ByteArrayOutputStream followed = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(followed, true, StandardCharsets.UTF_8);
        Thread tail = Thread.ofPlatform().start(() -> new Cli(stream, stream, Map.of())
                .run("audit", "tail", "-n", "1", "--follow", "--data-dir", dataDir.toString()));
        for (int i = 0; i < 100 && !text(followed).contains("\"seq\":20,"); i++) {
            Thread.sleep(50);
        }
        try (AuditFeature audit = AuditFeature.start(AuditConfig.defaults(), dataDir)) {
            audit.sink().record(AuditEvent.builder("policy.reloaded").build());
            for (int i = 0; i < 100 && !text(followed).contains("policy.reloaded"); i++) {
                Thread.sleep(50);
            }
        } finally {
            tail.interrupt();
            tail.join(5000);
        }
        List<String> lines = text(followed).lines().toList();
        assertTrue(lines.get(0).startsWith("{\"seq\":20,"), text(followed));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"seq\":21,") && l.contains("policy.reloaded")), text(followed));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("error")), text(followed));
    }

    @Test
    void queryFiltersByTaskTypeDecisionAndTime() {
        assertEquals(0, run("audit", "query", "--task", "t1", "--type", "tool.*", "--since", "1h", "--data-dir", dataDir.toString()));
        List<String> lines = text(out).lines().toList();
        assertEquals(List.of(4L, 10L, 16L), lines.stream().map(l -> Long.parseLong(l.substring(7, l.indexOf(',')))).toList());
        out.reset();
        assertEquals(0, run("audit", "query", "--decision", "deny", "--data-dir", dataDir.toString()));
        assertEquals(4, text(out).lines().count());
        out.reset();
        assertEquals(0, run("audit", "query", "--until", "2000-01-01T00:00:00Z", "--data-dir", dataDir.toString()));
        assertEquals(0, text(out).lines().count());
        assertEquals(2, run("audit", "query", "--since", "yesterday", "--data-dir", dataDir.toString()));
        assertTrue(text(err).contains("--since must be an ISO-8601 instant"), text(err));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of()).run(args);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
