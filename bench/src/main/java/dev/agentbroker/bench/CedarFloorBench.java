package dev.agentbroker.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.CedarMap;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

/**
 * What one cedar-java 4.10 {@code isAuthorized} call costs before any policy of ours is
 * evaluated: a natively cached set of one trivial policy, and what the call carries. The
 * {@code payload} parameter chooses it: nothing; the context and the entities that
 * {@link PolicyDecisionBench}'s tool call sends after pruning (printed from the broker's
 * translator and rebuilt here with cedar-java's public types); either half; and ten values of
 * one kind in the context, to price a Long, a String and an entity reference apart. The
 * difference to {@code PolicyDecisionBench.toolCallDecision} is the price of the policies
 * themselves. Nothing here depends on the broker, so the figures are cedar-java's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CedarFloorBench {
    @Param({"nothing", "toolCallContext", "toolCallEntities", "toolCall", "tenLongs", "tenStrings", "tenEntityRefs"})
    public String payload;

    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
    private PolicySet trivial;
    private AuthorizationRequest request;
    private Set<Entity> entities;

    @Setup(Level.Trial)
    public void setUp() throws InternalException, CacheException, AuthException {
        trivial = PolicySet.parsePolicies("permit (principal, action, resource);");
        trivial.cache();
        Map<String, Value> context = switch (payload) {
            case "toolCallContext", "toolCall" -> toolCallContext();
            case "tenLongs" -> ten(i -> new PrimLong(i));
            case "tenStrings" -> ten(i -> new PrimString("value-" + i));
            case "tenEntityRefs" -> ten(i -> uid("Agent", "agent-" + i));
            default -> Map.of();
        };
        entities = payload.equals("toolCallEntities") || payload.equals("toolCall") ? toolCallEntities() : Set.of();
        request = new AuthorizationRequest(uid("Agent", "helper-agent"), uid("Action", "call_tool"),
                uid("Tool", "fs/write_file"), Optional.of(context), Optional.empty(), false);
        if (engine.isAuthorized(request, trivial, entities).success.isEmpty()) {
            throw new IllegalStateException("the request must be decided: " + payload);
        }
    }

    @Benchmark
    public AuthorizationResponse isAuthorized() throws AuthException {
        return engine.isAuthorized(request, trivial, entities);
    }

    /** The pruned context of the benchmark's tool call: 5 records, 4 sets, 4 numbers, 3 entity references. */
    static Map<String, Value> toolCallContext() {
        Map<String, Value> c = new HashMap<>();
        c.put("args", new CedarMap(Map.of("allPathsUnder", strings("/sandbox"), "hosts", strings("example.com"),
                "values", uid("Arguments", "call"))));
        c.put("task", new CedarMap(Map.of("labels", new CedarList())));
        c.put("budgets", new CedarMap(Map.of("tokensLeft", new PrimLong(Long.MAX_VALUE), "tokensUsed", new PrimLong(0))));
        c.put("delegation", new CedarMap(Map.of("human", uid("User", "alice"), "depth", new PrimLong(2),
                "root", uid("Agent", "research-agent"))));
        c.put("token", new CedarMap(Map.of("expiresInSeconds", new PrimLong(600), "scopes", strings("mcp:fs", "model:*"))));
        return c;
    }

    /** The pruned entities of the benchmark's tool call: 5 entities, 7 parents, 3 attributes, 1 tag. */
    static Set<Entity> toolCallEntities() {
        return Set.of(
                new Entity(uid("Arguments", "call"), new HashMap<>(), Set.of(), Map.of("/path", new PrimString("/sandbox/reports/q3.txt"))),
                new Entity(uid("Tool", "fs/write_file"), new HashMap<>(Map.of("grantedBy", strings("mcp:*", "mcp:fs", "mcp:fs/write_file"),
                        "readOnly", new PrimBool(false), "destructive", new PrimBool(true))),
                        Set.of(uid("ToolGroup", "fs-write"), uid("McpServer", "fs"))),
                new Entity(uid("User", "alice"), new HashMap<>(), Set.of(uid("Group", "eng"), uid("Group", "research"), uid("Group", "team-0"))),
                new Entity(uid("Agent", "research-agent"), new HashMap<>(), Set.of(uid("AgentClass", "class-3"), uid("AgentClass", "assistant"))),
                new Entity(uid("Agent", "helper-agent"), new HashMap<>(), Set.of(uid("AgentClass", "sub-agent"), uid("AgentClass", "class-7"))));
    }

    private static Map<String, Value> ten(java.util.function.IntFunction<Value> value) {
        Map<String, Value> c = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            c.put("k" + i, value.apply(i));
        }
        return c;
    }

    private static CedarList strings(String... values) {
        CedarList list = new CedarList();
        List.of(values).forEach(v -> list.add(new PrimString(v)));
        return list;
    }

    private static EntityUID uid(String type, String id) {
        return new EntityUID(EntityTypeName.parse(type).orElseThrow(), id);
    }
}
