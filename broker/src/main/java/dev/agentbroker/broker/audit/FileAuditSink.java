package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The durable, hash-chained audit log (docs/audit.md). Callers (many virtual threads) hand
 * their event to one writer thread and wait; the writer takes every record waiting, appends
 * them with one write and one fsync (group commit), then releases the callers, so
 * {@link #record} returns only once its record is durable. A write or fsync failure fails the
 * batch and every later call with {@link AuditUnavailableException} (the broker answers 503
 * and reports not ready) while the writer re-opens the log every {@code retry-interval};
 * once that works, recording resumes from the last durable record. Thread-safe.
 */
public final class FileAuditSink implements AuditSink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FileAuditSink.class.getName());

    private final Path dir;
    private final AuditConfig config;
    private final CheckpointKeys keys;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread writerThread;
    private volatile LogWriter writer;
    private volatile String failure;
    private volatile boolean closed;
    private Instant nextRetry = Instant.MIN;

    private FileAuditSink(Path dir, AuditConfig config, CheckpointKeys keys, Clock clock, LogWriter writer) {
        this.dir = dir;
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.writerThread = Thread.ofPlatform().name("audit-writer").daemon(true).unstarted(this::run);
    }

    /**
     * Opens (recovering) the log in {@code dir} and starts the writer.
     *
     * @throws IOException when the log cannot be opened: the broker must not start unaudited
     */
    public static FileAuditSink open(Path dir, AuditConfig config, CheckpointKeys keys, Clock clock) throws IOException {
        FileAuditSink sink = new FileAuditSink(dir, config, keys, clock, LogWriter.open(dir, config, keys, clock));
        sink.writerThread.start();
        return sink;
    }

    @Override
    public long record(AuditEvent event) {
        String problem = failure;
        if (problem != null || closed) {
            throw new AuditUnavailableException(closed ? "the audit log is closed" : problem, null);
        }
        Pending pending = new Pending(RecordCodec.body(event, clock.instant()), new CompletableFuture<>());
        try {
            if (!queue.offer(pending, config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AuditUnavailableException("the audit queue is full (audit.queue-capacity)", null);
            }
            return pending.done().get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the audit log", e);
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the audit record was not durable within audit.ack-timeout", e);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("the audit log cannot be written: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether records are being made durable (the audit health check). */
    @Override
    public boolean available() {
        return failure == null && !closed;
    }

    /** Why the log is unavailable, or null. */
    public String failure() {
        return failure;
    }

    public Path directory() {
        return dir;
    }

    /** Stops the writer after the records already queued, signs a last checkpoint and closes the files. */
    @Override
    public void close() {
        closed = true;
        queue.offer(WAKE);
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(pollMillis(), TimeUnit.MILLISECONDS);
                if (first != null && first != WAKE) {
                    batch.add(first);
                    drain(batch, first.body().length());
                }
                step(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        finish();
    }

    private void drain(List<Pending> batch, long bytes) {
        Pending next;
        while (batch.size() < config.batchMaxRecords() && bytes < config.batchMaxBytes() && (next = queue.poll()) != null) {
            if (next == WAKE) {
                continue;
            }
            batch.add(next);
            bytes += next.body().length();
        }
    }

    private void step(List<Pending> batch) {
        if (writer == null && !reopen()) {
            batch.forEach(p -> p.done().completeExceptionally(new IOException(failure)));
            return;
        }
        try {
            if (!batch.isEmpty()) {
                long first = writer.append(batch.stream().map(Pending::body).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(first + i);
                }
            }
            writer.checkpointIfDue();
        } catch (IOException | RuntimeException e) {
            fail(e);
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private long pollMillis() {
        return writer == null ? config.retryInterval().toMillis() : Math.max(1, config.checkpointInterval().toMillis() / 2);
    }

    private boolean reopen() {
        Instant now = clock.instant();
        if (now.isBefore(nextRetry)) {
            return false;
        }
        nextRetry = now.plus(config.retryInterval());
        try {
            writer = LogWriter.open(dir, config, keys, clock);
            LOG.warning(() -> "audit: the log is writable again; recording resumes at seq " + (writer.seq() + 1));
            failure = null;
            return true;
        } catch (IOException | RuntimeException e) {
            failure = "the audit log cannot be written: " + e.getMessage();
            return false;
        }
    }

    private void fail(Exception e) {
        failure = "the audit log cannot be written: " + e.getMessage();
        LOG.log(Level.SEVERE, "audit: " + failure + "; refusing requests until it can write again");
        LogWriter broken = writer;
        writer = null;
        nextRetry = clock.instant().plus(config.retryInterval());
        try {
            broken.close();
        } catch (IOException ignored) {
            // the log is already failed; the channel state does not matter any more
        }
    }

    private void finish() {
        LogWriter w = writer;
        queue.forEach(p -> p.done().completeExceptionally(new IOException("the audit log is closed")));
        if (w != null) {
            try {
                w.checkpointIfBehind();
                w.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "audit: closing the log failed: " + e.getMessage());
            }
        }
    }

    /** Wakes the writer on close; never written. */
    private static final Pending WAKE = new Pending("", new CompletableFuture<>());

    private record Pending(String body, CompletableFuture<Long> done) {
    }
}
