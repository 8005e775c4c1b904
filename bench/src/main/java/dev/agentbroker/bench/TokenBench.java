package dev.agentbroker.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.token.AgentRegistry;
import dev.agentbroker.broker.token.BrokerUrls;
import dev.agentbroker.broker.token.ExchangeGate;
import dev.agentbroker.broker.token.ExchangeParams;
import dev.agentbroker.broker.token.FileRevocationList;
import dev.agentbroker.broker.token.IdentityConfig;
import dev.agentbroker.broker.token.TaskTokenVerifier;
import dev.agentbroker.broker.token.TokenService;
import dev.agentbroker.broker.token.TokensFeature;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * The token service in-process with the quickstart identities: a sub-agent token exchange
 * (verify subject and actor, apply the rules, sign ES256, audit to a no-op sink), the
 * verification every protected endpoint runs on a token it has seen before (cache hit: time,
 * revocation and agent checks), and the first verification of a token (ES256 signature).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(time = 2)
@Measurement(time = 3)
public class TokenBench {
    private static final URI BASE = URI.create("http://127.0.0.1:8080");
    private static final String MCP = BASE + "/mcp";

    private TokenService service;
    private AgentRegistry.Agent helper;
    private String parent;
    private String helperActor;
    private String child;
    private IdentityConfig identity;
    private Path dataDir;
    private TokensFeature tokens;
    private AgentRegistry registry;
    private FileRevocationList revocations;

    @Setup
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("token-bench");
        identity = new ConfigLoader().loadEmbedded().identity();
        tokens = TokensFeature.create(identity, dataDir, BrokerUrls.fixed(BASE), event -> 0L,
                ExchangeGate.CEILINGS_ONLY, Map.of(), Clock.systemUTC());
        service = tokens.service();
        AgentRegistry.Agent research = service.agents().find("research-agent").orElseThrow();
        helper = service.agents().find("helper-agent").orElseThrow();
        String user = tokens.devIdp().issue("alice");
        String researchActor = actor(research);
        parent = service.exchange(research, new ExchangeParams(user, ExchangeParams.JWT, researchActor,
                ExchangeParams.ACCESS_TOKEN, "mcp:fs model:sandbox", List.of(), Optional.empty())).token();
        helperActor = actor(helper);
        child = exchangeSubAgentHop();
        registry = AgentRegistry.of(identity.agents(), Map.of());
        revocations = FileRevocationList.open(dataDir, Clock.systemUTC());
    }

    private String actor(AgentRegistry.Agent agent) {
        return service.clientCredentials(agent, null, List.of(), Optional.empty()).token();
    }

    @Benchmark
    public String exchangeSubAgentHop() {
        return service.exchange(helper, new ExchangeParams(parent, ExchangeParams.ACCESS_TOKEN, helperActor,
                ExchangeParams.ACCESS_TOKEN, "mcp:fs/read_file", List.of(), Optional.empty())).token();
    }

    @Benchmark
    public VerifiedToken verifyKnownToken() {
        return tokens.verifier().verify(child, MCP + "/fs");
    }

    @Benchmark
    public VerifiedToken verifyFirstUse() {
        TaskTokenVerifier fresh = new TaskTokenVerifier(tokens.keys(), BrokerUrls.fixed(BASE), revocations, registry,
                Duration.ofSeconds(60), Clock.systemUTC());
        return fresh.verify(child, MCP + "/fs");
    }
}
