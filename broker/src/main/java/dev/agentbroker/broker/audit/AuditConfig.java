package dev.agentbroker.broker.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.agentbroker.broker.config.ConfigNode;

/**
 * The {@code audit} section: where the log and the checkpoint key live, how often
 * checkpoints are signed, when segments roll, and the group-commit limits. Immutable.
 *
 * @param directory          the log directory; default {@code <data-dir>/audit}
 * @param keyDirectory       the checkpoint key directory; default {@code <data-dir>/audit-keys}
 * @param checkpointInterval longest time between signed checkpoints while records arrive
 * @param checkpointRecords  most records between signed checkpoints
 * @param rollSize           a segment rolls once it reaches this many bytes
 * @param rollInterval       a segment rolls once it is this old
 * @param batchMaxRecords    most records in one group commit (one fsync)
 * @param batchMaxBytes      most bytes in one group commit
 * @param queueCapacity      records waiting for the writer before callers are refused
 * @param ackTimeout         longest a caller waits for its record to become durable
 * @param retryInterval      how often a failed log is re-opened to see if writing works again
 */
public record AuditConfig(Optional<Path> directory, Optional<Path> keyDirectory, Duration checkpointInterval,
                          int checkpointRecords, long rollSize, Duration rollInterval, int batchMaxRecords,
                          int batchMaxBytes, int queueCapacity, Duration ackTimeout, Duration retryInterval) {

    /** Reads the section; every key is optional. */
    public static AuditConfig read(ConfigNode node) {
        return new AuditConfig(
                node.optionalString("directory").map(Path::of),
                node.optionalString("key-directory").map(Path::of),
                node.duration("checkpoint-interval", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofHours(1)),
                node.integer("checkpoint-records", 10_000, 1, 10_000_000),
                node.longValue("roll-size", 64L * 1024 * 1024, 64 * 1024, 1L << 40),
                node.duration("roll-interval", Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofDays(366)),
                node.integer("batch-max-records", 1024, 1, 100_000),
                node.integer("batch-max-bytes", 1024 * 1024, 4096, 64 * 1024 * 1024),
                node.integer("queue-capacity", 65_536, 1, 10_000_000),
                node.duration("ack-timeout", Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMinutes(5)),
                node.duration("retry-interval", Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMinutes(5)));
    }

    /** The configuration used when the file has no {@code audit} section. */
    public static AuditConfig defaults() {
        return read(ConfigNode.root(null));
    }

    /** The log directory for a broker whose state lives in {@code dataDir}. */
    public Path directoryUnder(Path dataDir) {
        return directory.orElse(dataDir.resolve("audit")).toAbsolutePath().normalize();
    }

    /** The checkpoint key directory for a broker whose state lives in {@code dataDir}. */
    public Path keyDirectoryUnder(Path dataDir) {
        return keyDirectory.orElse(dataDir.resolve("audit-keys")).toAbsolutePath().normalize();
    }

    /** This configuration with the log in {@code dir} (tests and tools). */
    public AuditConfig withDirectory(Path dir, Path keys) {
        return new AuditConfig(Optional.of(dir), Optional.of(keys), checkpointInterval, checkpointRecords, rollSize,
                rollInterval, batchMaxRecords, batchMaxBytes, queueCapacity, ackTimeout, retryInterval);
    }

    /** The most records a verifier may find after a checkpoint before the next one. */
    long maxGap() {
        return (long) checkpointRecords + batchMaxRecords;
    }
}
