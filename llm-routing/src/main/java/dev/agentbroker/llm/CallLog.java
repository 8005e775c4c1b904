package dev.agentbroker.llm;

import java.util.List;

import dev.agentbroker.llm.routing.Routed;
import dev.agentbroker.llm.usage.ModelCallRecord;
import dev.agentbroker.llm.usage.ToolCallRef;
import dev.agentbroker.llm.usage.Usage;

/** Collects the facts of one call as it proceeds, then becomes a {@link ModelCallRecord}. One thread. */
final class CallLog {
    private final Caller caller;
    private final Endpoint endpoint;
    private final long startNanos;
    String model;
    boolean stream;
    String provider;
    String deployment;
    int attempts;
    String outcome = "ok";
    int status = 200;
    String reason;
    Usage usage = Usage.NONE;
    long firstByteNanos = -1;
    long upstreamNanos = -1;
    List<ToolCallRef> toolCalls = List.of();
    CallGate.Verdict verdict;

    CallLog(Caller caller, Endpoint endpoint, long startNanos) {
        this.caller = caller;
        this.endpoint = endpoint;
        this.startNanos = startNanos;
    }

    void routed(Routed routed) {
        provider = routed.deployment().provider().spec().name();
        deployment = routed.deployment().id();
        attempts = routed.attempts();
    }

    void failed(LlmException e) {
        status = e.kind().status();
        outcome = status < 500 ? (status == 400 || status == 404 ? "rejected" : "denied") : "error";
        reason = e.getMessage();
    }

    void firstByte() {
        if (firstByteNanos < 0) {
            firstByteNanos = System.nanoTime();
        }
    }

    ModelCallRecord record() {
        long now = System.nanoTime();
        return new ModelCallRecord(caller, endpoint, model, provider, deployment, stream, outcome, status, reason, attempts,
                usage, (now - startNanos) / 1000, firstByteNanos < 0 ? -1 : (firstByteNanos - startNanos) / 1000,
                upstreamNanos < 0 ? -1 : upstreamNanos / 1000, toolCalls, verdict);
    }
}
