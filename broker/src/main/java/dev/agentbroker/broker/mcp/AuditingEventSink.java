package dev.agentbroker.broker.mcp;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.AuditUnavailableException;
import dev.agentbroker.broker.token.VerifiedToken;
import dev.agentbroker.mcp.gateway.McpEvent;
import dev.agentbroker.mcp.gateway.McpEventSink;
import dev.agentbroker.mcp.gateway.McpGate;
import dev.agentbroker.mcp.gateway.PinEvent;
import dev.agentbroker.mcp.jsonrpc.JsonRpc;
import dev.agentbroker.mcp.jsonrpc.McpProtocolException;

/**
 * The gateway's {@link McpEventSink} over the {@link AuditSink} port: {@code tool.call},
 * {@code resource.read}, {@code prompt.get} (decision, denial reason, outcome, latency, an
 * argument digest and never the arguments), {@code tools.list} (shown and withheld counts),
 * {@code tool.quarantined} and {@code tool.approved}. When the audit log cannot write, the
 * request fails with a JSON-RPC error (fail closed). Thread-safe.
 */
final class AuditingEventSink implements McpEventSink {
    private final AuditSink audit;
    private final Timer upstream;

    AuditingEventSink(AuditSink audit, MeterRegistry registry) {
        this.audit = audit;
        this.upstream = Timer.builder("broker.mcp.upstream")
                .description("Time from forwarding a tool call, resource read or prompt to the upstream's answer")
                .register(registry);
    }

    @Override
    public void operation(Object caller, McpEvent event) {
        if (event.allowed() && event.latencyMicros() >= 0) {
            upstream.record(event.latencyMicros(), TimeUnit.MICROSECONDS);
        }
        String type = switch (event.action()) {
            case CALL_TOOL -> "tool.call";
            case READ_RESOURCE -> "resource.read";
            case GET_PROMPT -> "prompt.get";
            default -> "mcp." + event.action().label();
        };
        AuditEvent.Builder b = caller(AuditEvent.builder(type), caller)
                .action(event.action().label(), entity(event.action(), event.server(), event.item()))
                .decision(event.allowed() ? "allow" : "deny", null, null)
                .outcome(event.outcome(), event.latencyMicros())
                .attribute("server", event.server()).attribute("item", event.item())
                .attribute("tool", event.exposedName()).attribute("argument_digest", event.argumentDigest())
                .attribute("reason", event.reason());
        record(b.build());
    }

    @Override
    public void listed(Object caller, String view, int shown, int withheld) {
        record(caller(AuditEvent.builder("tools.list"), caller).action("list_tools", view == null ? "mcp" : "McpServer::\"" + view + "\"")
                .attribute("view", view == null ? "aggregate" : view).attribute("shown", shown)
                .attribute("withheld", withheld).build());
    }

    @Override
    public void pin(PinEvent event) {
        record(AuditEvent.builder(event.type()).action("pin_tool", entity(McpGate.Action.CALL_TOOL, event.server(), event.tool()))
                .attribute("server", event.server()).attribute("tool", event.tool()).attribute("digest", event.digest())
                .attribute("reason", event.reason())
                .attribute("flags", event.flags().isEmpty() ? null : String.join(",", event.flags())).build());
    }

    private static AuditEvent.Builder caller(AuditEvent.Builder b, Object caller) {
        if (caller instanceof VerifiedToken t) {
            b.task(t.taskId(), t.traceRoot()).user(t.subject()).actors(t.actorChain()).client(t.clientId()).tokenId(t.tokenId());
        }
        return b;
    }

    static String entity(McpGate.Action action, String server, String item) {
        return switch (action) {
            case CALL_TOOL -> "Tool::\"" + server + "/" + item + "\"";
            case READ_RESOURCE -> "Resource::\"" + server + "/" + item + "\"";
            case GET_PROMPT -> "Prompt::\"" + server + "/" + item + "\"";
            default -> "McpServer::\"" + server + "\"";
        };
    }

    private void record(AuditEvent event) {
        try {
            audit.record(event);
        } catch (AuditUnavailableException e) {
            throw new McpProtocolException(JsonRpc.INTERNAL_ERROR, "the audit log is unavailable, so the broker refuses to proceed");
        }
    }
}
