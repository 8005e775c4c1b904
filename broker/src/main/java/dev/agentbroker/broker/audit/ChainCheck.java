package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The record pass of {@link AuditVerifier}: walks every segment in order, keeping the
 * expected sequence number, the previous hash and the next checkpoint. One per verification.
 */
final class ChainCheck {
    private final List<Checkpoint> checkpoints;
    private int nextCheckpoint;
    private long expected = 1;
    private String prev = RecordCodec.GENESIS;
    private long lastMatchedCheckpoint;
    private long records;
    private String location;

    ChainCheck(List<Checkpoint> checkpoints) {
        this.checkpoints = checkpoints;
    }

    VerifyReport run(List<Path> segments) throws IOException {
        for (Path segment : segments) {
            String problem = segment(segment);
            if (problem != null) {
                return VerifyReport.failed(records, segments.size(), nextCheckpoint, location, problem);
            }
        }
        return finish(segments.size());
    }

    private String segment(Path segment) throws IOException {
        boolean first = true;
        try (LineScanner lines = new LineScanner(segment)) {
            for (LineScanner.Line line = lines.next(); line != null; line = lines.next()) {
                location = segment.getFileName() + " line " + line.number() + " (seq " + expected + ")";
                if (first && Segments.firstSeq(segment) != expected) {
                    return "the segment's name says it starts at seq " + Segments.firstSeq(segment) + ", expected "
                            + expected + " (a segment was removed or renamed)";
                }
                first = false;
                String problem = record(line);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private String record(LineScanner.Line line) {
        if (!line.terminated()) {
            return "the final record is torn (no newline): the log was truncated or a write was cut off";
        }
        RecordCodec.Sealed s;
        try {
            s = RecordCodec.open(line.text());
        } catch (IllegalArgumentException e) {
            return "bad frame: " + e.getMessage() + " (edited?)";
        }
        if (!s.intact()) {
            return "the record's content does not match its hash (edited)";
        }
        if (s.seq() != expected) {
            return s.seq() > expected ? "found seq " + s.seq() + ": records " + expected + ".." + (s.seq() - 1)
                    + " are missing (deleted) or out of order" : "found seq " + s.seq() + " again or out of order (reordered)";
        }
        if (!s.prev().equals(prev)) {
            return "the chain is broken: prev does not match the hash of record " + (expected - 1);
        }
        String checkpoint = checkpoint(s);
        if (checkpoint != null) {
            return checkpoint;
        }
        records++;
        expected++;
        prev = s.hash();
        return null;
    }

    private String checkpoint(RecordCodec.Sealed s) {
        if (nextCheckpoint >= checkpoints.size() || checkpoints.get(nextCheckpoint).seq() != s.seq()) {
            return null;
        }
        Checkpoint c = checkpoints.get(nextCheckpoint);
        if (!c.hash().equals(s.hash())) {
            return "does not match the checkpoint signed for seq " + s.seq() + ": records " + (lastMatchedCheckpoint + 1)
                    + ".." + s.seq() + " were rewritten (a chain recomputed without the checkpoint key)";
        }
        long previous = nextCheckpoint == 0 ? 0 : checkpoints.get(nextCheckpoint - 1).seq();
        long allowed = nextCheckpoint == 0 ? c.maxGap() : checkpoints.get(nextCheckpoint - 1).maxGap();
        if (s.seq() - previous > allowed) {
            return "checkpoints are " + (s.seq() - previous) + " records apart, more than their max_gap " + allowed
                    + " (a checkpoint was deleted)";
        }
        lastMatchedCheckpoint = s.seq();
        nextCheckpoint++;
        return null;
    }

    private VerifyReport finish(long files) {
        long last = expected - 1;
        String end = "end of log (seq " + last + ")";
        if (nextCheckpoint < checkpoints.size()) {
            return VerifyReport.failed(records, files, nextCheckpoint, end, "a checkpoint vouches for seq "
                    + checkpoints.get(nextCheckpoint).seq() + " beyond the end of the log: records " + (last + 1) + ".."
                    + checkpoints.get(nextCheckpoint).seq() + " were truncated");
        }
        long unsigned = last - lastMatchedCheckpoint;
        if (last > 0 && checkpoints.isEmpty()) {
            return VerifyReport.failed(records, files, 0, end, "no signed checkpoint: the log cannot be proven");
        }
        if (!checkpoints.isEmpty() && unsigned > checkpoints.get(checkpoints.size() - 1).maxGap()) {
            return VerifyReport.failed(records, files, nextCheckpoint, end, unsigned + " records follow the last checkpoint,"
                    + " more than its max_gap " + checkpoints.get(checkpoints.size() - 1).maxGap() + " (checkpoints deleted)");
        }
        return new VerifyReport(true, records, files, nextCheckpoint, unsigned, null, null);
    }
}
