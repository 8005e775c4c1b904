package dev.agentbroker.broker.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A stand-in {@link AuditSink} until the durable, hash-chained file sink is wired: each event
 * is written as one log line (type, task, client, token id, decision, outcome). It is NOT
 * durable and NOT tamper-evident; {@code Broker} uses it only while no durable sink exists.
 * Thread-safe.
 */
public final class LogOnlyAuditSink implements AuditSink {
    private static final Logger LOG = Logger.getLogger("dev.agentbroker.audit");

    private final AtomicLong sequence = new AtomicLong();

    @Override
    public long record(AuditEvent event) {
        long seq = sequence.incrementAndGet();
        LOG.info(() -> "audit seq=" + seq + " type=" + event.type() + " task=" + event.taskId() + " client="
                + event.clientId() + " tokenId=" + event.tokenId() + " decision=" + event.decision()
                + " outcome=" + event.outcome());
        return seq;
    }
}
