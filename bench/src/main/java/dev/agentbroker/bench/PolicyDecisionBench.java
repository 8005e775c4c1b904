package dev.agentbroker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.agentbroker.broker.policy.AgentDescriptor;
import dev.agentbroker.broker.policy.ArgumentCanonicaliser;
import dev.agentbroker.broker.policy.Budgets;
import dev.agentbroker.broker.policy.Decision;
import dev.agentbroker.broker.policy.Delegation;
import dev.agentbroker.broker.policy.EntityCatalog;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.policy.ModelDescriptor;
import dev.agentbroker.broker.policy.PolicyEngine;
import dev.agentbroker.broker.policy.PolicyLoader;
import dev.agentbroker.broker.policy.PolicyRequest;
import dev.agentbroker.broker.policy.PolicySnapshot;
import dev.agentbroker.broker.policy.Target;
import dev.agentbroker.broker.policy.ToolAnnotations;
import dev.agentbroker.broker.policy.ToolDescriptor;

/**
 * One realistic {@code tools/call} decision: the quickstart's example policies plus generated
 * ones up to 100 (group-bound servers, path and host rules on arguments, agent-class rules),
 * an entity hierarchy (user in three groups, a depth-2 agent chain with classes, a tool in a
 * server and a tool group among 80 servers), and nested arguments with a path and a URL in
 * context. Also the decision behind {@code tools/list} filtering, uncached and cached, and a
 * model call under the built-in default set (what {@code bench/run}'s broker decides per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyDecisionBench {
    static final int POLICIES = 100;
    static final int SERVERS = 80;

    private PolicyEngine engine;
    private PolicyRequest call;
    private PolicyRequest listing;
    private PolicyEngine defaultEngine;
    private PolicyRequest modelCall;
    private long listings;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("policy-bench");
        int count = copyQuickstart(dir);
        Files.writeString(dir.resolve("90-generated.cedar"), generated(POLICIES - count));
        PolicySnapshot snapshot = new PolicyLoader().load(dir.toString());
        if (snapshot.policyIds().size() != POLICIES) {
            throw new IllegalStateException("expected " + POLICIES + " policies, got " + snapshot.policyIds().size());
        }
        engine = new PolicyEngine(snapshot, new EntityStore(catalog()), new ArgumentCanonicaliser(List.of("/sandbox")),
                new SimpleMeterRegistry(), event -> 0L, Runnable::run);
        call = request(arguments());
        listing = request(null);
        defaultEngine = new PolicyEngine(new PolicyLoader().load("builtin:default"), new EntityStore(catalog()),
                new ArgumentCanonicaliser(List.of("/sandbox")), new SimpleMeterRegistry(), event -> 0L, Runnable::run);
        modelCall = PolicyRequest.builder(call.delegation(), new Target.Model("sandbox")).now(call.now()).build();
        if (!defaultEngine.authorize(modelCall).allowed()) {
            throw new IllegalStateException("the model call must be allowed: " + defaultEngine.authorize(modelCall));
        }
        Decision d = engine.authorize(call);
        if (!d.allowed() || !engine.couldPermit(listing) || !engine.couldPermit(listingOf("read_file", 0))) {
            throw new IllegalStateException("the benchmark request must be allowed: " + d);
        }
    }

    @Benchmark
    public Decision toolCallDecision() {
        return engine.authorize(call);
    }

    /** Listing a tool the cache has not seen, answered by a witness (read_file is callable without arguments). */
    @Benchmark
    public boolean toolListFilterWitness() {
        return engine.couldPermit(listingOf("read_file", ++listings));
    }

    /** Listing a tool the cache has not seen, answered by partial evaluation (write_file needs a path argument). */
    @Benchmark
    public boolean toolListFilterPartial() {
        return engine.couldPermit(listingOf("write_file", ++listings));
    }

    /** Listing a tool again within 10 s: answered by the cache. */
    @Benchmark
    public boolean toolListFilterCached() {
        return engine.couldPermit(listing);
    }

    /** A model call under the built-in default set: two policies can decide it. */
    @Benchmark
    public Decision modelCallDecision() {
        return defaultEngine.authorize(modelCall);
    }

    /** Distinct budgets make a request the cache has not seen. */
    private PolicyRequest listingOf(String tool, long tokensUsed) {
        return PolicyRequest.builder(listing.delegation(), new Target.Tool("fs", tool)).now(listing.now())
                .budgets(new Budgets(tokensUsed, Long.MAX_VALUE, 0, Long.MAX_VALUE)).build();
    }

    private static int copyQuickstart(Path dir) throws IOException {
        Path quickstart = Path.of("cedar-policies", "policies", "quickstart");
        if (!Files.isDirectory(quickstart)) {
            quickstart = Path.of("..").resolve(quickstart);
        }
        int policies = 0;
        try (Stream<Path> files = Files.list(quickstart)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cedar")).toList()) {
                String text = Files.readString(f);
                policies += text.split("@id\\(", -1).length - 1;
                Files.writeString(dir.resolve(f.getFileName()), text);
            }
        }
        return policies;
    }

    /** Policies in the shapes security teams write, each on its own server, group, path or host. */
    static String generated(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String server = "srv-" + (i % SERVERS);
            out.append("@id(\"gen-").append(i).append("\")\n");
            switch (i % 4) {
                case 0 -> out.append("forbid (principal, action == Action::\"call_tool\", resource in McpServer::\"")
                        .append(server).append("\")\nunless { context.delegation has human && context.delegation.human in Group::\"team-")
                        .append(i).append("\" };\n");
                case 1 -> out.append("forbid (principal, action == Action::\"call_tool\", resource in ToolGroup::\"fs-write\")\n")
                        .append("when { context.args.values.hasTag(\"/path\") && context.args.values.getTag(\"/path\") like \"/sandbox/secret-")
                        .append(i).append("/*\" };\n");
                case 2 -> out.append("forbid (principal, action == Action::\"call_tool\", resource)\n")
                        .append("when { context.args.hosts.contains(\"blocked-").append(i).append(".example\") };\n");
                default -> out.append("forbid (principal in AgentClass::\"class-").append(i)
                        .append("\", action == Action::\"call_tool\", resource in McpServer::\"").append(server)
                        .append("\")\nwhen { context.delegation.depth > 1 };\n");
            }
        }
        return out.toString();
    }

    private static EntityCatalog catalog() {
        EntityCatalog c = EntityCatalog.EMPTY
                .withAgents(List.of(new AgentDescriptor("research-agent", Set.of("assistant", "class-3")),
                        new AgentDescriptor("helper-agent", Set.of("sub-agent", "class-7"))))
                .withModels(List.of(new ModelDescriptor("sandbox", "sandbox", "sandbox")));
        for (int i = 0; i < SERVERS; i++) {
            c = c.withServer("srv-" + i);
        }
        ToolAnnotations write = new ToolAnnotations(false, true, true, false);
        ToolAnnotations read = new ToolAnnotations(true, false, true, false);
        return c.withTools("fs", List.of(new ToolDescriptor("fs", "write_file", write, Set.of("fs-write")),
                new ToolDescriptor("fs", "read_file", read, Set.of("fs-read"))));
    }

    private static JsonObject arguments() {
        return Json.createObjectBuilder().add("path", "/sandbox/reports/../reports/q3.txt")
                .add("content", "Quarterly figures: revenue up 4%, costs flat.")
                .add("options", Json.createObjectBuilder().add("mode", "overwrite").add("encoding", "utf-8")
                        .add("tags", Json.createArrayBuilder().add("finance").add("q3")))
                .add("url", "https://example.com/reports/q3?format=txt").build();
    }

    private static PolicyRequest request(JsonObject arguments) {
        Instant now = Instant.now();
        Delegation d = new Delegation("alice", List.of("research", "team-0", "eng"), List.of("research-agent", "helper-agent"),
                "helper-agent", "jti-bench", "task-bench", Set.of("mcp:fs", "model:*"), now.minusSeconds(30),
                now.plusSeconds(600));
        return PolicyRequest.builder(d, new Target.Tool("fs", "write_file")).arguments(arguments).now(now).build();
    }
}
