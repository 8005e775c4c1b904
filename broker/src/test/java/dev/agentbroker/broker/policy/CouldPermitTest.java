package dev.agentbroker.broker.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The listing filter: shown when some call could be permitted (a witness or partial
 * evaluation), hidden when none can, and never a stale answer after a reload or a catalog change.
 */
class CouldPermitTest {
    private final PolicyCaseRunner runner = new PolicyCaseRunner(new PolicyLoader());

    private static PolicyRequest listing(String agent, String tool, String... scopes) {
        Instant now = Instant.now();
        Delegation d = new Delegation("alice", List.of("research"), List.of(agent), agent, "jti", "task",
                Set.of(scopes), now.minusSeconds(5), now.plusSeconds(300));
        return PolicyRequest.builder(d, new Target.Tool("fs", tool)).now(now).build();
    }

    @Test
    void showsWhatSomeCallCouldDoAndHidesWhatNoneCan() {
        PolicyEngine engine = runner.engineFor(PolicyCasesTest.POLICIES.resolve("quickstart"));
        assertTrue(engine.couldPermit(listing("research-agent", "read_file", "mcp:fs")), "witness path");
        assertTrue(engine.couldPermit(listing("research-agent", "write_file", "mcp:fs")), "needs a /path argument");
        assertFalse(engine.couldPermit(listing("summarizer-agent", "write_file", "mcp:fs")), "never for the summarizer");
        assertFalse(engine.couldPermit(listing("research-agent", "read_file", "mcp:notes")), "no scope");
        assertFalse(engine.couldPermit(listing("research-agent", "format_disk", "mcp:fs")), "missing entity");
    }

    @Test
    void aReloadOrACatalogChangeIsSeenAtOnce() {
        PolicyEngine engine = runner.engineFor(PolicyCasesTest.POLICIES.resolve("quickstart"));
        PolicyRequest summarizer = listing("summarizer-agent", "write_file", "mcp:fs");
        assertFalse(engine.couldPermit(summarizer));

        engine.replace(new PolicyLoader().load(PolicyCasesTest.POLICIES.resolve("default").toString()));
        assertTrue(engine.couldPermit(summarizer), "the default set has no summarizer rule");

        engine.entities().setTools("fs", List.of());
        assertFalse(engine.couldPermit(summarizer), "the tool is gone from the catalog");
    }
}
