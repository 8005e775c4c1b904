package dev.agentbroker.broker.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;

/** The audit port for MCP tests: keeps every event in memory and finds them by type. */
final class AuditRecorder implements AuditSink {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public long record(AuditEvent event) {
        events.add(event);
        return events.size();
    }

    List<AuditEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    List<AuditEvent> all() {
        return List.copyOf(events);
    }
}
