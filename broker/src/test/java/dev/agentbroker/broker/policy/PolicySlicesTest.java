package dev.agentbroker.broker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.policy.PolicySet;

/**
 * Deciding a call with only the policies whose scope can match it gives exactly the decision,
 * the determining policies and the errors of the whole set, for every request shape the
 * translator builds and every scope form; and it does leave policies out. Pruning the call to
 * what the slice's own policies read changes neither the decision nor which policies
 * determine it or err.
 */
class PolicySlicesTest {
    private static final String SCOPES = """
            @id("assistants-no-notes") forbid (principal in AgentClass::"assistant", action, resource in McpServer::"notes");
            @id("fs-write-group") forbid (principal is Agent, action == Action::"call_tool", resource is Tool in ToolGroup::"fs-write")
              when { context.args.count > 100 };
            @id("helper-only-models") forbid (principal == Agent::"helper-agent", action == Action::"invoke_model", resource);
            @id("prompts-listed") permit (principal, action in [Action::"get_prompt", Action::"list_tools"], resource is McpServer);
            @id("erring") forbid (principal is Agent in AgentClass::"assistant", action, resource) when { context.approval.approver == "x" };
            """;
    private final RequestTranslator translator = new RequestTranslator(new ArgumentCanonicaliser(List.of("/sandbox")));
    private final BasicAuthorizationEngine cedar = new BasicAuthorizationEngine();

    @Test
    void aSliceDecidesExactlyAsTheWholeSet() throws Exception {
        PolicySnapshot snapshot = UnvalidatedSnapshots.of(quickstart() + SCOPES);
        int smaller = 0;
        for (PolicyRequest r : TranslatorSchemaConformanceTest.requests()) {
            CedarCall call = snapshot.reads().prune(translator.translate(r, TranslatorSchemaConformanceTest.catalog()));
            PolicySet slice = snapshot.slices().forCall(call).policies();
            smaller += slice.policies.size() < snapshot.policies().policies.size() ? 1 : 0;
            assertEquals(decide(snapshot.policies(), call), decide(slice, call), r.toString());
        }
        assertTrue(smaller > 100, "slices left policies out for " + smaller + " requests");
    }

    @Test
    void aCallPrunedToItsSliceDecidesAsTheWholeCallDoes() throws Exception {
        for (String policies : List.of(quickstart() + SCOPES, directory("default"))) {
            PolicySnapshot snapshot = UnvalidatedSnapshots.of(policies);
            int withoutHierarchy = 0;
            for (PolicyRequest r : TranslatorSchemaConformanceTest.requests()) {
                CedarCall full = translator.translate(r, TranslatorSchemaConformanceTest.catalog());
                PolicySlices.Slice slice = snapshot.slices().forCall(full);
                CedarCall pruned = slice.reads().prune(full);
                withoutHierarchy += pruned.entities().stream().allMatch(e -> e.getParents().isEmpty()) ? 1 : 0;
                assertEquals(outcome(snapshot.policies(), full), outcome(slice.policies(), pruned), r.toString());
            }
            if (policies.equals(directory("default"))) {
                assertTrue(withoutHierarchy > 100, "no policy of the default set reads the hierarchy: " + withoutHierarchy);
            }
        }
    }

    @Test
    void aModelCallUnderTheDefaultSetCarriesOnlyWhatItsTwoPoliciesRead() throws Exception {
        PolicySnapshot snapshot = UnvalidatedSnapshots.of(directory("default"));
        PolicyRequest model = TranslatorSchemaConformanceTest.requests().stream()
                .filter(r -> r.target() instanceof Target.Model).findFirst().orElseThrow();
        CedarCall full = translator.translate(model, TranslatorSchemaConformanceTest.catalog());
        PolicySlices.Slice slice = snapshot.slices().forCall(full);
        CedarCall pruned = slice.reads().prune(full);

        assertEquals(List.of("default-forbid-expired-token", "default-invoke-model-by-scope"),
                slice.policies().policies.stream().map(p -> p.policyID).sorted().toList());
        assertEquals(Set.of("token"), pruned.context().keySet());
        assertEquals(List.of(full.resource()), pruned.entities().stream().map(Entity::getEUID).toList(),
                "only the model (grantedBy) is read; the agents and the user are not");
        assertTrue(pruned.entities().iterator().next().getParents().isEmpty());
    }

    @Test
    void aCallOnOneServerSkipsThePoliciesBoundToAnother() {
        PolicySnapshot snapshot = new PolicyLoader().load(PolicyCasesTest.POLICIES.resolve("quickstart").toString());
        PolicyRequest write = TranslatorSchemaConformanceTest.requests().stream()
                .filter(r -> r.target() instanceof Target.Tool).findFirst().orElseThrow();
        CedarCall call = translator.translate(write, TranslatorSchemaConformanceTest.catalog());
        PolicySet slice = snapshot.slices().forCall(call).policies();
        List<String> ids = slice.policies.stream().map(p -> p.policyID).sorted().toList();

        assertTrue(ids.contains("fs-write-inside-sandbox") && ids.contains("default-call-tool-by-scope"), ids.toString());
        assertFalse(ids.contains("notes-research-only") || ids.contains("fetch-allowed-hosts"), ids.toString());
        assertFalse(ids.contains("default-invoke-model-by-scope"), ids.toString());
        assertSame(slice, snapshot.slices().forCall(call).policies(), "a slice is cached once");
    }

    /** Decision, determining policies and the policies that erred (messages differ: a pruned entity is absent). */
    private String outcome(PolicySet policies, CedarCall call) throws Exception {
        AuthorizationRequest request = new AuthorizationRequest(call.principal(), call.action(), call.resource(),
                Optional.of(call.context()), Optional.empty(), false);
        AuthorizationSuccessResponse s = cedar.isAuthorized(request, policies, call.entities()).success.orElseThrow();
        List<String> erred = new ArrayList<>();
        s.getErrors().forEach(e -> erred.add(e.getPolicyId()));
        return s.getDecision() + " " + s.getReason().stream().sorted().toList() + " " + erred.stream().sorted().toList();
    }

    private static String directory(String name) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.list(PolicyCasesTest.POLICIES.resolve(name))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cedar")).sorted().toList()) {
                out.append(Files.readString(f)).append('\n');
            }
        }
        return out.toString();
    }

    private String decide(PolicySet policies, CedarCall call) throws Exception {
        AuthorizationRequest request = new AuthorizationRequest(call.principal(), call.action(), call.resource(),
                Optional.of(call.context()), Optional.empty(), false);
        AuthorizationSuccessResponse s = cedar.isAuthorized(request, policies, call.entities()).success.orElseThrow();
        List<String> errors = new ArrayList<>();
        s.getErrors().forEach(e -> errors.add(e.getPolicyId() + ": " + e.getError().message));
        return s.getDecision() + " " + s.getReason().stream().sorted().toList() + " " + errors;
    }

    private static String quickstart() throws Exception {
        return directory("quickstart");
    }
}
