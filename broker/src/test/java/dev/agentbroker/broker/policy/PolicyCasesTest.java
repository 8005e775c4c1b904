package dev.agentbroker.broker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every ALLOW/DENY case of the shipped policy sets, one test per case file. */
class PolicyCasesTest {
    static final Path POLICIES = Path.of("..", "cedar-policies", "policies").toAbsolutePath().normalize();
    static final List<String> SETS = List.of("default", "quickstart");
    private static final PolicyCaseRunner RUNNER = new PolicyCaseRunner(new PolicyLoader());

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String set : SETS) {
            for (PolicyCaseRunner.Result r : RUNNER.run(POLICIES.resolve(set))) {
                all.add(Arguments.of(set + "/" + r.name(), r));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseDecidesAsItsFolderSays(String name, PolicyCaseRunner.Result result) {
        Decision d = result.decision();
        assertTrue(result.passed(), name + " (" + result.policyCase().description() + "): got " + d);
    }

    @Test
    void shippedCasesAreEnoughAndCoverEveryActionBothWays() {
        List<PolicyCaseRunner.Result> all = new ArrayList<>();
        SETS.forEach(set -> all.addAll(RUNNER.run(POLICIES.resolve(set))));
        assertTrue(all.size() >= 30, "only " + all.size() + " cases");
        for (String expected : List.of("ALLOW", "DENY")) {
            Set<PolicyAction> covered = EnumSet.noneOf(PolicyAction.class);
            all.stream().filter(r -> r.expected().equals(expected))
                    .forEach(r -> covered.add(r.policyCase().request().action()));
            assertEquals(EnumSet.allOf(PolicyAction.class), covered, expected + " cases miss an action");
        }
    }

    @Test
    void quickstartStartsFromTheUnchangedDefaultSet() throws Exception {
        assertEquals(java.nio.file.Files.readString(POLICIES.resolve("default/00-default.cedar")),
                java.nio.file.Files.readString(POLICIES.resolve("quickstart/00-default.cedar")));
    }
}
