package dev.agentbroker.broker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;

/**
 * The contract that replaces Cedar's per-request validation: every request shape the real
 * {@link RequestTranslator} produces (every action; with and without a human, an approval,
 * task labels and arguments of every JSON kind, nested and empty) validates against
 * agent-broker.cedarschema with cedar-java's validating call, and evaluates the quickstart
 * set without an error. A translator change that builds an invalid context fails the build.
 */
class TranslatorSchemaConformanceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final PolicySnapshot snapshot = new PolicyLoader().load(PolicyCasesTest.POLICIES.resolve("quickstart").toString());
    private final RequestTranslator translator = new RequestTranslator(new ArgumentCanonicaliser(List.of("/sandbox")));
    private final BasicAuthorizationEngine cedar = new BasicAuthorizationEngine();

    @Test
    void everyShapeTheTranslatorBuildsValidatesAgainstTheSchema() {
        List<PolicyRequest> requests = requests();
        List<String> problems = new ArrayList<>();
        for (PolicyRequest r : requests) {
            problems.addAll(validate(translator.translate(r, catalog()), r.toString()));
        }
        assertEquals(List.of(), problems);
        assertTrue(requests.size() >= 150, "generated " + requests.size());
    }

    @Test
    void theValidatingCallRejectsAContextThatIsNotTheSchemas() {
        PolicyRequest r = PolicyRequest.builder(delegations().get(1), new Target.Tool("fs", "write_file")).now(NOW)
                .arguments(JsonValue.EMPTY_JSON_OBJECT).build();
        CedarCall call = translator.translate(r, catalog());
        Map<String, Value> missing = new HashMap<>(call.context());
        missing.remove("now");
        Map<String, Value> wrongType = new HashMap<>(call.context());
        wrongType.put("now", new PrimString("noon"));
        for (Map<String, Value> context : List.of(missing, wrongType)) {
            CedarCall bad = new CedarCall(call.principal(), call.action(), call.resource(), context, call.entities());
            assertFalse(validate(bad, "bad").isEmpty(), "must not validate: " + context.get("now"));
        }
    }

    @Test
    void theJavaShapeCheckRefusesWhatTheSchemaWould() {
        PolicyRequest r = PolicyRequest.builder(delegations().get(1), new Target.Model("sandbox")).now(NOW).build();
        CedarCall call = translator.translate(r, catalog());
        Map<String, Value> extra = new HashMap<>(call.context());
        extra.put("args", new PrimString("x"));
        Map<String, Value> missing = new HashMap<>(call.context());
        missing.remove("budgets");
        for (Map<String, Value> context : List.of(extra, missing)) {
            assertTrue(assertThrowsPolicy(() -> RequestShape.check(PolicyAction.INVOKE_MODEL, call.resource(), context)));
        }
        assertTrue(assertThrowsPolicy(() -> RequestShape.check(PolicyAction.CALL_TOOL, call.resource(), call.context())));
    }

    private static boolean assertThrowsPolicy(Runnable check) {
        try {
            check.run();
            return false;
        } catch (PolicyException e) {
            return true;
        }
    }

    private List<String> validate(CedarCall call, String what) {
        AuthorizationRequest request = new AuthorizationRequest(call.principal(), call.action(), call.resource(),
                Optional.of(call.context()), Optional.of(snapshot.schema()), true);
        try {
            AuthorizationResponse response = cedar.isAuthorized(request, snapshot.policies(), call.entities());
            if (response.success.isEmpty()) {
                return List.of(what + ": " + response.errors.map(Object::toString).orElse("failure"));
            }
            return response.success.get().getErrors().stream().map(e -> what + ": " + e.getError().message).toList();
        } catch (Exception e) {
            return List.of(what + ": " + e);
        }
    }

    static List<PolicyRequest> requests() {
        List<PolicyRequest> out = new ArrayList<>();
        for (Target target : targets()) {
            boolean takesArguments = target.action() == PolicyAction.CALL_TOOL || target.action() == PolicyAction.GET_PROMPT;
            List<JsonValue> argumentSets = takesArguments ? arguments() : java.util.Collections.singletonList(null);
            for (Delegation d : delegations()) {
                for (Approval approval : new Approval[] {null, new Approval("bob", NOW.minusSeconds(60))}) {
                    for (JsonValue args : argumentSets) {
                        for (Set<String> labels : List.of(Set.<String>of(), Set.of("finance", "q3"))) {
                            out.add(PolicyRequest.builder(d, target).now(NOW).approval(approval).arguments(args)
                                    .taskLabels(labels).budgets(new Budgets(10, Long.MAX_VALUE, 2, 0))
                                    .agent(target instanceof Target.TokenExchange ? "helper-agent" : d.clientId())
                                    .build());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Target> targets() {
        return List.of(new Target.Model("sandbox"), new Target.Tool("fs", "write_file"), new Target.ToolList("fs"),
                new Target.Resource("fs", "file:///sandbox/a.txt"), new Target.Resource("fs", "no-scheme"),
                new Target.Prompt("fs", "summarise"), new Target.TokenExchange("https://api.example", Set.of()),
                new Target.TokenExchange("https://api.example", Set.of("mcp:fs", "model:*")));
    }

    private static List<Delegation> delegations() {
        Instant iat = NOW.minusSeconds(30);
        Instant exp = NOW.plusSeconds(600);
        return List.of(new Delegation(null, List.of(), List.of(), "research-agent", "jti-1", "", Set.of(), iat, exp),
                new Delegation("alice", List.of(), List.of("research-agent"), "research-agent", "jti-2", "task",
                        Set.of("mcp:fs"), iat, exp),
                new Delegation("alice", List.of("research", "eng"), List.of("research-agent", "helper-agent"),
                        "helper-agent", "jti-3", "task", Set.of("mcp:fs", "model:*"), iat, exp));
    }

    /** Arguments of every JSON kind, nested, empty, and keys that look like Cedar's JSON escapes. */
    private static List<JsonValue> arguments() {
        return List.of(JsonValue.NULL, JsonValue.EMPTY_JSON_OBJECT,
                Json.createObjectBuilder().add("path", "/sandbox/a/../b.txt").add("url", "https://Example.COM./x")
                        .add("n", 42).add("pi", 3.25).add("neg", -7).add("big", Long.MAX_VALUE).add("yes", true)
                        .add("no", false).addNull("nothing").add("text", "é ü \u2603").build(),
                Json.createObjectBuilder().add("options", Json.createObjectBuilder().add("empty", JsonValue.EMPTY_JSON_OBJECT)
                                .add("list", Json.createArrayBuilder().add(1).add("two").addNull().add(false)
                                        .add(Json.createObjectBuilder().add("paths", Json.createArrayBuilder()
                                                .add("/sandbox/x").add("/etc/passwd")))))
                        .add("none", JsonValue.EMPTY_JSON_ARRAY).add("__entity", "x").add("__extn", 1)
                        .add("a/b~c", "escaped pointer").add("", "empty key").build());
    }

    static EntityCatalog catalog() {
        ToolAnnotations write = new ToolAnnotations(false, true, null, null);
        return EntityCatalog.EMPTY
                .withAgents(List.of(new AgentDescriptor("research-agent", Set.of("assistant")),
                        new AgentDescriptor("helper-agent", Set.of()))).withModels(List.of(new ModelDescriptor("sandbox", "local", "sandbox")))
                .withTools("fs", List.of(new ToolDescriptor("fs", "write_file", write, Set.of("fs-write"))));
    }
}
