package dev.agentbroker.broker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 acceptance 3: each kind of tampering with a real log is detected by verify, which
 * names the first bad record. The log: 300 records, a checkpoint every 50 (max gap 60).
 */
class TamperDetectionTest {
    @TempDir
    Path base;
    private Path segment;

    @BeforeEach
    void writeLog() throws IOException {
        try (FileAuditSink sink = AuditLogs.open(base, AuditLogs.config("checkpoint-records", 50, "batch-max-records", 10))) {
            for (int i = 1; i <= 300; i++) {
                sink.record(AuditLogs.event("t1", i));
            }
        }
        segment = Segments.list(base.resolve("audit")).get(0);
        VerifyReport clean = AuditLogs.verify(base);
        assertTrue(clean.ok(), clean.summary());
    }

    @Test
    void anEditedByteIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        List<String> lines = Files.readAllLines(segment);
        int offset = 0;
        for (int i = 0; i < 122; i++) {
            offset += lines.get(i).length() + 1;
        }
        int at = offset + lines.get(122).indexOf("fs__read_file") + 3;
        bytes[at] = (byte) 'X';
        Files.write(segment, bytes);
        assertFails("line 123 (seq 123)", "does not match its hash");
    }

    @Test
    void aDeletedRecordIsNamed() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        lines.remove(99);
        write(lines);
        assertFails("line 100 (seq 100)", "records 100..100 are missing");
    }

    @Test
    void twoSwappedRecordsAreNamed() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        Collections.swap(lines, 200, 201);
        write(lines);
        assertFails("line 201 (seq 201)", "found seq 202");
    }

    @Test
    void aTailTruncatedAtARecordBoundaryIsDetectedByTheLastCheckpoint() throws IOException {
        List<String> lines = Files.readAllLines(segment);
        write(lines.subList(0, 297));
        assertFails("end of log (seq 297)", "checkpoint vouches for seq 300 beyond the end of the log");
    }

    @Test
    void aTailCutMidRecordIsDetected() throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        assertFails("line 300 (seq 300)", "torn");
    }

    @Test
    void aChainRecomputedWithoutTheCheckpointKeyIsDetected() throws IOException {
        List<String> lines = Files.readAllLines(segment);
        List<String> forged = new ArrayList<>(lines.subList(0, 129));
        String prev = RecordCodec.open(lines.get(128)).hash();
        for (int i = 129; i < lines.size(); i++) {
            String line = lines.get(i);
            String edited = i == 129 ? line.replace("permit-read", "permit-writ") : line;
            String body = edited.substring(edited.indexOf(',') + 1, edited.lastIndexOf(",\"prev\":"));
            String sealed = RecordCodec.seal(i + 1, body, prev);
            prev = RecordCodec.open(sealed.strip()).hash();
            forged.add(sealed.strip());
        }
        write(forged);
        VerifyReport report = AuditLogs.verify(base);
        assertFalse(report.ok());
        assertEquals("audit-00000000000000000001.jsonl line 150 (seq 150)", report.location(), report.summary());
        assertTrue(report.problem().contains("records 101..150 were rewritten"), report.summary());
    }

    @Test
    void aForgedCheckpointIsRejected() throws IOException {
        Path file = base.resolve("audit").resolve(Segments.CHECKPOINTS);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        Checkpoint c = Checkpoint.parse(lines.get(2));
        lines.set(2, new Checkpoint(c.seq(), "0".repeat(64), c.time(), c.maxGap(), c.keyId(), c.signature()).toLine().strip());
        Files.write(file, lines);
        VerifyReport report = AuditLogs.verify(base);
        assertFalse(report.ok());
        assertTrue(report.problem().contains("does not verify"), report.summary());
    }

    @Test
    void deletedCheckpointsAreDetected() throws IOException {
        Path file = base.resolve("audit").resolve(Segments.CHECKPOINTS);
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(lines.size() - 1)));
        VerifyReport report = AuditLogs.verify(base);
        assertFalse(report.ok());
        assertTrue(report.problem().contains("a checkpoint was deleted"), report.summary());

        Files.delete(file);
        report = AuditLogs.verify(base);
        assertFalse(report.ok());
        assertTrue(report.problem().contains("no signed checkpoint"), report.summary());
    }

    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        CheckpointKeys other = CheckpointKeys.loadOrCreate(base.resolve("other-keys"));
        VerifyReport report = AuditVerifier.verify(base.resolve("audit"), other.publicKey());
        assertFalse(report.ok());
        assertTrue(report.problem().contains("not the given key"), report.summary());
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(segment, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private void assertFails(String location, String problem) throws IOException {
        VerifyReport report = AuditLogs.verify(base);
        assertFalse(report.ok(), "tampering went unnoticed");
        assertTrue(report.location().endsWith(location), report.summary());
        assertTrue(report.problem().contains(problem), report.summary());
    }
}
