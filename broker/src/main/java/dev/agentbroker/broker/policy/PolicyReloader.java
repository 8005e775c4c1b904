package dev.agentbroker.broker.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.AuditUnavailableException;

/**
 * Hot reload of one policy directory. A daemon thread polls the directory every
 * {@code interval} (polling, not inotify: it also sees the symlink swaps of Kubernetes
 * ConfigMaps and editors' atomic renames); when the files' digest changes it loads and
 * validates the new set strictly against the schema, and only then hands it to
 * {@code install} (an atomic swap). A set that fails is rejected with one log line naming
 * every problem, the metric {@code broker.policy.reloads{result=rejected}} and an audit
 * event {@code policy.rejected}; the last good set keeps serving. A set that passes is
 * audited as {@code policy.reloaded} with its version. Thread-safe; {@link #close()} stops it.
 */
public final class PolicyReloader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PolicyReloader.class.getName());

    private final String directory;
    private final String role;
    private final PolicyLoader loader;
    private final Consumer<PolicySnapshot> install;
    private final MeterRegistry registry;
    private final AuditSink audit;
    private final Duration interval;
    private volatile String lastSeen;
    private volatile Thread thread;

    /**
     * @param directory the watched directory
     * @param role      {@code enforced} or {@code shadow}: named in logs, metrics and audit events
     * @param current   the version currently installed from it
     * @param install   receives each new valid snapshot
     */
    public PolicyReloader(String directory, String role, String current, PolicyLoader loader,
                          Consumer<PolicySnapshot> install, MeterRegistry registry, AuditSink audit, Duration interval) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.role = role;
        this.loader = loader;
        this.install = install;
        this.registry = registry;
        this.audit = audit;
        this.interval = interval;
        this.lastSeen = current;
    }

    /** Starts polling on a daemon thread. */
    public synchronized PolicyReloader start() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("policy-reload-" + role).start(this::loop);
        }
        return this;
    }

    /**
     * Checks the directory once: loads, validates and installs a changed set.
     *
     * @return true when a new set was installed
     */
    public boolean checkNow() {
        String digest;
        try {
            digest = PolicyFiles.version(PolicyFiles.read(directory));
        } catch (PolicyLoadException e) {
            digest = "unreadable:" + e.getMessage();
        }
        if (digest.equals(lastSeen)) {
            return false;
        }
        lastSeen = digest;
        try {
            PolicySnapshot next = loader.load(directory);
            install.accept(next);
            lastSeen = next.version();
            registry.counter("broker.policy.reloads", "role", role, "result", "applied").increment();
            LOG.info(() -> "policy." + role + " reloaded version=" + next.version() + " policies="
                    + next.policyIds().size() + " dir=" + directory);
            record(AuditEvent.builder("policy.reloaded").decision(null, next.policyIds(), next.version()));
            return true;
        } catch (PolicyLoadException e) {
            registry.counter("broker.policy.reloads", "role", role, "result", "rejected").increment();
            LOG.warning(() -> "policy." + role + " rejected dir=" + directory + " keeping the last good set; "
                    + e.problems().size() + " problem(s): " + e.getMessage());
            record(AuditEvent.builder("policy.rejected").decision(null, List.of(), digest)
                    .attribute("problems", e.getMessage()));
            return false;
        }
    }

    private void record(AuditEvent.Builder event) {
        try {
            audit.record(event.attribute("role", role).attribute("directory", directory).build());
        } catch (AuditUnavailableException e) {
            LOG.log(Level.WARNING, "policy reload not audited: " + e.getMessage());
        }
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(interval);
                checkNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "policy reload check failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }
}
