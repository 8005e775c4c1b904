package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code checkpoints.jsonl}: appends signed checkpoints durably. On open it reads the last
 * complete checkpoint and cuts off a torn last line (a checkpoint is re-signed at once after
 * start, so nothing is lost). Used by the single writer thread only.
 */
final class CheckpointLog implements AutoCloseable {
    private final FileChannel channel;
    private Checkpoint last;

    private CheckpointLog(FileChannel channel, Checkpoint last) {
        this.channel = channel;
        this.last = last;
    }

    static CheckpointLog open(Path dir) throws IOException {
        Path file = dir.resolve(Segments.CHECKPOINTS);
        Checkpoint last = null;
        long valid = 0;
        if (java.nio.file.Files.exists(file)) {
            long size = java.nio.file.Files.size(file);
            try (LineScanner lines = new LineScanner(file)) {
                for (LineScanner.Line line = lines.next(); line != null; line = lines.next()) {
                    try {
                        if (!line.terminated()) {
                            throw new IllegalArgumentException("unterminated");
                        }
                        last = Checkpoint.parse(line.text());
                        valid = line.offset() + line.bytes();
                    } catch (IllegalArgumentException e) {
                        if (line.offset() + line.bytes() < size) {
                            throw new IOException(file + " is damaged at line " + line.number()
                                    + "; run bin/broker audit verify");
                        }
                    }
                }
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(valid);
        channel.position(valid);
        return new CheckpointLog(channel, last);
    }

    /** The newest checkpoint, or null when none was written yet. */
    Checkpoint last() {
        return last;
    }

    void append(Checkpoint checkpoint) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(checkpoint.toLine().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
        last = checkpoint;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
