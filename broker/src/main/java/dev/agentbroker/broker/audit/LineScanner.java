package dev.agentbroker.broker.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON-lines file line by line with byte offsets, telling a complete line (ended by
 * a newline) from an unterminated tail (a torn write). Not thread-safe; one per file read.
 */
final class LineScanner implements AutoCloseable {
    private final InputStream in;
    private final long end;
    private long read;
    private final byte[] buffer = new byte[64 * 1024];
    private int length;
    private int position;
    private long offset;
    private long lineNumber;

    LineScanner(Path file) throws IOException {
        this(file, 0);
    }

    /** Starts at byte {@code start}, which must be the first byte of a line; line numbers then count from there. */
    LineScanner(Path file, long start) throws IOException {
        this.end = logicalEnd(file);
        this.in = Files.newInputStream(file);
        this.in.skipNBytes(Math.min(start, end));
        this.offset = Math.min(start, end);
        this.read = offset;
    }

    /**
     * The length of a segment without the zero bytes the writer preallocates after its last
     * record (see {@link ActiveSegment}); those are free space, not content.
     */
    static long logicalEnd(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long end = ch.size();
            java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(64 * 1024);
            while (end > 0) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), end));
                long from = end - chunk.limit();
                while (chunk.hasRemaining() && ch.read(chunk, from + chunk.position()) >= 0) {
                    // fill the chunk
                }
                for (int i = chunk.position() - 1; i >= 0; i--) {
                    if (chunk.get(i) != 0) {
                        return from + i + 1;
                    }
                }
                end = from;
            }
            return 0;
        }
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        long start = offset;
        while (true) {
            if (position == length) {
                length = read >= end ? -1 : in.read(buffer, 0, (int) Math.min(buffer.length, end - read));
                read += Math.max(length, 0);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return line.size() == 0 ? null : new Line(++lineNumber, start, decode(line), false, line.size());
                }
            }
            int from = position;
            while (position < length && buffer[position] != '\n') {
                position++;
            }
            line.write(buffer, from, position - from);
            offset += position - from;
            if (position < length) {
                position++;
                offset++;
                return new Line(++lineNumber, start, decode(line), true, line.size() + 1);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static String decode(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * One line.
     *
     * @param number     1-based line number
     * @param offset     byte offset of its first byte
     * @param text       its text without the newline
     * @param terminated whether a newline ends it
     * @param bytes      its length in bytes, newline included
     */
    record Line(long number, long offset, String text, boolean terminated, long bytes) {
    }
}
