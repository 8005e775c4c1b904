package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code audit verify}: checks an audit directory with only the checkpoint public key. In
 * order: every checkpoint's signature and key; then every record's frame (one complete JSON
 * line), its hash, sequence continuity from 1, the chain ({@code prev} = the hash before),
 * agreement with the checkpoint signed at its seq; finally that no checkpoint lies beyond
 * the end of the log and that checkpoints are no further apart than their {@code max_gap}.
 * Stops at the first bad record and names it. Stateless.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    public static VerifyReport verify(Path dir, PublicKey key) throws IOException {
        if (!Files.isDirectory(dir)) {
            return VerifyReport.failed(0, 0, 0, dir.toString(), "no audit directory here");
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        String problem = readCheckpoints(dir, key, checkpoints);
        if (problem != null) {
            return VerifyReport.failed(0, 0, checkpoints.size(), Segments.CHECKPOINTS, problem);
        }
        return new ChainCheck(checkpoints).run(Segments.list(dir));
    }

    private static String readCheckpoints(Path dir, PublicKey key, List<Checkpoint> out) throws IOException {
        Path file = dir.resolve(Segments.CHECKPOINTS);
        if (!Files.exists(file)) {
            return null;
        }
        String keyId = CheckpointKeys.keyId(key);
        try (LineScanner lines = new LineScanner(file)) {
            for (LineScanner.Line line = lines.next(); line != null; line = lines.next()) {
                String where = "line " + line.number() + ": ";
                Checkpoint c;
                try {
                    c = Checkpoint.parse(line.text());
                } catch (IllegalArgumentException e) {
                    return where + "not a checkpoint" + (line.terminated() ? "" : " (torn final line)");
                }
                if (!c.keyId().equals(keyId)) {
                    return where + "checkpoint seq " + c.seq() + " is signed by key " + c.keyId() + ", not the given key " + keyId;
                }
                if (!CheckpointKeys.verify(key, c.signedBytes(), c.signature())) {
                    return where + "the signature of checkpoint seq " + c.seq() + " does not verify (forged or edited)";
                }
                if (!out.isEmpty() && c.seq() <= out.get(out.size() - 1).seq()) {
                    return where + "checkpoint seq " + c.seq() + " is not after the one before it";
                }
                out.add(c);
            }
        }
        return null;
    }
}
