package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The state of the log as the writer thread sees it: the segment being appended to, the
 * last durable sequence number and hash, and the checkpoint log. Opening it recovers the
 * end of the log from disk (the same path after a restart and after a write failure), so
 * the sequence and the chain continue from the last durable record. Not thread-safe: owned
 * by the writer thread of {@link FileAuditSink}.
 */
final class LogWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LogWriter.class.getName());

    private final Path dir;
    private final AuditConfig config;
    private final CheckpointKeys keys;
    private final Clock clock;
    private final CheckpointLog checkpoints;
    private final java.security.MessageDigest sha256 = RecordCodec.digest();
    private ActiveSegment segment;
    private long seq;
    private String hash;
    private Instant lastCheckpointAt;

    private LogWriter(Path dir, AuditConfig config, CheckpointKeys keys, Clock clock, CheckpointLog checkpoints,
                      ActiveSegment segment, long seq, String hash) {
        this.dir = dir;
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.segment = segment;
        this.seq = seq;
        this.hash = hash;
        this.lastCheckpointAt = clock.instant();
    }

    /** Recovers the end of the log in {@code dir}, notes a torn record, and signs a checkpoint for what it found. */
    static LogWriter open(Path dir, AuditConfig config, CheckpointKeys keys, Clock clock) throws IOException {
        Files.createDirectories(dir);
        LogRecovery.Tail tail = LogRecovery.recover(dir);
        CheckpointLog checkpoints = CheckpointLog.open(dir);
        try {
            Checkpoint last = checkpoints.last();
            if (last != null && last.seq() > tail.seq()) {
                throw new IOException("the audit log ends at seq " + tail.seq() + " but a signed checkpoint vouches for seq "
                        + last.seq() + ": records are missing; run bin/broker audit verify");
            }
            boolean reuse = tail.segment() != null
                    && (tail.validLength() > 0 || Segments.firstSeq(tail.segment()) == tail.seq() + 1);
            Path path = reuse ? tail.segment() : dir.resolve(Segments.name(tail.seq() + 1));
            ActiveSegment segment = ActiveSegment.open(path, reuse ? tail.validLength() : 0, clock.instant());
            LogWriter writer = new LogWriter(dir, config, keys, clock, checkpoints, segment, tail.seq(), tail.hash());
            if (tail.torn() != null) {
                writer.noteTorn(tail.torn());
            }
            writer.checkpointIfBehind();
            return writer;
        } catch (IOException | RuntimeException e) {
            checkpoints.close();
            throw e;
        }
    }

    /** Appends the bodies as records {@code seq+1...} with one write and one fsync; returns the first seq. */
    long append(List<String> bodies) throws IOException {
        rollIfDue();
        List<byte[]> lines = new java.util.ArrayList<>(bodies.size());
        int bytes = 0;
        long next = seq;
        String prev = hash;
        for (String body : bodies) {
            byte[] line = RecordCodec.seal(++next, body, prev, sha256);
            prev = RecordCodec.hashOf(line);
            lines.add(line);
            bytes += line.length;
        }
        ByteBuffer batch = ByteBuffer.allocate(bytes);
        lines.forEach(batch::put);
        segment.appendDurably(batch.flip());
        long first = seq + 1;
        seq = next;
        hash = prev;
        return first;
    }

    /** Signs a checkpoint when {@code checkpoint-records} records or {@code checkpoint-interval} have passed. */
    void checkpointIfDue() throws IOException {
        long since = seq - lastCheckpointSeq();
        Instant now = clock.instant();
        if (since >= config.checkpointRecords()
                || since > 0 && !lastCheckpointAt.plus(config.checkpointInterval()).isAfter(now)) {
            checkpoint(now);
        }
    }

    /** Signs a checkpoint for the last record unless one already covers it. */
    void checkpointIfBehind() throws IOException {
        if (seq > lastCheckpointSeq()) {
            checkpoint(clock.instant());
        }
    }

    long seq() {
        return seq;
    }

    @Override
    public void close() throws IOException {
        try {
            segment.close();
        } finally {
            checkpoints.close();
        }
    }

    private long lastCheckpointSeq() {
        return checkpoints.last() == null ? 0 : checkpoints.last().seq();
    }

    private void checkpoint(Instant now) throws IOException {
        Checkpoint unsigned = new Checkpoint(seq, hash, now.toString(), config.maxGap(), keys.keyId(), "");
        checkpoints.append(new Checkpoint(seq, hash, unsigned.time(), unsigned.maxGap(), unsigned.keyId(),
                keys.sign(unsigned.signedBytes())));
        lastCheckpointAt = now;
    }

    private void rollIfDue() throws IOException {
        if (segment.shouldRoll(config.rollSize(), config.rollInterval(), clock.instant())) {
            ActiveSegment next = ActiveSegment.open(dir.resolve(Segments.name(seq + 1)), 0, clock.instant());
            segment.close();
            segment = next;
        }
    }

    private void noteTorn(LogRecovery.Torn torn) throws IOException {
        LOG.warning(() -> "audit: cut a torn final record (" + torn.bytes() + " bytes at offset " + torn.offset() + " of "
                + torn.segment() + ", saved as " + torn.savedAs() + "); it was never acknowledged");
        AuditEvent note = AuditEvent.builder("audit.recovered").outcome("torn_record_removed", -1)
                .attribute("segment", torn.segment()).attribute("offset", torn.offset())
                .attribute("torn_bytes", torn.bytes()).attribute("torn_digest", torn.digest())
                .attribute("saved_as", torn.savedAs()).build();
        append(List.of(RecordCodec.body(note, clock.instant())));
    }
}
