package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentbroker.broker.audit.AuditEvent;

/** Acceptance 2 and 3 of issue 3: sub-agent exchange rules, their OAuth errors, and revocation of descendants. */
class DelegationTest {
    @TempDir
    Path dataDir;
    TokenFixture f;

    @BeforeEach
    void setUp() {
        f = new TokenFixture(dataDir, ExchangeGate.CEILINGS_ONLY);
    }

    @Test
    void firstHopBindsUserAgentTaskAndNarrowsScope() {
        VerifiedToken t = f.forUser("research-agent", "alice", "mcp:fs model:sandbox admin").claims().token();
        assertEquals("alice", t.subject());
        assertEquals(List.of("research", "dev"), t.groups());
        assertEquals(List.of("research-agent"), t.actorChain());
        assertEquals("research-agent", t.clientId());
        assertEquals(Set.of("mcp:fs", "model:sandbox"), t.scopes(), "admin is in neither alice's scopes nor the ceiling");
        assertEquals(List.of(TokenFixture.V1, TokenFixture.MCP), t.audience());
        assertEquals(Duration.ofMinutes(5), Duration.between(t.issuedAt(), t.expiresAt()));
        assertEquals(32, t.taskId().length());
        assertNull(t.parentTokenId());
    }

    @Test
    void subAgentHopNestsActKeepsTaskAndNeverWidensOrOutlives() {
        TokenService.Issued parent = f.forUser("research-agent", "alice", "mcp:fs model:sandbox");
        f.clock.advance(Duration.ofMinutes(2));
        TokenService.Issued child = f.hop("helper-agent", parent.token(), "mcp:fs/read_file");
        VerifiedToken p = parent.claims().token();
        VerifiedToken c = child.claims().token();
        assertEquals(2, c.depth());
        assertEquals(List.of("research-agent", "helper-agent"), c.actorChain());
        assertEquals(java.util.Map.of("sub", "helper-agent", "act", java.util.Map.of("sub", "research-agent")),
                child.claims().act());
        assertEquals(p.taskId(), c.taskId());
        assertEquals(p.traceRoot(), c.traceRoot());
        assertEquals("alice", c.subject());
        assertEquals(Set.of("mcp:fs/read_file"), c.scopes());
        assertTrue(ScopeSet.of(c.scopes()).within(ScopeSet.of(p.scopes())));
        assertEquals(p.expiresAt(), c.expiresAt(), "5 minutes from now would outlive the parent: capped at its exp");
        assertEquals(p.tokenId(), c.parentTokenId());
        VerifiedToken verified = f.tokens.verifier().verify(child.token(), TokenFixture.MCP + "/fs");
        assertEquals(List.of("research-agent", "helper-agent"), verified.actorChain());
    }

    @Test
    void withoutRequestedScopeTheHopGetsParentIntersectCeiling() {
        TokenService.Issued parent = f.forUser("research-agent", "alice", null);
        assertEquals(Set.of("mcp:*", "model:*"), parent.claims().token().scopes());
        VerifiedToken c = f.hop("helper-agent", parent.token(), null).claims().token();
        assertEquals(Set.of("model:sandbox", "model:sandbox-escape", "mcp:fs", "mcp:fetch"), c.scopes());
    }

    @Nested
    class Refusals {
        TokenService.Issued parent;

        @BeforeEach
        void parent() {
            parent = f.forUser("research-agent", "alice", "mcp:fs model:sandbox");
        }

        @Test
        void widerScopeIsInvalidScope() {
            assertError("invalid_scope", () -> f.hop("helper-agent", parent.token(), "mcp:fs mcp:fetch"));
            assertError("invalid_scope", () -> f.hop("helper-agent", parent.token(), "mcp:*"));
        }

        @Test
        void longerLifetimeIsInvalidRequest() {
            f.clock.advance(Duration.ofMinutes(1));
            assertError("invalid_request", () -> f.hop("helper-agent", parent.token(), "mcp:fs", List.of(),
                    Optional.of(Duration.ofMinutes(5))));
            assertEquals(Duration.ofMinutes(3), lifetime(f.hop("helper-agent", parent.token(), "mcp:fs", List.of(),
                    Optional.of(Duration.ofMinutes(3)))));
        }

        @Test
        void tooDeepIsInvalidGrant() {
            String helper = f.hop("helper-agent", parent.token(), "mcp:fs").token();
            String deep = f.hop("deep-agent", helper, "mcp:fs").token();
            assertEquals(3, f.tokens.verifier().verify(deep, TokenFixture.MCP).depth());
            OAuthException e = assertError("invalid_grant", () -> f.hop("deeper-agent", deep, "mcp:fs/read_file"));
            assertTrue(e.getMessage().contains("depth 4"), e.getMessage());
        }

        @Test
        void repeatedActorIsInvalidGrant() {
            assertError("invalid_grant", () -> f.hop("research-agent", parent.token(), "mcp:fs"));
        }

        @Test
        void actorNotAllowedToActForTheParentIsUnauthorizedClient() {
            OAuthException e = assertError("unauthorized_client", () -> f.hop("deep-agent", parent.token(), "mcp:fs"));
            assertTrue(e.getMessage().contains("research-agent may not delegate to deep-agent"), e.getMessage());
        }

