package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Finds where the log ends after a restart or a write failure: the last complete record of
 * the newest segment (its sequence number and hash, from which the writer continues). A
 * final line that is unterminated or does not match its own hash is a torn write from a
 * crash: its bytes are moved to {@code torn-<segment>-<offset>.bin}, the segment is cut back
 * to the last complete record and the writer notes it in the log ({@code audit.recovered}).
 * Damage before the last line is not repaired: it fails, naming the line, for
 * {@code audit verify} to examine. Stateless.
 */
final class LogRecovery {
    private LogRecovery() {
    }

    /** Where the log ends; cuts a torn last line off first. */
    static Tail recover(Path dir) throws IOException {
        List<Path> segments = Segments.list(dir);
        Torn torn = null;
        for (int i = segments.size() - 1; i >= 0; i--) {
            Path segment = segments.get(i);
            Scan scan = scan(segment);
            if (scan.tornBytes() > 0) {
                torn = cut(dir, segment, scan);
            }
            if (scan.records() > 0) {
                return new Tail(scan.lastSeq(), scan.lastHash(), segment, scan.validLength(), torn);
            }
            if (i == segments.size() - 1 && Segments.firstSeq(segment) > 1) {
                Tail before = i > 0 ? recover(dir, segments.get(i - 1)) : null;
                if (before != null) {
                    return new Tail(before.seq(), before.hash(), segment, 0, torn);
                }
            }
        }
        return new Tail(0, RecordCodec.GENESIS, segments.isEmpty() ? null : segments.get(0), 0, torn);
    }

    private static Tail recover(Path dir, Path segment) throws IOException {
        Scan scan = scan(segment);
        if (scan.tornBytes() > 0 || scan.records() == 0) {
            throw new IOException("audit segment " + segment + " ends with a damaged record before a newer segment;"
                    + " run bin/broker audit verify");
        }
        return new Tail(scan.lastSeq(), scan.lastHash(), segment, scan.validLength(), null);
    }

    static Scan scan(Path segment) throws IOException {
        long records = 0;
        long lastSeq = 0;
        String lastHash = null;
        long valid = 0;
        long size = LineScanner.logicalEnd(segment);
        try (LineScanner lines = new LineScanner(segment)) {
            for (LineScanner.Line line = lines.next(); line != null; line = lines.next()) {
                String problem = problem(line, records == 0 ? -1 : lastSeq, lastHash);
                if (problem != null) {
                    if (line.offset() + line.bytes() < size) {
                        throw new IOException("audit log damaged at " + segment.getFileName() + " line " + line.number()
                                + ": " + problem + "; run bin/broker audit verify");
                    }
                    return new Scan(records, lastSeq, lastHash, valid, size - valid);
                }
                RecordCodec.Sealed sealed = RecordCodec.open(line.text());
                records++;
                lastSeq = sealed.seq();
                lastHash = sealed.hash();
                valid = line.offset() + line.bytes();
            }
        }
        return new Scan(records, lastSeq, lastHash, valid, 0);
    }

    private static String problem(LineScanner.Line line, long previousSeq, String previousHash) {
        if (!line.terminated()) {
            return "unterminated record";
        }
        try {
            RecordCodec.Sealed s = RecordCodec.open(line.text());
            if (!s.intact()) {
                return "content does not match its hash";
            }
            if (previousSeq >= 0 && (s.seq() != previousSeq + 1 || !s.prev().equals(previousHash))) {
                return "does not continue the chain";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Torn cut(Path dir, Path segment, Scan scan) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(scan.tornBytes(), 16 * 1024 * 1024));
            ch.read(bytes, scan.validLength());
            bytes.flip();
            byte[] discarded = new byte[bytes.remaining()];
            bytes.get(discarded);
            Path saved = dir.resolve("torn-" + segment.getFileName() + "-" + scan.validLength() + ".bin");
            Files.write(saved, discarded);
            ch.truncate(scan.validLength());
            ch.force(true);
            return new Torn(segment.getFileName().toString(), scan.validLength(), scan.tornBytes(),
                    "sha256:" + java.util.HexFormat.of().formatHex(RecordCodec.sha256(discarded)), saved.getFileName().toString());
        }
    }

    /** What a segment holds: complete chained records, and how many bytes follow the last of them. */
    record Scan(long records, long lastSeq, String lastHash, long validLength, long tornBytes) {
    }

    /**
     * Where the log ends.
     *
     * @param seq         the last durable record's sequence number, 0 for an empty log
     * @param hash        its hash ({@link RecordCodec#GENESIS} for an empty log)
     * @param segment     the newest segment, to append to, or null when there is none
     * @param validLength the length of that segment
     * @param torn        what was cut off, or null
     */
    record Tail(long seq, String hash, Path segment, long validLength, Torn torn) {
    }

    /** A torn final record that was cut off: where, how many bytes, their digest, where they were saved. */
    record Torn(String segment, long offset, long bytes, String digest, String savedAs) {
    }
}
