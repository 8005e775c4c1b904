package dev.agentbroker.broker.audit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up fails closed, naming the key, when the audit log or its key cannot be opened. */
class AuditFeatureTest {
    @TempDir
    Path dataDir;

    @Test
    void anUnusableAuditDirectoryStopsStartUpNamingTheKey() throws Exception {
        Files.writeString(dataDir.resolve("audit"), "a file where the log directory should be");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AuditFeature.start(AuditConfig.defaults(), dataDir));
        assertTrue(e.getMessage().contains("(audit.directory)"), e.getMessage());
    }

    @Test
    void aDamagedCheckpointKeyStopsStartUpNamingTheKey() throws Exception {
        Files.createDirectories(dataDir.resolve("audit-keys"));
        Files.writeString(dataDir.resolve("audit-keys").resolve("checkpoint-ed25519.key"), "bm90IGEga2V5\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AuditFeature.start(AuditConfig.defaults(), dataDir));
        assertTrue(e.getMessage().contains("(audit.key-directory)"), e.getMessage());
    }

    @Test
    void aLogDamagedBeforeItsLastLineIsNotRepairedButRefused() throws Exception {
        try (AuditFeature audit = AuditFeature.start(AuditConfig.defaults(), dataDir)) {
            for (int i = 0; i < 5; i++) {
                audit.sink().record(AuditLogs.event("t", i));
            }
        }
        Path segment = Segments.list(dataDir.resolve("audit")).get(0);
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(segment));
        lines.set(1, lines.get(1).replace("alice", "mallory"));
        Files.write(segment, lines);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AuditFeature.start(AuditConfig.defaults(), dataDir));
        assertTrue(e.getMessage().contains("line 2: content does not match its hash"), e.getMessage());
    }
}