        @Test
        void targetOutsideTheParentsAudienceIsInvalidTarget() {
            String mcpOnly = f.hop("helper-agent", parent.token(), "mcp:fs", List.of(TokenFixture.MCP + "/fs"),
                    Optional.empty()).token();
            assertError("invalid_target", () -> f.hop("deep-agent", mcpOnly, "mcp:fs", List.of(TokenFixture.MCP),
                    Optional.empty()));
            assertError("invalid_target", () -> f.hop("helper-agent", parent.token(), "mcp:fs",
                    List.of("http://evil.example/mcp"), Optional.empty()));
        }

        @Test
        void missingOrForeignActorTokenIsInvalidRequest() {
            assertError("invalid_request", () -> f.service.exchange(f.agent("helper-agent"), new ExchangeParams(
                    parent.token(), ExchangeParams.ACCESS_TOKEN, null, null, "mcp:fs", List.of(), Optional.empty())));
            assertError("invalid_request", () -> f.service.exchange(f.agent("helper-agent"), new ExchangeParams(
                    parent.token(), ExchangeParams.ACCESS_TOKEN, f.actorToken("deep-agent"), ExchangeParams.ACCESS_TOKEN,
                    "mcp:fs", List.of(), Optional.empty())));
        }

        @Test
        void refusalsAreAuditedWithoutTokens() {
            assertError("invalid_scope", () -> f.hop("helper-agent", parent.token(), "mcp:*"));
            AuditEvent refused = f.audit.events().stream().filter(e -> e.type().equals("token.refused")).findFirst()
                    .orElseThrow();
            assertEquals("helper-agent", refused.clientId());
            assertEquals("invalid_scope", refused.outcome());
            assertFalse(f.audit.events().toString().contains(parent.token()));
        }
    }

    @Test
    void revokingAParentRevokesItsChildrenEverywhere() {
        TokenService.Issued parent = f.forUser("research-agent", "alice", "mcp:fs");
        TokenService.Issued child = f.hop("helper-agent", parent.token(), "mcp:fs");
        TokenService.Issued grandchild = f.hop("deep-agent", child.token(), "mcp:fs");
        TokenService.Issued sibling = f.forUser("research-agent", "alice", "mcp:fs");
        assertTrue(f.service.introspect(grandchild.token()).isPresent());

        f.service.revoke(f.agent("research-agent"), parent.token());

        for (TokenService.Issued gone : List.of(parent, child, grandchild)) {
            assertTrue(f.service.introspect(gone.token()).isEmpty());
            InvalidTokenException e = assertThrows(InvalidTokenException.class,
                    () -> f.tokens.verifier().verify(gone.token(), TokenFixture.MCP));
            assertEquals("token revoked", e.getMessage());
        }
        assertTrue(f.service.introspect(sibling.token()).isPresent(), "another task of the same user is untouched");
        assertError("invalid_request", () -> f.hop("deep-agent", child.token(), "mcp:fs"));
        AuditEvent revoked = f.audit.events().stream().filter(e -> e.type().equals("token.revoked")).findFirst().orElseThrow();
        assertEquals(parent.claims().token().tokenId(), revoked.tokenId());
    }

    @Test
    void onlyTheHolderOrItsChainMayRevoke() {
        TokenService.Issued parent = f.forUser("research-agent", "alice", "mcp:fs");
        TokenService.Issued child = f.hop("helper-agent", parent.token(), "mcp:fs");
        assertError("unauthorized_client", () -> f.service.revoke(f.agent("summarizer-agent"), child.token()));
        f.service.revoke(f.agent("research-agent"), child.token());
        assertTrue(f.service.introspect(child.token()).isEmpty());
        assertTrue(f.service.introspect(parent.token()).isPresent(), "revoking a child leaves its parent alive");
        f.service.revoke(f.agent("research-agent"), "not-a-token");
    }

    @Test
    void issuingFailsClosedWhenTheAuditIsUnavailable() {
        f.audit.broken.set(true);
        OAuthException e = assertError("temporarily_unavailable",
                () -> f.forUser("research-agent", "alice", "mcp:fs"));
        assertEquals(503, e.status());
    }

    @Test
    void issuedAndExchangedAreAudited() {
        TokenService.Issued t = f.forUser("research-agent", "alice", "mcp:fs");
        AuditEvent exchanged = f.audit.events().stream().filter(e -> e.type().equals("token.exchanged")).findFirst()
                .orElseThrow();
        assertEquals(t.claims().token().tokenId(), exchanged.tokenId());
        assertEquals("alice", exchanged.user());
        assertEquals(List.of("research-agent"), exchanged.actorChain());
        assertEquals("exchange_token", exchanged.action());
        assertTrue(f.audit.events().stream().anyMatch(e -> e.type().equals("token.issued")));
        assertFalse(f.audit.events().toString().contains(t.token()));
    }

    private static Duration lifetime(TokenService.Issued issued) {
        return Duration.between(issued.claims().token().issuedAt(), issued.claims().token().expiresAt());
    }

    static OAuthException assertError(String error, org.junit.jupiter.api.function.Executable call) {
        OAuthException e = assertThrows(OAuthException.class, call);
        assertEquals(error, e.error(), e.getMessage());
        return e;
    }
}
