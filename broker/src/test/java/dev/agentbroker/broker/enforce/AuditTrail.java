package dev.agentbroker.broker.enforce;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.AuditUnavailableException;

/** An audit sink that keeps events in memory, can refuse like a full disk, and waits for an event. */
final class AuditTrail implements AuditSink {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean refusing;

    @Override
    public long record(AuditEvent event) {
        if (refusing) {
            throw new AuditUnavailableException("disk full", null);
        }
        events.add(event);
        return events.size();
    }

    List<AuditEvent> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    AuditEvent last(String type) {
        List<AuditEvent> list = ofType(type);
        if (list.isEmpty()) {
            throw new AssertionError("no " + type + " event among " + events);
        }
        return list.get(list.size() - 1);
    }

    /** The first event matching {@code test} within {@code millis}, or null. */
    AuditEvent await(Predicate<AuditEvent> test, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        do {
            for (AuditEvent e : events) {
                if (test.test(e)) {
                    return e;
                }
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < end);
        return null;
    }
}
