package dev.agentbroker.broker.token;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.config.ConfigNode;

/**
 * The identity sections of the configuration: {@code tokens} (issuing), {@code agents}
 * (registered OAuth clients), {@code issuers} (trusted subject-token IdPs) and
 * {@code dev-idp} (the embedded development IdP). Immutable; validated once at start-up.
 */
public record IdentityConfig(TokensConfig tokens, List<AgentConfig> agents, List<IssuerConfig> issuers,
                             DevIdpConfig devIdp) {
    public static final IdentityConfig NONE =
            new IdentityConfig(TokensConfig.DEFAULTS, List.of(), List.of(), DevIdpConfig.DISABLED);

    public IdentityConfig {
        agents = List.copyOf(agents);
        issuers = List.copyOf(issuers);
    }

    /** Reads the four sections from the configuration's top level. */
    public static IdentityConfig read(ConfigNode root) {
        TokensConfig tokens = root.child("tokens").read(TokensConfig::read);
        List<AgentConfig> agents = root.list("agents", AgentConfig::read);
        List<IssuerConfig> issuers = root.list("issuers", IssuerConfig::read);
        DevIdpConfig devIdp = root.child("dev-idp").read(DevIdpConfig::read);
        checkAgents(agents);
        return new IdentityConfig(tokens, agents, issuers, devIdp);
    }

    private static void checkAgents(List<AgentConfig> agents) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < agents.size(); i++) {
            if (!ids.add(agents.get(i).id())) {
                throw new ConfigException("agents[" + i + "].id", "duplicate agent id \"" + agents.get(i).id() + "\"");
            }
        }
        for (int i = 0; i < agents.size(); i++) {
            for (String target : agents.get(i).mayDelegateTo()) {
                if (!ids.contains(target)) {
                    throw new ConfigException("agents[" + i + "].may-delegate-to",
                            "unknown agent \"" + target + "\" (not in agents[].id)");
                }
            }
        }
    }
}
