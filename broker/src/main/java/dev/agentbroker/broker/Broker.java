package dev.agentbroker.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.helidon.webserver.http.HttpService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.mcp.McpFeature;
import dev.agentbroker.broker.mcp.ScopeGate;
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
    private final List<AutoCloseable> features;

    private Broker(BrokerConfig config, BrokerServer server, Path dataDir, List<AutoCloseable> features) {
        this.config = config;
        this.server = server;
        this.dataDir = dataDir;
        this.features = List.copyOf(features);
    }

    /** Wires every component from {@code config} and starts serving. */
    public static Broker start(BrokerConfig config) {
        Path dataDir = prepareDataDir(config.dataDir());
        PrometheusMeterRegistry registry = MetricsRegistry.create();
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(dataDirWritable(dataDir));
        List<HttpService> features = new ArrayList<>();
        List<AutoCloseable> closeables = new ArrayList<>();
        AtomicReference<URI> baseUrl = new AtomicReference<>(config.server().publicUrl().orElse(null));

        // MCP gateway (docs/mcp.md). Until the token and audit features are wired here, no token
        // verifies (every /mcp request gets the 401 challenge) and the audit sink refuses to write.
        McpFeature mcp = McpFeature.create(config.mcp(), dataDir, Unwired.VERIFIER, new ScopeGate(), Unwired.AUDIT,
                null, null, baseUrl::get, System.getenv());
        features.addAll(mcp.services());
        closeables.add(mcp);

        BrokerServer server = BrokerServer.start(config.server(), registry, checks, features);
        baseUrl.compareAndSet(null, server.baseUrl());
        mcp.start();
        return new Broker(config, server, dataDir, closeables);
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

    /** Stops serving after in-flight requests finish (bounded by {@code server.shutdown-grace}). */
    public void stop() {
        server.stop();
        for (AutoCloseable feature : features) {
            try {
                feature.close();
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(Broker.class.getName()).warning("closing " + feature + " failed: " + e);
            }
        }
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
