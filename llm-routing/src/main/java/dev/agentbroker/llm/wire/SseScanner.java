package dev.agentbroker.llm.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Splits a byte stream of server-sent events (HTML Living Standard, 9.2.6 "Interpreting an
 * event stream") into events as bytes arrive in arbitrary pieces, handing each complete
 * event's name and joined {@code data} to a consumer. Relaying code writes the raw bytes on
 * and feeds the same bytes here, so parsing never delays a chunk. Not thread-safe.
 */
public final class SseScanner {
    private final BiConsumer<String, String> onEvent;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String event;
    private boolean hasData;
    private boolean lastWasCr;

    public SseScanner(BiConsumer<String, String> onEvent) {
        this.onEvent = onEvent;
    }

    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    /** Dispatches a last event that was not followed by a blank line. */
    public void finish() {
        if (line.size() > 0) {
            endLine();
        }
        dispatch();
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        } else if (field.equals("event")) {
            event = value;
        }
    }

    private void dispatch() {
        if (hasData) {
            onEvent.accept(event, data.toString());
        }
        data.setLength(0);
        hasData = false;
        event = null;
    }
}
