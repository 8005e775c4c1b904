package dev.agentbroker.broker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/broker policy validate|test|explain} on the shipped sets and on a broken one. */
class PolicyCommandTest {
    private static final Path POLICIES = Path.of("..", "cedar-policies", "policies").toAbsolutePath().normalize();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @TempDir
    Path tmp;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatePassesOnTheShippedSets() {
        assertEquals(0, cli.run("policy", "validate", "builtin:default"), err());
        assertEquals(0, cli.run("policy", "validate", "builtin:quickstart"), err());
        assertTrue(out().contains("ok: 19 policies valid against the schema"), out());
    }

    @Test
    void validateReportsATypeErrorWithFileLineAndMessage() throws Exception {
        Files.copy(POLICIES.resolve("default/00-default.cedar"), tmp.resolve("00-default.cedar"));
        Files.writeString(tmp.resolve("20-team.cedar"), """
                // a comment line
                @id("depth-is-a-number")
                forbid (principal, action == Action::"invoke_model", resource)
                when { context.delegation.depth == "deep" };
                """);

        assertNotEquals(0, cli.run("policy", "validate", tmp.toString()));
        assertTrue(err().contains("20-team.cedar:4: policy \"depth-is-a-number\": the types Long and String are not"
                + " compatible"), err());
        assertTrue(err().contains("1 problem(s); the policy set is not valid"), err());
    }

    @Test
    void testRunsEveryShippedCase() {
        assertEquals(0, cli.run("policy", "test", "builtin:quickstart"), out());
        assertEquals(0, cli.run("policy", "test", POLICIES.resolve("default").toString()), out());
        assertTrue(out().contains("49 cases, 49 passed, 0 failed (builtin:quickstart)"), out());
        assertTrue(out().contains("14 cases, 14 passed, 0 failed"), out());
    }

    @Test
    void testFailsWhenACaseDisagrees() throws Exception {
        Path set = Files.createDirectories(tmp.resolve("set/ALLOW"));
        Files.copy(POLICIES.resolve("default/00-default.cedar"), tmp.resolve("set/00-default.cedar"));
        Files.copy(POLICIES.resolve("default/catalog.json"), tmp.resolve("set/catalog.json"));
        Files.copy(POLICIES.resolve("default/DENY/model-other-scope.json"), set.resolve("wrongly-expected.json"));

        assertNotEquals(0, cli.run("policy", "test", tmp.resolve("set").toString()));
        assertTrue(out().contains("FAIL ALLOW/wrongly-expected.json"), out());
    }

    @Test
    void explainNamesTheDecisionThePoliciesAndTheVersion() {
        Path dir = POLICIES.resolve("quickstart");
        assertEquals(0, cli.run("policy", "explain", dir.resolve("DENY/model-restricted-depth-3.json").toString(),
                "--policies", dir.toString()), err());
        assertTrue(out().startsWith("DENY"), out());
        assertTrue(out().contains("policies: restricted-models-max-depth-2"), out());
        assertTrue(out().contains("version:  sha256:"), out());
    }
}
