package dev.agentbroker.broker.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditEvent;

/**
 * Cedar at the {@code /v1} model endpoints of the running broker, over HTTP: the quickstart's
 * restricted model family is closed to sub-agents deeper than 2, every decision (with its
 * policy ids and version) is in the call's {@code model.call} audit record, and a policy that
 * errs at evaluation time denies with an audited error.
 */
class ModelEnforcementTest {
    @TempDir
    Path tmp;

    private RunningBroker quickstart() {
        return new RunningBroker(Quickstart.POLICIES, false, tmp.resolve("data"));
    }

    @Test
    void depthThreeSubAgentIsDeniedTheRestrictedFamilyAndTheDenialIsAudited() throws Exception {
        try (RunningBroker b = quickstart()) {
            HttpResponse<String> denied = b.chatAs(Quickstart.chain(3), "sandbox-large");

            assertEquals(403, denied.statusCode(), denied.body());
            assertTrue(denied.body().contains("action invoke_model on Model::\\\"sandbox-large\\\" denied"), denied.body());
            AuditEvent call = b.audit.last("model.call");
            assertEquals("deny", call.decision());
            assertEquals(List.of("restricted-models-max-depth-2"), call.policyIds());
            assertEquals(b.version(), call.policyVersion());
            assertEquals(List.of("research-agent", "helper-agent", "deep-agent"), call.actorChain());
            assertEquals("denied", call.outcome());
        }
    }

    @Test
    void shallowerAgentsAndOtherFamiliesAreAllowedWithTheGrantingPolicyAudited() throws Exception {
        try (RunningBroker b = quickstart()) {
            HttpResponse<String> depth2 = b.chatAs(Quickstart.chain(2), "sandbox-large");
            assertEquals(200, depth2.statusCode(), depth2.body());
            assertEquals("allow", b.audit.last("model.call").decision());
            assertEquals(List.of("default-invoke-model-by-scope"), b.audit.last("model.call").policyIds());

            HttpResponse<String> depth3 = b.chatAs(Quickstart.chain(3), "sandbox");
            assertEquals(200, depth3.statusCode(), depth3.body());
        }
    }

    @Test
    void anAgentMissingFromTheRegistryIsDeniedWithAnError() throws Exception {
        try (RunningBroker b = quickstart()) {
            HttpResponse<String> r = b.chatAs(List.of("stranger-agent"), "sandbox");

            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("unknown agent"), r.body());
            assertEquals("error", b.audit.last("model.call").decision());
        }
    }

    @Test
    void aForbidThatErrsAtEvaluationDeniesWithAnAuditedErrorInsteadOfFailingOpen() throws Exception {
        Path policies = Quickstart.copyPolicies(tmp.resolve("policies"));
        // Valid against the schema, but errs on every call without a token budget (tokensLeft is
        // Long.MAX_VALUE): Cedar skips an erring forbid and would answer Allow from the permit.
        Files.writeString(policies.resolve("90-overflow.cedar"), """
                @id("tokens-left-overflows")
                forbid (principal, action == Action::"invoke_model", resource)
                when { context.budgets.tokensLeft + 1 > 0 };
                """);
        try (RunningBroker b = new RunningBroker(policies, false, tmp.resolve("data"))) {
            HttpResponse<String> r = b.chatAs(Quickstart.chain(1), "sandbox");

            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("policy evaluation error"), r.body());
            AuditEvent call = b.audit.last("model.call");
            assertEquals("error", call.decision());
            assertTrue(String.valueOf(call.attributes().get("policyErrors")).startsWith("tokens-left-overflows: "),
                    call.attributes().toString());
        }
    }
}
