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
        this.in = Files.newInputStream(file);
        this.in.skipNBytes(start);
        this.offset = start;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        long start = offset;
        while (true) {
            if (position == length) {
                length = in.read(buffer);
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
