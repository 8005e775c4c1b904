package dev.agentbroker.broker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import jakarta.json.JsonObject;

import dev.agentbroker.broker.audit.AuditReader;

/**
 * {@code audit tail}: the last N records as JSON lines; with {@code --follow}, then every new
 * record as it is written (across segment rolls) until interrupted. One per invocation.
 */
final class AuditTail {
    private static final long POLL_MILLIS = 200;

    private final Path dir;
    private final Terminal terminal;
    private Path segment;
    private long offset;

    AuditTail(Path dir, Terminal terminal) {
        this.dir = dir;
        this.terminal = terminal;
    }

    int run(int last, boolean follow) throws IOException {
        Deque<JsonObject> window = new ArrayDeque<>();
        for (Path s : AuditReader.segments(dir)) {
            segment = s;
            offset = AuditReader.scan(s, 0, r -> true, r -> keep(window, r, last)).offset();
        }
        window.forEach(terminal.out()::println);
        terminal.out().flush();
        try {
            while (follow && !Thread.currentThread().isInterrupted()) {
                follow();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException | java.nio.channels.ClosedByInterruptException e) {
            Thread.currentThread().interrupt(); // stopped while waiting or reading: a normal end of --follow
        }
        return Cli.OK;
    }

    private static boolean keep(Deque<JsonObject> window, JsonObject record, int last) {
        window.addLast(record);
        if (window.size() > last) {
            window.removeFirst();
        }
        return true;
    }

    private void follow() throws IOException {
        List<Path> segments = AuditReader.segments(dir);
        for (Path s : segments) {
            if (segment != null && s.compareTo(segment) < 0) {
                continue;
            }
            if (!s.equals(segment)) {
                segment = s;
                offset = 0;
            }
            offset = AuditReader.scan(s, offset, r -> true, r -> {
                terminal.out().println(r);
                return true;
            }).offset();
        }
        terminal.out().flush();
    }
}
