package dev.agentbroker.broker.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.config.PoliciesConfig;

/**
 * The policy area wired from the {@code policies} configuration: loads the enforced set
 * (start-up fails with {@link PolicyLoadException} if it is invalid), the optional shadow
 * candidate, starts hot reload of directories, and owns the {@link PolicyEngine} the model,
 * MCP and token endpoints call. One line in {@code Broker.start}:
 * {@code PolicyRuntime.start(config.policies(), entityStore, registry, auditSink)}.
 * Thread-safe; {@link #close()} stops reloading and shadow evaluation.
 */
public final class PolicyRuntime implements AutoCloseable {
    private final PolicyEngine engine;
    private final ToolGroups toolGroups;
    private final List<PolicyReloader> reloaders;
    private final ThreadPoolExecutor shadowExecutor;

    private PolicyRuntime(PolicyEngine engine, ToolGroups toolGroups, List<PolicyReloader> reloaders,
                          ThreadPoolExecutor shadowExecutor) {
        this.engine = engine;
        this.toolGroups = toolGroups;
        this.reloaders = reloaders;
        this.shadowExecutor = shadowExecutor;
    }

    public static PolicyRuntime start(PoliciesConfig config, EntityStore entities, MeterRegistry registry,
                                      AuditSink audit) {
        PolicyLoader loader = new PolicyLoader();
        PolicySnapshot enforced = loader.load(config.directory());
        // Shadow work is best effort: one thread, a bounded queue, dropped when full.
        ThreadPoolExecutor shadowExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1024), Thread.ofPlatform().daemon().name("policy-shadow").factory(),
                new ThreadPoolExecutor.DiscardPolicy());
        PolicyEngine engine = new PolicyEngine(enforced, entities, new ArgumentCanonicaliser(config.pathRoots()),
                registry, audit, shadowExecutor);
        List<PolicyReloader> reloaders = new ArrayList<>();
        if (config.watch() && !config.directory().startsWith(PolicyFiles.BUILTIN)) {
            reloaders.add(new PolicyReloader(config.directory(), "enforced", enforced.version(), loader,
                    engine::replace, registry, audit, config.watchInterval()).start());
        }
        config.shadowDirectory().ifPresent(dir -> {
            PolicySnapshot candidate = loader.load(dir);
            engine.shadow(candidate);
            if (config.watch() && !dir.startsWith(PolicyFiles.BUILTIN)) {
                reloaders.add(new PolicyReloader(dir, "shadow", candidate.version(), loader, engine::shadow,
                        registry, audit, config.watchInterval()).start());
            }
        });
        return new PolicyRuntime(engine, new ToolGroups(config.toolGroups()), reloaders, shadowExecutor);
    }

    public PolicyEngine engine() {
        return engine;
    }

    public ToolGroups toolGroups() {
        return toolGroups;
    }

    @Override
    public void close() {
        reloaders.forEach(PolicyReloader::close);
        shadowExecutor.shutdownNow();
    }
}
