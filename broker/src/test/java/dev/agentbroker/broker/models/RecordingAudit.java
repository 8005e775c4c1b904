package dev.agentbroker.broker.models;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.AuditUnavailableException;

/** An in-memory audit sink for tests; can be switched to fail like a full disk. */
final class RecordingAudit implements AuditSink {
    private final List<AuditEvent> events = new ArrayList<>();
    final AtomicBoolean broken = new AtomicBoolean();

    @Override
    public synchronized long record(AuditEvent event) {
        if (broken.get()) {
            throw new AuditUnavailableException("disk full", null);
        }
        events.add(event);
        return events.size();
    }

    synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** Waits briefly for a streamed call's event, which is written after the last byte. */
    List<AuditEvent> awaitEvents(int count) throws InterruptedException {
        for (int i = 0; i < 100 && events().size() < count; i++) {
            Thread.sleep(20);
        }
        return events();
    }
}
