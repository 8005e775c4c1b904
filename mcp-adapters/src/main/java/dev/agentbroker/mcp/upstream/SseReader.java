package dev.agentbroker.mcp.upstream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} (HTML Living Standard, "Server-sent events", parsing an
 * event stream): {@code event}, {@code data} and {@code id} fields, dispatched on a blank
 * line. Not thread-safe; one reader per stream.
 */
final class SseReader {
    /** One dispatched event. */
    record Event(String name, String data, String id) {
    }

    interface Handler {
        void event(Event event) throws IOException;
    }

    private static final int MAX_EVENT_CHARS = 16 * 1024 * 1024;

    private SseReader() {
    }

    static void read(InputStream in, Handler handler) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = null;
        String id = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    handler.event(new Event(name == null ? "message" : name, data.toString(), id));
                }
                name = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> {
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    if (data.length() > MAX_EVENT_CHARS) {
                        throw new IOException("event too large");
                    }
                }
                default -> { }
            }
        }
    }
}
