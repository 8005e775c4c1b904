package dev.agentbroker.broker.models;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;

import dev.agentbroker.broker.audit.AuditSink;
import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.SecretRef;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.llm.CallGate;
import dev.agentbroker.llm.ModelGateway;
import dev.agentbroker.llm.provider.HttpProvider;
import dev.agentbroker.llm.provider.Provider;
import dev.agentbroker.llm.provider.ProviderKind;
import dev.agentbroker.llm.provider.ProviderSpec;
import dev.agentbroker.llm.routing.Deployment;
import dev.agentbroker.llm.routing.ModelAlias;
import dev.agentbroker.llm.routing.Router;
import dev.agentbroker.llm.sandbox.SandboxProvider;
import dev.agentbroker.llm.sandbox.ScenarioLibrary;
import dev.agentbroker.llm.usage.BudgetLedger;
import dev.agentbroker.llm.usage.Budgets;

/**
 * Builds the model gateway from the {@code providers} and {@code models} sections: resolves
 * provider keys (failing start-up naming the key path when a reference cannot be read),
 * creates provider clients, deployments and the router, and returns the HTTP service.
 * Plain wiring code, called once from {@code Broker.start}.
 */
public final class ModelsFeature {
    private ModelsFeature() {
    }

    /**
     * The {@code /v1} service.
     *
     * @param resource the absolute URL tokens must be issued for (e.g. {@code http://127.0.0.1:8080/v1})
     * @param gate     the pre-call decision point (Cedar); {@link CallGate#ALLOW_ALL} until then
     * @param ledger   where budget counters live
     * @param registry where the provider's share of each call is timed
     */
    public static ModelsService create(Map<String, ProviderConfig> providers, ModelsConfig models, TokenVerifier verifier,
                                       AuditSink audit, Supplier<String> resource, CallGate gate, BudgetLedger ledger,
                                       Map<String, String> environment, MeterRegistry registry) {
        ModelGateway gateway = gateway(providers, models, gate, new AuditingCallListener(audit, registry), ledger,
                environment);
        return new ModelsService(gateway, verifier, resource);
    }

    static ModelGateway gateway(Map<String, ProviderConfig> providers, ModelsConfig models, CallGate gate,
                                dev.agentbroker.llm.usage.ModelCallListener listener, BudgetLedger ledger,
                                Map<String, String> environment) {
        models.checkProviders(providers);
        Clock clock = Clock.systemUTC();
        Map<String, Provider> built = new LinkedHashMap<>();
        providers.forEach((name, config) -> built.put(name, provider(name, config, clock, environment)));
        Map<String, ModelAlias> aliases = new LinkedHashMap<>();
        models.aliases().forEach((name, alias) -> {
            List<Deployment> deployments = alias.deployments().stream()
                    .map(d -> new Deployment(built.get(d.provider()), d.model(), d.weight(), d.timeouts(), models.breaker()))
                    .toList();
            aliases.put(name, new ModelAlias(name, alias.strategy(), deployments));
        });
        Router router = new Router(aliases, models.retry(), clock, new Random());
        return new ModelGateway(router, new Budgets(models.budgets(), ledger), gate, listener, clock);
    }

    private static Provider provider(String name, ProviderConfig config, Clock clock, Map<String, String> environment) {
        if (config.kind() == ProviderKind.SANDBOX) {
            ScenarioLibrary library;
            try {
                library = ScenarioLibrary.load(config.scenarios());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("providers." + name + ".scenarios", e.getMessage());
            }
            return new SandboxProvider(new ProviderSpec(name, config.kind(), null, null, null), library, clock);
        }
        String keyPath = "providers." + name + ".api-key";
        Supplier<String> key = null;
        if (config.apiKey().isPresent()) {
            SecretRef ref = config.apiKey().get();
            String value = ref.resolve(keyPath, environment);
            key = () -> value;
        }
        return new HttpProvider(new ProviderSpec(name, config.kind(), config.baseUrl(), key, config.apiVersion()));
    }
}
