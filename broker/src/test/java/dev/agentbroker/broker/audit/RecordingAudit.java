package dev.agentbroker.broker.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;


/** An in-memory audit sink for tests of every area; can be switched to fail like a full disk. */
public final class RecordingAudit implements AuditSink {
    private final List<AuditEvent> events = new ArrayList<>();
    public final AtomicBoolean broken = new AtomicBoolean();

    @Override
    public synchronized long record(AuditEvent event) {
        if (broken.get()) {
            throw new AuditUnavailableException("disk full", null);
        }
        events.add(event);
        return events.size();
    }

    @Override
    public boolean available() {
        return !broken.get();
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** Waits briefly for a call's event (a streamed call's is written before its last event). */
    public List<AuditEvent> awaitEvents(int count) throws InterruptedException {
        for (int i = 0; i < 100 && events().size() < count; i++) {
            Thread.sleep(20);
        }
        return events();
    }
}
