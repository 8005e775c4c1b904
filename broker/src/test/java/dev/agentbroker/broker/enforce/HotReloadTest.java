package dev.agentbroker.broker.enforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.token.VerifiedToken;

/**
 * Hot reload in the running broker: an invalid policy file is rejected (audited, counted) and
 * decisions stay as they were; a valid change is enforced within 2 s without a restart, and
 * the audit shows the new version.
 */
class HotReloadTest {
    @TempDir
    Path tmp;

    @Test
    void invalidSetKeepsTheLastGoodOneAndAValidChangeIsEnforcedWithinTwoSeconds() throws Exception {
        Path policies = Quickstart.copyPolicies(tmp.resolve("policies"));
        VerifiedToken depth2 = Quickstart.token("alice", "research", Quickstart.chain(2), "model:*");
        try (RunningBroker b = new RunningBroker(policies, true, tmp.resolve("data"))) {
            String first = b.version();
            assertEquals(200, b.chat(depth2, "sandbox-large").statusCode());

            replace(policies.resolve("95-change.cedar"), """
                    @id("type-error")
                    forbid (principal, action == Action::"invoke_model", resource)
                    when { context.delegation.depth == "two" };
                    """);
            AuditEvent rejected = b.audit.await(e -> e.type().equals("policy.rejected"), 3000);
            assertNotNull(rejected, "the invalid set was not reported");
            assertTrue(String.valueOf(rejected.attributes().get("problems")).contains("95-change.cedar:3"),
                    rejected.attributes().toString());
            assertTrue(b.metrics().contains("result=\"rejected\""), "no rejected-reload metric");
            assertEquals(200, b.chat(depth2, "sandbox-large").statusCode());
            assertEquals(first, b.version());
            assertEquals(first, b.audit.last("model.call").policyVersion());

            long changed = System.nanoTime();
            replace(policies.resolve("95-change.cedar"), """
                    @id("restricted-models-max-depth-1")
                    forbid (principal, action == Action::"invoke_model", resource in ModelFamily::"restricted")
                    when { context.delegation.depth > 1 };
                    """);
            int status = 200;
            while (status == 200 && System.nanoTime() - changed < 2_000_000_000L) {
                Thread.sleep(50);
                status = b.chat(depth2, "sandbox-large").statusCode();
            }
            assertEquals(403, status, "the valid change was not enforced within 2 s");
            String second = b.version();
            assertNotEquals(first, second);
            AuditEvent reloaded = b.audit.await(e -> e.type().equals("policy.reloaded"), 1000);
            assertNotNull(reloaded);
            assertEquals(second, reloaded.policyVersion());
            AuditEvent denial = b.audit.last("model.call");
            assertEquals(second, denial.policyVersion());
            assertEquals("restricted-models-max-depth-1", denial.policyIds().get(0));
        }
    }

    /** Writes {@code text} to {@code file} atomically, as an editor or a ConfigMap update would. */
    private static void replace(Path file, String text) throws Exception {
        Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), text);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
