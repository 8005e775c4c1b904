package dev.agentbroker.llm.wire;

import java.nio.charset.StandardCharsets;

/** Formats one server-sent event (HTML Living Standard, 9.2.5) as UTF-8 bytes. */
public final class SseWriter {
    private SseWriter() {
    }

    /** {@code data: ...} followed by a blank line; {@code event} is omitted when null. */
    public static byte[] event(String event, String data) {
        StringBuilder out = new StringBuilder(data.length() + 32);
        if (event != null) {
            out.append("event: ").append(event).append('\n');
        }
        out.append("data: ").append(data).append("\n\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
