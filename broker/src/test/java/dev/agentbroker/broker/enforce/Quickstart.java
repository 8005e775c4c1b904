package dev.agentbroker.broker.enforce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.agentbroker.broker.config.BrokerConfig;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.policy.AgentDescriptor;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.token.InvalidTokenException;
import dev.agentbroker.broker.token.TokenVerifier;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * The quickstart's example policies, models, tool groups and agents for enforcement tests,
 * and a {@link TokenVerifier} over tokens the test mints (standing in for the JWT verifier).
 */
final class Quickstart implements TokenVerifier {
    static final Path POLICIES = Path.of("..", "cedar-policies", "policies", "quickstart").toAbsolutePath().normalize();
    private final Map<String, VerifiedToken> issued = new ConcurrentHashMap<>();

    /** A broker configuration enforcing {@code policies} (hot reloaded every 100 ms when {@code watch}). */
    static BrokerConfig config(Path policies, boolean watch, Path dataDir) {
        String yaml = """
                server:
                  port: 0
                data-dir: %s
                providers:
                  sandbox:
                    kind: sandbox
                models:
                  aliases:
                    sandbox:
                      family: sandbox
                      deployments:
                        - provider: sandbox
                          model: echo
                    sandbox-large:
                      family: restricted
                      deployments:
                        - provider: sandbox
                          model: echo
                policies:
                  directory: %s
                  watch: %s
                  watch-interval: 100ms
                  path-roots: [/sandbox]
                  tool-groups:
                    fs-read: [fs/read_file, fs/list_directory]
                    fs-write: [fs/write_file, fs/delete_file]
                """.formatted(dataDir, policies, watch);
        return new ConfigLoader().parse("test", yaml);
    }

    /** The agents of the quickstart catalog, as the agent registry would provide them. */
    static void registerAgents(EntityStore store) {
        store.setAgents(List.of(new AgentDescriptor("research-agent", Set.of("assistant")),
                new AgentDescriptor("summarizer-agent", Set.of("assistant")),
                new AgentDescriptor("helper-agent", Set.of("sub-agent")),
                new AgentDescriptor("deep-agent", Set.of("sub-agent"))));
    }

    /** Copies the quickstart's policy files (not its cases) into {@code dir}. */
    static Path copyPolicies(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(POLICIES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cedar")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** A verified token of {@code human} (in {@code group}) acting through {@code chain}, root first. */
    static VerifiedToken token(String human, String group, List<String> chain, String... scopes) {
        Instant now = Instant.now();
        return new VerifiedToken("jti-" + String.join("-", chain) + "-" + now.toEpochMilli(), human, List.of(group),
                chain.get(chain.size() - 1), chain, "task-1", "0af7651916cd43dd8448eb211c80319c", Set.of(scopes),
                List.of("http://127.0.0.1/v1"), now.minusSeconds(5), now.plusSeconds(300), null);
    }

    /** Registers {@code token}; returns the bearer string that verifies to it. */
    String bearer(VerifiedToken token) {
        String bearer = "bearer-" + issued.size() + "-" + token.tokenId();
        issued.put(bearer, token);
        return bearer;
    }

    @Override
    public VerifiedToken verify(String bearerToken, String resource) {
        VerifiedToken token = issued.get(bearerToken);
        if (token == null) {
            throw new InvalidTokenException("token is not valid");
        }
        return token;
    }

    /** Depth-N chains of the quickstart agents: research-agent, helper-agent, deep-agent. */
    static List<String> chain(int depth) {
        List<String> all = List.of("research-agent", "helper-agent", "deep-agent");
        return new ArrayList<>(all.subList(0, depth));
    }
}
