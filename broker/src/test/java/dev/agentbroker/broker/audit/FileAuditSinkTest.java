package dev.agentbroker.broker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The file sink against a real directory: concurrency, chain, checkpoints, rolling, restart, torn tails. */
class FileAuditSinkTest {
    @TempDir
    Path base;

    @Test
    void concurrentCallersGetDistinctDurableSequenceNumbers() throws Exception {
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        try (FileAuditSink sink = AuditLogs.open(base, AuditLogs.config("checkpoint-records", 100));
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, 2000).forEach(i -> pool.submit(() -> seqs.add(sink.record(AuditLogs.event("t1", i)))));
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        assertEquals(2000, seqs.size());
        assertEquals(1, seqs.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertEquals(2000, seqs.stream().mapToLong(Long::longValue).max().orElseThrow());
        VerifyReport report = AuditLogs.verify(base);
        assertTrue(report.ok(), report.summary());
        assertEquals(2000, report.records());
        assertTrue(report.checkpoints() >= 2, report.summary());
        assertEquals(0, report.unsigned(), "close signs a last checkpoint");
    }

    @Test
    void recordsCarryTheContractFieldsAndNoMore() throws Exception {
        try (FileAuditSink sink = AuditLogs.open(base, AuditLogs.config())) {
            sink.record(AuditLogs.event("t1", 7));
        }
        JsonObject r = Json.createReader(new java.io.StringReader(AuditLogs.lines(base).get(0))).readObject();
        assertEquals(List.of("seq", "time", "type", "task", "trace", "user", "actors", "client", "token_id", "action",
                "resource", "decision", "policy_ids", "policy_version", "outcome", "latency_us", "attributes", "prev", "hash"),
                List.copyOf(r.keySet()));
        assertEquals(RecordCodec.GENESIS, r.getString("prev"));
        assertEquals(7, r.getJsonObject("attributes").getInt("n"));
    }

    @Test
    void segmentsRollBySizeAndTheChainContinuesAcrossThem() throws Exception {
        try (FileAuditSink sink = AuditLogs.open(base, AuditLogs.config("roll-size", 65536, "checkpoint-records", 50))) {
            for (int i = 0; i < 600; i++) {
                sink.record(AuditLogs.event("t1", i));
            }
        }
        List<Path> segments = Segments.list(base.resolve("audit"));
        assertTrue(segments.size() >= 3, "rolled into " + segments);
        assertEquals(1, Segments.firstSeq(segments.get(0)));
        VerifyReport report = AuditLogs.verify(base);
        assertTrue(report.ok(), report.summary());
        assertEquals(600, report.records());
    }

    @Test
    void aRestartContinuesTheSequenceAndTheChain() throws Exception {
        writeTwoRecords();
        try (FileAuditSink sink = AuditLogs.open(base, AuditLogs.config())) {
            assertEquals(3, sink.record(AuditLogs.event("t1", 3)));
        }
        VerifyReport report = AuditLogs.verify(base);
        assertTrue(report.ok(), report.summary());
        assertEquals(3, report.records());
    }

    @Test
    void aTornLastLineIsCutOffNotedAndSavedNeverMerged() throws Exception {
        writeTwoRecords();
        Path segment = Segments.list(base.resolve("audit")).get(0);
        String torn = "{\"seq\":3,\"time\":\"2026-12-01T00:00:00Z\",\"type\":\"tool.ca";
        Files.writeString(segment, torn, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertTrue(!AuditLogs.verify(base).ok(), "verify sees the torn tail before recovery");

        try (FileAuditSink sink = AuditLogs.open(base, AuditLogs.config())) {
            assertEquals(4, sink.record(AuditLogs.event("t1", 4)), "seq 3 is the recovery note");
        }
        List<String> lines = AuditLogs.lines(base);
        assertEquals(4, lines.size());
        JsonObject note = Json.createReader(new java.io.StringReader(lines.get(2))).readObject();
        assertEquals("audit.recovered", note.getString("type"));
        assertEquals(torn.length(), note.getJsonObject("attributes").getInt("torn_bytes"));
        Path saved = base.resolve("audit").resolve(note.getJsonObject("attributes").getString("saved_as"));
        assertEquals(torn, Files.readString(saved), "the discarded bytes are kept for inspection");
        assertTrue(lines.stream().noneMatch(l -> l.contains("tool.ca\"") || l.startsWith(torn)), "never merged");
        VerifyReport report = AuditLogs.verify(base);
        assertTrue(report.ok(), report.summary());
    }

    @Test
    void refusesToContinueALogTruncatedBehindASignedCheckpoint() throws Exception {
        writeTwoRecords();
        Path segment = Segments.list(base.resolve("audit")).get(0);
        List<String> lines = Files.readAllLines(segment);
        Files.writeString(segment, lines.get(0) + "\n");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> AuditLogs.open(base, AuditLogs.config()));
        assertTrue(e.getMessage().contains("vouches for seq 2"), e.getMessage());
    }

    private void writeTwoRecords() throws java.io.IOException {
        try (FileAuditSink sink = AuditLogs.open(base, AuditLogs.config())) {
            sink.record(AuditLogs.event("t1", 1));
            sink.record(AuditLogs.event("t1", 2));
        }
    }
}
