package dev.agentbroker.broker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.CedarMap;

/**
 * Pruning each request to what the enforced policies can read: a sound over-approximation of
 * the names they mention, and a policy that reads what was pruned anyway is a deny with an error.
 */
class PolicyReadsTest {
    private static final String PERMIT = "@id(\"tools-by-scope-and-token\") permit (principal, action == Action::\"call_tool\","
            + " resource) when { context.token.scopes.containsAny(resource.grantedBy) };\n";
    private static final String FORBID_FROZEN = "@id(\"no-frozen-tasks\") forbid (principal, action, resource)"
            + " when { context.task.labels.contains(\"frozen\") };\n";
    private final RequestTranslator translator = new RequestTranslator(new ArgumentCanonicaliser(List.of("/sandbox")));

    @Test
    void keepsEveryNameMentionedAndDropsTheRest() {
        PolicyReads reads = PolicyReads.of(List.of(PERMIT + "// budgets are for models\n", """
                @id("x") forbid (principal, action, resource) when { context["task"].id == "offline" };"""));
        for (String name : List.of("token", "scopes", "grantedBy", "task", "id", "budgets")) {
            assertTrue(reads.readsName(name), name);
        }
        for (String name : List.of("labels", "clientId", "toolScopes", "delegation", "now", "args")) {
            assertFalse(reads.readsName(name), name);
        }
        assertFalse(PolicyReads.of(List.of(PERMIT)).readsName("and"), "annotations are not read");
    }

    @Test
    void prunesContextFieldsAttributesAndTagsOfARealRequest() {
        CedarCall call = translator.translate(request(Set.of("frozen")), catalog());
        CedarCall pruned = PolicyReads.of(List.of(PERMIT, """
                @id("p") forbid (principal, action, resource) when { context.args.values.hasTag("/path") };""")).prune(call);

        assertEquals(Set.of("token", "args"), pruned.context().keySet());
        assertEquals(Set.of("scopes"), ((CedarMap) pruned.context().get("token")).keySet());
        assertEquals(Set.of("values"), ((CedarMap) pruned.context().get("args")).keySet());
        Entity tool = entity(pruned, "Tool");
        assertEquals(Set.of("grantedBy"), tool.attrs.keySet());
        assertEquals(Set.of(), tool.getParents(), "no policy uses in: the hierarchy is not read");
        assertEquals(Set.of("/path"), entity(pruned, "Arguments").getTags().keySet());
        assertEquals(Set.of("Tool", "Arguments"), pruned.entities().stream().map(e -> e.getEUID().getType().toString())
                .collect(java.util.stream.Collectors.toSet()), "entities left with nothing to read are dropped");
    }

    @Test
    void keepsTheHierarchyAndEveryEntityWhenSomePolicyUsesIn() {
        CedarCall call = translator.translate(request(Set.of()), catalog());
        CedarCall pruned = PolicyReads.of(List.of(PERMIT, """
                @id("g") forbid (principal, action, resource in ToolGroup::"fs-write") when { context.args.count > 9 };"""))
                .prune(call);

        assertEquals(entity(call, "Tool").getParents(), entity(pruned, "Tool").getParents());
        assertEquals(call.entities().size(), pruned.entities().size());
        assertTrue(entity(pruned, "Agent").attrs.isEmpty());
    }

    @Test
    void keepsMoreWhenThePoliciesCouldReadMore() {
        CedarCall call = translator.translate(request(Set.of()), catalog());
        CedarCall whole = PolicyReads.of(List.of("permit (principal, action, resource) when { context.task == context.task };"))
                .prune(call);
        assertEquals(Set.of("id", "labels"), ((CedarMap) whole.context().get("task")).keySet(), "a record used whole");

        CedarCall escaped = PolicyReads.of(List.of("permit (principal, action, resource) when { context has \"\\u{6e}ow\" };"))
                .prune(call);
        assertEquals(call.context().keySet(), escaped.context().keySet(), "an escape could spell any name");

        PolicyReads dynamicTag = PolicyReads.of(List.of(
                "permit (principal, action, resource) when { context.args.values.hasTag(context.task.id) };"));
        assertTrue(dynamicTag.readsTag("/anything"));
        assertFalse(PolicyReads.of(List.of(PERMIT)).readsTag("/path"), "no policy reads tags");
    }

    @Test
    void aPolicyReadingAnOmittedFieldDeniesWithAnError() throws Exception {
        PolicyRequest frozen = request(Set.of("frozen"));
        PolicyRequest other = request(Set.of("q3"));

        PolicyEngine sound = engine(UnvalidatedSnapshots.of(PERMIT + FORBID_FROZEN));
        assertFalse(sound.authorize(frozen).allowed());
        assertTrue(sound.authorize(frozen).errors().isEmpty(), "the forbid applies");
        assertTrue(sound.authorize(other).allowed());

        PolicyEngine underApproximated = engine(UnvalidatedSnapshots.of(PERMIT + FORBID_FROZEN, PERMIT));
        for (PolicyRequest r : List.of(frozen, other)) {
            Decision d = underApproximated.authorize(r);
            assertFalse(d.allowed(), "labels were pruned: " + d);
            assertTrue(d.errors().toString().contains("no-frozen-tasks"), d.errors().toString());
        }
    }

    @Test
    void aShadowCandidateReadsWhatItsOwnPoliciesRead() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PolicyEngine engine = new PolicyEngine(UnvalidatedSnapshots.of(PERMIT), new EntityStore(catalog()),
                new ArgumentCanonicaliser(List.of("/sandbox")), registry, event -> 0L, Runnable::run);
        engine.shadow(UnvalidatedSnapshots.of(PERMIT + FORBID_FROZEN));

        assertTrue(engine.authorize(request(Set.of("q3"))).allowed());
        assertEquals(0, registry.counter("broker.policy.shadow.disagreements", "action", "call_tool").count(),
                "the candidate sees task.labels although the enforced set never reads it");
        assertTrue(engine.authorize(request(Set.of("frozen"))).allowed());
        assertEquals(1, registry.counter("broker.policy.shadow.disagreements", "action", "call_tool").count());
    }

    private static Entity entity(CedarCall call, String type) {
        return call.entities().stream().filter(e -> e.getEUID().getType().toString().equals(type)).findFirst().orElseThrow();
    }

    private PolicyEngine engine(PolicySnapshot snapshot) {
        return new PolicyEngine(snapshot, new EntityStore(catalog()), new ArgumentCanonicaliser(List.of("/sandbox")),
                new SimpleMeterRegistry(), event -> 0L, Runnable::run);
    }

    private static PolicyRequest request(Set<String> labels) {
        Instant now = Instant.now();
        Delegation d = new Delegation("alice", List.of("research"), List.of("research-agent"), "research-agent", "jti",
                "task", Set.of("mcp:fs"), now.minusSeconds(5), now.plusSeconds(300));
        return PolicyRequest.builder(d, new Target.Tool("fs", "write_file")).now(now).taskLabels(labels)
                .arguments(Json.createObjectBuilder().add("path", "/sandbox/a.txt").add("mode", "w").build()).build();
    }

    private static EntityCatalog catalog() {
        return EntityCatalog.EMPTY.withAgents(List.of(new AgentDescriptor("research-agent", Set.of("assistant"))))
                .withTools("fs", List.of(new ToolDescriptor("fs", "write_file", new ToolAnnotations(false, true, null, null),
                        Set.of("fs-write"))));
    }
}
