package dev.agentbroker.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.helidon.webserver.http.HttpService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import dev.agentbroker.broker.audit.AuditFeature;
import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.audit.TimedAuditSink;
import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.enforce.PolicyFeature;
import dev.agentbroker.broker.http.BrokerServer;
import dev.agentbroker.broker.mcp.McpFeature;
import dev.agentbroker.broker.http.HealthCheck;
import dev.agentbroker.broker.models.ModelsFeature;
import dev.agentbroker.broker.observability.MetricsRegistry;
import dev.agentbroker.broker.policy.CedarExchangeGate;
import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.TokensFeature;
import dev.agentbroker.broker.trace.TaskTraceService;
import dev.agentbroker.llm.usage.BudgetLedger;
import dev.agentbroker.llm.usage.InMemoryBudgetLedger;

/**
 * A running broker: the object graph wired with plain code from one validated
 * {@link BrokerConfig}, and the server that exposes it. Nothing is started before the whole
 * configuration has been validated, so a bad file never leaves anything half-started.
 */
public final class Broker {
    private final BrokerConfig config;
    private final BrokerServer server;
    private final Path dataDir;
    private final PolicyFeature policy;
    private final TokensFeature tokens;
    private final AuditFeature audit;
    private final McpFeature mcp;

    private Broker(BrokerConfig config, BrokerServer server, Path dataDir, PolicyFeature policy, TokensFeature tokens,
                   AuditFeature audit, McpFeature mcp) {
        this.config = config;
        this.server = server;
        this.dataDir = dataDir;
        this.policy = policy;
        this.tokens = tokens;
        this.audit = audit;
        this.mcp = mcp;
    }

    /** Wires every component from {@code config}, recording to the durable audit log of {@code config.audit()}, and starts serving. */
    public static Broker start(BrokerConfig config) {
        Path dataDir = prepareDataDir(config.dataDir());
        // /health is not ready while the audit log cannot write, and every audited request then answers 503
        AuditFeature audit = AuditFeature.start(config.audit(), dataDir);
        try {
            return wire(config, dataDir, null, audit.sink(), audit);
        } catch (RuntimeException e) {
            audit.close();
            throw e;
        }
    }

    /**
     * Wires every component with this audit sink and starts serving; {@code verifier} replaces
     * the token service's verifier (tests that hand-make identities).
     */
    public static Broker start(BrokerConfig config, TokenVerifier verifier, AuditSink audit) {
        return wire(config, prepareDataDir(config.dataDir()), verifier, audit, null);
    }

    private static Broker wire(BrokerConfig config, Path dataDir, TokenVerifier verifierOverride, AuditSink untimed,
                               AuditFeature durable) {
        PrometheusMeterRegistry registry = MetricsRegistry.create();
        AuditSink audit = new TimedAuditSink(untimed, registry);
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(dataDirWritable(dataDir));
        List<HttpService> features = new ArrayList<>();
        // The base URL is known once the listener is bound (port 0).
        AtomicReference<URI> baseUrl = new AtomicReference<>(config.server().publicUrl().orElse(null));
        BrokerUrls urls = new BrokerUrls(baseUrl::get, config.identity().tokens().issuer());
        BudgetLedger ledger = new InMemoryBudgetLedger();
        PolicyFeature policy = PolicyFeature.start(config, registry, audit, ledger);
        TokensFeature tokens = TokensFeature.create(config.identity(), dataDir, urls, audit,
                new CedarExchangeGate(policy.runtime().engine()), System.getenv(), Clock.systemUTC());
        policy.entities().setAgents(tokens.agentDescriptors());
        TokenVerifier verifier = verifierOverride == null ? tokens.verifier() : verifierOverride;
        features.add(tokens.http());
        features.add(ModelsFeature.create(config.providers(), config.models(), verifier, audit, urls::models,
                policy.modelGate(), ledger, System.getenv(), registry));
        if (durable != null) {
            checks.add(durable.healthCheck());
            features.add(new TaskTraceService(durable.directory(), audit, verifier, urls::admin));
        }
        McpFeature mcp = McpFeature.create(config.mcp(), dataDir, verifier, policy.mcpGate(), audit, policy.entities(),
                policy.runtime().toolGroups(), baseUrl::get, System.getenv(), registry);
        features.addAll(mcp.services());
        BrokerServer server = BrokerServer.start(config.server(), registry, checks, features);
        baseUrl.compareAndSet(null, server.baseUrl());
        mcp.start();
        return new Broker(config, server, dataDir, policy, tokens, durable, mcp);
    }

    /** The token area: verifier, service, keys, agent descriptors. */
    public TokensFeature tokens() {
        return tokens;
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

    /** Cedar enforcement: the gates, the entity store and the policy runtime. */
    public PolicyFeature policy() {
        return policy;
    }

    /** Stops serving after in-flight requests finish (bounded by {@code server.shutdown-grace}), then closes the audit log. */
    public void stop() {
        server.stop();
        mcp.close();
        policy.close();
        if (audit != null) {
            audit.close();
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
