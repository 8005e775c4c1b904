package dev.agentbroker.broker.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

import dev.agentbroker.broker.http.HealthCheck;

/**
 * Builds the audit log from the {@code audit} section: the checkpoint key (in
 * {@code audit.key-directory}), the file sink (in {@code audit.directory}) and its health
 * check. Plain wiring code, called once from {@code Broker.start}; every other feature gets
 * {@link #sink()}. Start-up fails, naming the key, when the log cannot be opened.
 */
public final class AuditFeature implements AutoCloseable {
    private final FileAuditSink sink;

    private AuditFeature(FileAuditSink sink) {
        this.sink = sink;
    }

    /** Opens (recovering) the log of a broker whose state lives in {@code dataDir}. */
    public static AuditFeature start(AuditConfig config, Path dataDir) {
        Path dir = config.directoryUnder(dataDir);
        Path keys = config.keyDirectoryUnder(dataDir);
        CheckpointKeys key;
        try {
            key = CheckpointKeys.loadOrCreate(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the audit checkpoint key in " + keys + " (audit.key-directory): "
                    + e.getMessage(), e);
        }
        try {
            return new AuditFeature(FileAuditSink.open(dir, config, key, Clock.systemUTC()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log in " + dir + " (audit.directory): " + e.getMessage(), e);
        }
    }

    /** The durable sink every feature records to. */
    public AuditSink sink() {
        return sink;
    }

    /** The log directory (for the trace API and tools). */
    public Path directory() {
        return sink.directory();
    }

    /** {@code audit}: ready while records are being made durable. */
    public HealthCheck healthCheck() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "audit";
            }

            @Override
            public boolean ready() {
                return sink.available();
            }
        };
    }

    /** Writes what is queued, signs a last checkpoint and closes the log. */
    @Override
    public void close() {
        sink.close();
    }
}
