package dev.agentbroker.broker.models;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigNode;
import dev.agentbroker.llm.routing.BreakerSettings;
import dev.agentbroker.llm.routing.RetryPolicy;
import dev.agentbroker.llm.routing.Strategy;
import dev.agentbroker.llm.usage.BudgetLedger;
import dev.agentbroker.llm.usage.BudgetLimits;

/**
 * The {@code models} section: model aliases and their deployments, retry, circuit breaker
 * and budget settings. Immutable; validated against {@code providers} at load time.
 *
 * @param aliases the aliases clients name, in file order
 * @param retry   retry and backoff
 * @param breaker circuit breaker per deployment
 * @param budgets limits per level (task, agent, user); absent levels are unlimited
 */
public record ModelsConfig(Map<String, Alias> aliases, RetryPolicy retry, BreakerSettings breaker,
                           Map<BudgetLedger.Level, BudgetLimits> budgets) {

    /**
     * An alias: its balancing strategy, deployments, and the model family Cedar policies see
     * ({@code resource in ModelFamily::"NAME"}); null when not configured (the family is then
     * the alias name).
     */
    public record Alias(Strategy strategy, List<DeploymentConfig> deployments, String family) {
        /** The family policies see for alias {@code name}. */
        public String familyOf(String name) {
            return family == null ? name : family;
        }

        static Alias read(ConfigNode node) {
            Strategy strategy = node.choice("strategy", Strategy.ORDERED);
            String family = node.optionalString("family").orElse(null);
            if (family != null && (family.isBlank() || family.length() > 128 || family.chars().anyMatch(Character::isISOControl))) {
                throw new ConfigException(node.pathOf("family"), "must be a non-empty name of at most 128 characters");
            }
            List<DeploymentConfig> deployments = node.list("deployments", DeploymentConfig::read);
            if (deployments.isEmpty()) {
                throw new ConfigException(node.pathOf("deployments"), "needs at least one deployment");
            }
            return new Alias(strategy, deployments, family);
        }
    }

    public static ModelsConfig read(ConfigNode node) {
        Map<String, Alias> aliases = node.namedMap("aliases", Alias::read);
        ConfigNode retry = node.child("retry");
        RetryPolicy retryPolicy = retry.read(r -> new RetryPolicy(r.integer("max-attempts", 3, 1, 20),
                r.duration("initial-backoff", Duration.ofMillis(200), Duration.ZERO, Duration.ofMinutes(1)),
                r.duration("max-backoff", Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(10))));
        BreakerSettings breaker = node.child("breaker").read(b -> new BreakerSettings(
                b.integer("failure-threshold", 5, 1, 1000),
                b.duration("open-for", Duration.ofSeconds(30), Duration.ofMillis(1), Duration.ofHours(1))));
        Map<BudgetLedger.Level, BudgetLimits> budgets = new EnumMap<>(BudgetLedger.Level.class);
        ConfigNode budgetNode = node.child("budgets");
        for (BudgetLedger.Level level : BudgetLedger.Level.values()) {
            String key = level.name().toLowerCase();
            if (budgetNode.has(key)) {
                budgets.put(level, budgetNode.child(key).read(b -> new BudgetLimits(
                        b.longValue("tokens", 0, 0, Long.MAX_VALUE), b.longValue("calls", 0, 0, Long.MAX_VALUE))));
            }
        }
        budgetNode.finish();
        return new ModelsConfig(aliases, retryPolicy, breaker, Map.copyOf(budgets));
    }

    /** Fails on a deployment naming a provider that is not configured. */
    public void checkProviders(Map<String, ProviderConfig> providers) {
        for (Map.Entry<String, Alias> alias : aliases.entrySet()) {
            List<DeploymentConfig> deployments = alias.getValue().deployments();
            for (int i = 0; i < deployments.size(); i++) {
                if (!providers.containsKey(deployments.get(i).provider())) {
                    throw new ConfigException("models.aliases." + alias.getKey() + ".deployments[" + i + "].provider",
                            "no provider named \"" + deployments.get(i).provider() + "\" in providers (known: "
                                    + String.join(", ", providers.keySet()) + ")");
                }
            }
        }
    }
}
