package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

/**
 * Reads the records of an audit directory in log order for {@code audit tail}, {@code audit
 * query}, {@code trace} and the admin API. A reader, not a verifier: a line that is not a
 * record (e.g. a torn tail) is skipped. Stateless.
 */
public final class AuditReader {
    private AuditReader() {
    }

    /** A consumer of records that may stop the scan by returning false. */
    @FunctionalInterface
    public interface Visitor {
        boolean visit(JsonObject record);
    }

    /** Calls {@code visitor} with every record matching {@code filter}, in order, until it returns false. */
    public static void scan(Path dir, Predicate<JsonObject> filter, Visitor visitor) throws IOException {
        scan(dir, "", filter, visitor);
    }

    /**
     * Like {@link #scan(Path, Predicate, Visitor)}, parsing only the lines that contain
     * {@code needle} (e.g. {@code "task":"t1"}), which makes a search by task cheap.
     */
    public static void scan(Path dir, String needle, Predicate<JsonObject> filter, Visitor visitor) throws IOException {
        for (Path segment : Segments.list(dir)) {
            if (!scan(segment, 0, needle, filter, visitor).more()) {
                return;
            }
        }
    }

    /** Reads one segment from byte {@code offset}; returns where complete lines end and whether to go on. */
    public static Position scan(Path segment, long offset, Predicate<JsonObject> filter, Visitor visitor) throws IOException {
        return scan(segment, offset, "", filter, visitor);
    }

    private static Position scan(Path segment, long offset, String needle, Predicate<JsonObject> filter, Visitor visitor)
            throws IOException {
        long end = offset;
        try (LineScanner lines = new LineScanner(segment, offset)) {
            for (LineScanner.Line line = lines.next(); line != null && line.terminated(); line = lines.next()) {
                end = line.offset() + line.bytes();
                if (!line.text().contains(needle)) {
                    continue;
                }
                JsonObject record = parse(line.text());
                if (record != null && filter.test(record) && !visitor.visit(record)) {
                    return new Position(end, false);
                }
            }
        }
        return new Position(end, true);
    }

    /** The segment files of {@code dir} in log order. */
    public static java.util.List<Path> segments(Path dir) throws IOException {
        return Segments.list(dir);
    }

    private static JsonObject parse(String line) {
        try {
            return RecordCodec.open(line).json();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Where a scan stopped: the byte after the last complete line read, and whether the visitor wants more. */
    public record Position(long offset, boolean more) {
    }
}
