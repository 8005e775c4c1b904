package dev.agentbroker.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import io.helidon.webserver.http.HttpService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.agentbroker.broker.audit.AuditFeature;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.http.BrokerServer;
import dev.agentbroker.broker.http.HealthCheck;
import dev.agentbroker.broker.observability.MetricsRegistry;

/**
 * A running broker: the object graph wired with plain code from one validated
 * {@link BrokerConfig}, and the server that exposes it. Nothing is started before the whole
 * configuration has been validated, so a bad file never leaves anything half-started.
 */
public final class Broker {
    private final BrokerConfig config;
    private final BrokerServer server;
    private final Path dataDir;
    private final AuditFeature audit;

    private Broker(BrokerConfig config, BrokerServer server, Path dataDir, AuditFeature audit) {
        this.config = config;
        this.server = server;
        this.dataDir = dataDir;
        this.audit = audit;
    }

    /** Wires every component from {@code config} and starts serving. */
    public static Broker start(BrokerConfig config) {
        Path dataDir = prepareDataDir(config.dataDir());
        PrometheusMeterRegistry registry = MetricsRegistry.create();
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(dataDirWritable(dataDir));
        // audit (issue 7): every feature records to audit.sink(); not ready while it cannot write
        AuditFeature audit = AuditFeature.start(config.audit(), dataDir);
        checks.add(audit.healthCheck());
        List<HttpService> features = new ArrayList<>();
        BrokerServer server;
        try {
            server = BrokerServer.start(config.server(), registry, checks, features);
        } catch (RuntimeException e) {
            audit.close();
            throw e;
        }
        return new Broker(config, server, dataDir, audit);
    }

    public BrokerConfig config() {
        return config;
    }

    public BrokerServer server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    public AuditFeature audit() {
        return audit;
    }

    /** Stops serving after in-flight requests finish (bounded by {@code server.shutdown-grace}), then closes the audit log. */
    public void stop() {
        server.stop();
        audit.close();
    }

    private static Path prepareDataDir(Path configured) {
        Path dir = configured.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrictToOwner(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir + " (data-dir)", e);
        }
    }

    private static void restrictToOwner(Path dir) throws IOException {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static HealthCheck dataDirWritable(Path dir) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "data-dir";
            }

            @Override
            public boolean ready() {
                return Files.isDirectory(dir) && Files.isWritable(dir);
            }
        };
    }
}
