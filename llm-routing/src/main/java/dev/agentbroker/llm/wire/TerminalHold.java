package dev.agentbroker.llm.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Passes a server-sent event stream on as it arrives, except its terminal event: from the
 * line that starts it ({@code data: [DONE]} for OpenAI, {@code event: message_stop} for
 * Anthropic) everything is held until {@link #release}. A client treats that event as the end
 * of the answer, so holding it lets the broker make the call's audit record durable before
 * the client sees the call complete, while every content chunk still goes out at once. A
 * marker split across network chunks is caught: a chunk's tail that could begin the marker
 * waits for the next chunk (a few bytes of an unfinished line, never a whole event). Streams
 * without a marker (the Responses API) are passed on whole, the tail at {@link #release}.
 * Not thread-safe.
 */
public final class TerminalHold {
    private final byte[] marker;
    private final Consumer<byte[]> out;
    private byte[] held = new byte[0];
    private boolean terminal;
    private boolean atLineStart = true;

    /**
     * @param marker the terminal event's first line, e.g. {@code data: [DONE]}
     * @param out    where the bytes that may go are written, in order
     */
    public TerminalHold(String marker, Consumer<byte[]> out) {
        this.marker = marker.getBytes(StandardCharsets.UTF_8);
        this.out = out;
    }

    /** The OpenAI stream's terminal line, or Anthropic's. */
    public static String markerOf(boolean anthropic) {
        return anthropic ? "event: message_stop" : "data: [DONE]";
    }

    /** Writes what of {@code chunk} (after what was held) cannot start the terminal event; holds the rest. */
    public void accept(byte[] chunk) {
        byte[] pending = concat(held, chunk);
        if (terminal) {
            held = pending;
            return;
        }
        boolean lineStart = atLineStart;
        for (int i = 0; i < pending.length; i++) {
            if (lineStart && startsWithMarkerOrPrefix(pending, i)) {
                if (pending.length - i >= marker.length) {
                    terminal = true;
                }
                emit(pending, i);
                held = Arrays.copyOfRange(pending, i, pending.length);
                atLineStart = true;
                return;
            }
            lineStart = pending[i] == '\n' || pending[i] == '\r';
        }
        atLineStart = lineStart;
        emit(pending, pending.length);
        held = new byte[0];
    }

    /** Whether the terminal event has begun (and is being held). */
    public boolean terminalSeen() {
        return terminal;
    }

    /** Writes everything held; call once the call's record is durable. */
    public void release() {
        if (held.length > 0) {
            out.accept(held);
            held = new byte[0];
        }
    }

    /** Whether the marker starts at {@code at}, or the bytes from {@code at} to the end are its beginning. */
    private boolean startsWithMarkerOrPrefix(byte[] b, int at) {
        int n = Math.min(marker.length, b.length - at);
        for (int k = 0; k < n; k++) {
            if (b[at + k] != marker[k]) {
                return false;
            }
        }
        return true;
    }

    private void emit(byte[] b, int end) {
        if (end > 0) {
            out.accept(end == b.length ? b : Arrays.copyOf(b, end));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
