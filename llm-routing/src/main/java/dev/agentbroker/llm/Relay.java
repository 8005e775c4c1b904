package dev.agentbroker.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import dev.agentbroker.llm.provider.UpstreamCall;
import dev.agentbroker.llm.routing.Routed;
import dev.agentbroker.llm.usage.AnswerFacts;
import dev.agentbroker.llm.usage.ModelCallListener;
import dev.agentbroker.llm.wire.ErrorBodies;
import dev.agentbroker.llm.wire.Jsons;
import dev.agentbroker.llm.wire.MessagesToChatResponse;
import dev.agentbroker.llm.wire.MessagesToChatStream;
import dev.agentbroker.llm.wire.SseScanner;
import dev.agentbroker.llm.wire.TerminalHold;

/**
 * Moves one answer from the provider to the client: a JSON answer whole (after the call is
 * reported, so a failing audit fails it closed), a stream chunk by chunk with a flush after
 * each, its terminal event held until the call is reported, parsing on the side only what
 * usage and correlation need. A client write failure
 * cancels the upstream; an upstream failure after the first byte ends the stream with an
 * error event (never a retry). One call, one thread.
 */
final class Relay {
    private static final Logger LOG = Logger.getLogger(Relay.class.getName());
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final WireFormat format;
    private final ResponseSink sink;
    private final CallLog log;
    private final ModelCallListener listener;
    private final Clock clock;
    private OutputStream out;
    private boolean reported;

    Relay(WireFormat format, ResponseSink sink, CallLog log, ModelCallListener listener, Clock clock) {
        this.format = format;
        this.sink = sink;
        this.log = log;
        this.listener = listener;
        this.clock = clock;
    }

    void relay(Routed routed, JsonObject request, long requestBytes, boolean translate) {
        boolean providerOk = false;
        UpstreamCall call = routed.call();
        try {
            if (call.status() >= 400) {
                providerOk = true;
                throw ProviderErrors.rejected(call.status(), call.readAll(MAX_ERROR_BYTES));
            }
            AnswerFacts facts = new AnswerFacts(translate ? WireFormat.ANTHROPIC : format);
            boolean sse = call.header("content-type").map(t -> t.startsWith("text/event-stream")).orElse(log.stream);
            if (log.stream && sse) {
                streamed(call, facts, translate, request, requestBytes);
            } else {
                whole(call, facts, translate, requestBytes);
            }
            providerOk = true;
        } catch (UncheckedIOException clientGone) {
            providerOk = true;
            throw clientGone;
        } catch (LlmException e) {
            providerOk |= reported; // the answer came; recording it failed, which is not the provider's fault
            throw e;
        } catch (IOException e) {
            LlmException error = e instanceof HttpTimeoutException
                    ? new LlmException(LlmException.Kind.TIMEOUT, "upstream_timeout", "the provider did not finish its answer in time")
                    : new LlmException(LlmException.Kind.UPSTREAM_ERROR, "upstream_error", "the provider's answer broke off");
            throw error;
        } finally {
            routed.finish(providerOk);
        }
    }

    private void whole(UpstreamCall call, AnswerFacts facts, boolean translate, long requestBytes) throws IOException {
        byte[] bytes = call.readAll(MAX_ANSWER_BYTES);
        JsonObject json = Jsons.objectOrNull(new String(bytes, StandardCharsets.UTF_8));
        if (json == null) {
            throw new LlmException(LlmException.Kind.UPSTREAM_ERROR, "upstream_error", "the provider's answer was not valid JSON");
        }
        facts.onJson(json);
        if (translate) {
            bytes = MessagesToChatResponse.translate(json, clock.instant().getEpochSecond()).toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
        log.usage = facts.usage(requestBytes);
        log.toolCalls = facts.toolCalls();
        reportOrRefuse();
        start(200, "application/json");
        write(bytes);
        close();
    }

    /**
     * Relays a stream chunk by chunk but holds its terminal event ({@link TerminalHold}) until
     * the call is recorded: the client sees the answer complete only once its record is
     * durable, and if recording fails it gets an error event instead of the end.
     */
    private void streamed(UpstreamCall call, AnswerFacts facts, boolean translate, JsonObject request,
                          long requestBytes) throws IOException {
        boolean includeUsage = Jsons.bool(Jsons.object(request, "stream_options"), "include_usage");
        MessagesToChatStream translator = translate
                ? new MessagesToChatStream(clock.instant().getEpochSecond(), includeUsage) : null;
        TerminalHold hold = new TerminalHold(TerminalHold.markerOf(format == WireFormat.ANTHROPIC), this::write);
        SseScanner scanner = new SseScanner((event, data) -> {
            facts.onEvent(event, data);
            if (translator != null) {
                translator.onEvent(event, Jsons.objectOrNull(data)).forEach(hold::accept);
            }
        });
        for (byte[] chunk = call.next(); chunk != null; chunk = call.next()) {
            start(200, "text/event-stream");
            if (translator == null) {
                hold.accept(chunk);
            }
            scanner.feed(chunk, 0, chunk.length);
            flush();
        }
        scanner.finish();
        start(200, "text/event-stream");
        log.usage = facts.usage(requestBytes);
        log.toolCalls = facts.toolCalls();
        reportOrRefuse();
        hold.release();
        close();
    }

    /** Sends {@code error} as a response, or as a last event if a stream is under way. */
    void fail(LlmException error) {
        if (out == null) {
            ModelGateway.writeError(sink, format, error);
            return;
        }
        try {
            out.write(ErrorBodies.sseEvent(format, error));
            out.close();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.FINE, "client went away before the error event", e);
        }
    }

    /** Tells the listener once; failures are logged (the answer is already out). */
    void report() {
        if (reported) {
            return;
        }
        reported = true;
        try {
            listener.onCall(log.record());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "model call could not be recorded: " + e.getClass().getSimpleName());
        }
    }

    private void reportOrRefuse() {
        reported = true;
        try {
            listener.onCall(log.record());
        } catch (RuntimeException e) {
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "audit_unavailable",
                    "the broker cannot record model calls right now, so it refuses them");
        }
    }

    private void start(int status, String contentType) {
        if (out == null) {
            out = sink.start(status, contentType, contentType.equals("text/event-stream")
                    ? Map.of("Cache-Control", "no-cache", "X-Accel-Buffering", "no") : Map.of());
            log.firstByte();
        }
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
