package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditEvent;
import dev.agentbroker.broker.audit.RecordingAudit;
import dev.agentbroker.broker.config.ConfigLoader;
import dev.agentbroker.broker.policy.ArgumentCanonicaliser;
import dev.agentbroker.broker.policy.CedarExchangeGate;
import dev.agentbroker.broker.policy.EntityCatalog;
import dev.agentbroker.broker.policy.EntityStore;
import dev.agentbroker.broker.policy.PolicyEngine;
import dev.agentbroker.broker.policy.PolicyLoader;

/**
 * A token exchange is also a Cedar decision (action {@code exchange_token}): the token
 * service with {@link CedarExchangeGate} over the quickstart policy set and the agents fed
 * from the registry into the entity store.
 */
class CedarExchangeGateTest {
    @TempDir
    Path dataDir;
    TokenFixture f;

    @BeforeEach
    void setUp() {
        IdentityConfig identity = new ConfigLoader().loadEmbedded().identity();
        EntityStore entities = new EntityStore(EntityCatalog.EMPTY);
        entities.setAgents(AgentRegistry.descriptors(identity.agents()));
        PolicyEngine engine = new PolicyEngine(new PolicyLoader().load("builtin:quickstart"), entities,
                new ArgumentCanonicaliser(List.of("/sandbox")), new SimpleMeterRegistry(), new RecordingAudit(),
                Runnable::run);
        f = new TokenFixture(dataDir, new CedarExchangeGate(engine), identity);
    }

    @Test
    void policyAllowsANarrowSubAgentHopAndTheAuditNamesThePolicy() {
        TokenService.Issued parent = f.forUser("research-agent", "alice", "mcp:fs model:sandbox");
        TokenService.Issued child = f.hop("helper-agent", parent.token(), "mcp:fs/read_file");
        assertEquals(2, child.claims().token().depth());
        AuditEvent exchanged = f.audit.events().stream().filter(e -> e.type().equals("token.exchanged"))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("allow", exchanged.decision());
        assertTrue(exchanged.policyIds().contains("default-exchange-token"), exchanged.policyIds().toString());
        assertFalse(exchanged.policyVersion() == null || exchanged.policyVersion().isBlank());
    }

    @Test
    void policyRefusesAWildcardForASubAgentWithUnauthorizedClient() {
        TokenService.Issued parent = f.forUser("research-agent", "alice", "mcp:* model:*");
        OAuthException e = DelegationTest.assertError("unauthorized_client",
                () -> f.hop("helper-agent", parent.token(), "mcp:*"));
        assertTrue(e.getMessage().contains("exchange_token"), e.getMessage());
        assertTrue(e.getMessage().contains("denied"), e.getMessage());
    }

    @Test
    void anUnknownAgentIsDeniedByPolicyFailingClosed() {
        EntityStore empty = new EntityStore(EntityCatalog.EMPTY);
        PolicyEngine engine = new PolicyEngine(new PolicyLoader().load("builtin:quickstart"), empty,
                new ArgumentCanonicaliser(List.of("/sandbox")), new SimpleMeterRegistry(), new RecordingAudit(),
                Runnable::run);
        TokenFixture noAgents = new TokenFixture(dataDir.resolve("other"), new CedarExchangeGate(engine),
                new ConfigLoader().loadEmbedded().identity());
        DelegationTest.assertError("unauthorized_client", () -> noAgents.forUser("research-agent", "alice", "mcp:fs"));
    }
}
