package dev.agentbroker.broker.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;

import dev.agentbroker.broker.config.ConfigException;
import dev.agentbroker.broker.policy.AgentDescriptor;

/**
 * The registered agents, resolved from the {@code agents} section: secrets hashed at load
 * (the plain secret is not kept), JWKS parsed. Answers who an agent is, whether it is
 * enabled and whether a presented secret is its own. Immutable; thread-safe.
 */
public final class AgentRegistry {
    private final Map<String, Agent> agents;

    /** An agent with its resolved credentials. */
    public record Agent(AgentConfig config, byte[] secretDigest, JWKSet jwks) {
        public String id() {
            return config.id();
        }
    }

    private AgentRegistry(Map<String, Agent> agents) {
        this.agents = agents;
    }

    /** @throws ConfigException naming the key when a secret reference or JWKS cannot be read */
    public static AgentRegistry of(List<AgentConfig> configs, Map<String, String> environment) {
        Map<String, Agent> out = new LinkedHashMap<>();
        for (int i = 0; i < configs.size(); i++) {
            AgentConfig c = configs.get(i);
            String path = "agents[" + i + "]";
            byte[] digest = c.secretHash().map(h -> HexFormat.of().parseHex(h.substring("sha256:".length())))
                    .or(() -> c.secret().map(ref -> sha256(ref.resolve(path + ".secret", environment))))
                    .orElse(null);
            out.put(c.id(), new Agent(c, digest, c.jwks().map(text -> jwks(path + ".jwks", text)).orElse(null)));
        }
        return new AgentRegistry(Map.copyOf(out));
    }

    public Optional<Agent> find(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    /** Registered and enabled. */
    public boolean isEnabled(String id) {
        Agent a = agents.get(id);
        return a != null && a.config().enabled();
    }

    /** Whether {@code secret} is {@code agent}'s secret (constant-time comparison of digests). */
    public static boolean secretMatches(Agent agent, String secret) {
        return agent.secretDigest() != null && MessageDigest.isEqual(agent.secretDigest(), sha256(secret));
    }

    /** The agents as the Cedar entity store sees them ({@code EntityStore.setAgents}). */
    public List<AgentDescriptor> descriptors() {
        return descriptors(agents.values().stream().map(Agent::config).toList());
    }

    /** The agents of a configuration as the Cedar entity store sees them, without resolving secrets. */
    public static List<AgentDescriptor> descriptors(List<AgentConfig> configs) {
        return configs.stream().map(c -> new AgentDescriptor(c.id(), c.classes())).toList();
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWKSet jwks(String path, String text) {
        try {
            String json = text.trim().startsWith("{") ? text : java.nio.file.Files.readString(java.nio.file.Path.of(text));
            JWKSet set = JWKSet.parse(json);
            if (set.getKeys().stream().anyMatch(k -> k.isPrivate())) {
                throw new ConfigException(path, "must hold public keys only");
            }
            return set;
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new ConfigException(path, "is neither a JWKS nor a readable JWKS file: " + e.getMessage());
        }
    }
}
