package dev.agentbroker.broker.models;

import static dev.agentbroker.broker.JsonFactories.JSON;

import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArrayBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.llm.CallGate;
import dev.agentbroker.llm.usage.ModelCallListener;
import dev.agentbroker.llm.usage.ModelCallRecord;
import dev.agentbroker.llm.usage.ToolCallRef;

/**
 * Writes each model call as a {@code model.call} audit event: who (user, actor chain,
 * client, token id), the policy decision (allow, deny or error, the determining policy ids
 * and the policy-set version, from the gate's verdict), which model/provider/deployment,
 * outcome, latency, usage, and the tool
 * calls the answer asked for (id, name, argument digest) so the later tool invocation can
 * be linked. No prompt, answer or key. Propagates the sink's failure so JSON answers fail
 * closed. Also times the provider's part of each call ({@code broker.model.upstream}: from
 * asking it to its response headers), so the broker's own share of a call's latency can be
 * read off {@code /metrics}. Thread-safe.
 */
final class AuditingCallListener implements ModelCallListener {
    private final AuditSink audit;
    private final Timer upstream;

    AuditingCallListener(AuditSink audit, MeterRegistry registry) {
        this.audit = audit;
        this.upstream = Timer.builder("broker.model.upstream")
                .description("Time from asking the provider (retries included) to its response headers").register(registry);
    }

    @Override
    public void onCall(ModelCallRecord r) {
        if (r.upstreamMicros() >= 0) {
            upstream.record(r.upstreamMicros(), TimeUnit.MICROSECONDS);
        }
        audit.record(event(r));
    }

    @Override
    public boolean accepting() {
        return audit.available();
    }

    static AuditEvent event(ModelCallRecord r) {
        CallGate.Verdict verdict = r.verdict();
        String decision = verdict != null ? verdict.decision() : "denied".equals(r.outcome()) ? "deny" : null;
        AuditEvent.Builder b = AuditEvent.builder("model.call")
                .task(r.caller().taskId(), r.caller().traceId())
                .user(r.caller().user())
                .actors(r.caller().actorChain())
                .client(r.caller().agent())
                .tokenId(r.caller().tokenId())
                .action("invoke_model", r.model() == null ? null : "Model::\"" + r.model() + "\"")
                .decision(decision, verdict == null ? null : verdict.policyIds(),
                        verdict == null ? null : verdict.policyVersion())
                .outcome(r.outcome(), r.latencyMicros())
                .attribute("endpoint", r.endpoint().path())
                .attribute("model", r.model())
                .attribute("provider", r.provider())
                .attribute("deployment", r.deployment())
                .attribute("stream", r.stream())
                .attribute("status", r.status())
                .attribute("reason", r.reason())
                .attribute("attempts", r.attempts())
                .attribute("input_tokens", r.usage().inputTokens())
                .attribute("output_tokens", r.usage().outputTokens())
                .attribute("usage_estimated", r.usage().estimated());
        if (verdict != null && !verdict.errors().isEmpty()) {
            b.attribute("policyErrors", String.join("; ", verdict.errors()));
        }
        if (r.firstByteMicros() >= 0) {
            b.attribute("first_byte_micros", r.firstByteMicros());
        }
        if (r.upstreamMicros() >= 0) {
            b.attribute("upstream_micros", r.upstreamMicros());
        }
        if (!r.toolCalls().isEmpty()) {
            JsonArrayBuilder calls = JSON.createArrayBuilder();
            for (ToolCallRef call : r.toolCalls()) {
                calls.add(JSON.createObjectBuilder().add("id", call.id()).add("name", call.name())
                        .add("argument_digest", call.argumentDigest()));
            }
            b.attribute("tool_calls", calls.build().toString());
            b.attribute("tool_call_ids", String.join(",", r.toolCalls().stream().map(ToolCallRef::id).toList()));
        }
        return b.build();
    }
}
