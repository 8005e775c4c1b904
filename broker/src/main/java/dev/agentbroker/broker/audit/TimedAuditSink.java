package dev.agentbroker.broker.audit;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times how long callers wait for their records to be durable ({@code broker.audit.wait}):
 * the part of every model and tool call's latency that the audit log adds, group commit and
 * fsync included. Delegates everything else. Thread-safe.
 */
public final class TimedAuditSink implements AuditSink {
    private final AuditSink delegate;
    private final Timer wait;

    public TimedAuditSink(AuditSink delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.wait = Timer.builder("broker.audit.wait")
                .description("How long a caller waits for its audit record to be durable").register(registry);
    }

    @Override
    public long record(AuditEvent event) {
        long start = System.nanoTime();
        try {
            return delegate.record(event);
        } finally {
            wait.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public boolean available() {
        return delegate.available();
    }
}
