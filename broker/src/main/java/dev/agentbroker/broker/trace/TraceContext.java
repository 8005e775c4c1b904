package dev.agentbroker.broker.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context of one broker span (https://www.w3.org/TR/trace-context/): trace id,
 * this span's id, the span it nests under, and the sampled flag. A model or MCP call starts
 * its span with {@link #forCall}: a valid incoming {@code traceparent} is honoured (the call
 * becomes its child), otherwise the span starts in the token's trace root. Pass
 * {@link #traceparent()} upstream (provider header, MCP {@code _meta.traceparent}) and
 * {@link #spanId()}/{@link #parentSpanId()} to the audit event. Immutable.
 *
 * @param traceId      32 lowercase hex digits, not all zero
 * @param spanId       16 lowercase hex digits, not all zero
 * @param parentSpanId the parent span, or null for a root span
 * @param sampled      the {@code sampled} trace flag
 */
public record TraceContext(String traceId, String spanId, String parentSpanId, boolean sampled) {
    private static final Pattern TRACEPARENT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    public TraceContext {
        if (!validTraceId(traceId)) {
            throw new IllegalArgumentException("trace id must be 32 lowercase hex digits, not all zero");
        }
        if (!validSpanId(spanId) || parentSpanId != null && !validSpanId(parentSpanId)) {
            throw new IllegalArgumentException("span ids must be 16 lowercase hex digits, not all zero");
        }
    }

    /**
     * The incoming parent of a request, from its {@code traceparent} header: empty when the
     * header is absent or invalid (version {@code ff}, bad length or case, all-zero ids, or a
     * version-00 header with extra fields), as the specification requires.
     */
    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches() || m.group(1).equals("ff") || m.group(1).equals("00") && m.group(5) != null) {
            return Optional.empty();
        }
        if (!validTraceId(m.group(2)) || !validSpanId(m.group(3))) {
            return Optional.empty();
        }
        boolean sampled = (HexFormat.fromHexDigits(m.group(4)) & 1) == 1;
        return Optional.of(new TraceContext(m.group(2), m.group(3), null, sampled));
    }

    /**
     * The span of one model or MCP call: a child of {@code incomingTraceparent} when it is
     * valid, else a new root span in {@code traceRoot} (the token's trace root), else in a new
     * trace.
     */
    public static TraceContext forCall(String incomingTraceparent, String traceRoot) {
        Optional<TraceContext> incoming = parse(incomingTraceparent);
        if (incoming.isPresent()) {
            return incoming.get().child();
        }
        String trace = traceRoot != null && validTraceId(traceRoot) ? traceRoot : newTraceId();
        return new TraceContext(trace, newSpanId(), null, true);
    }

    /** A new span nested under this one, in the same trace. */
    public TraceContext child() {
        return new TraceContext(traceId, newSpanId(), spanId, sampled);
    }

    /** The {@code traceparent} header value naming this span as the parent. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
    }

    /** A random span id (16 hex digits, never all zero). */
    public static String newSpanId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return HexFormat.of().toHexDigits(id);
    }

    /** A random trace id (32 hex digits, never all zero). */
    public static String newTraceId() {
        return newSpanId() + newSpanId();
    }

    static boolean validTraceId(String id) {
        return id != null && TRACE_ID.matcher(id).matches() && !id.equals("0".repeat(32));
    }

    static boolean validSpanId(String id) {
        return id != null && id.length() == 16 && id.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')
                && !id.equals("0".repeat(16));
    }
}
