package dev.agentbroker.broker.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 5 of issue 3: 10,000 random exchange chains (random users, agents, requested
 * scopes with wildcards, lifetimes and delays) through the in-process token service. Every
 * token issued has a scope within its parent's, its agent's ceiling and (first hop) the
 * user's, an expiry no later than its parent's, the parent's task, and depth parent + 1.
 */
class ExchangeChainPropertyTest {
    private static final int CHAINS = Integer.getInteger("chains.count", 10_000);
    private static final Map<String, Integer> REFUSALS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final List<String> AGENTS =
            List.of("research-agent", "summarizer-agent", "helper-agent", "deep-agent", "deeper-agent");
    private static final List<String> SCOPES = List.of("mcp:*", "model:*", "mcp:fs", "mcp:fs/read_file",
            "mcp:fs/write_file", "mcp:notes", "mcp:notes/add_note", "mcp:fetch", "model:sandbox", "model:sandbox-large", "model:sandbox-escape",
            "admin");

    @TempDir
    Path dataDir;

    @Test
    void noIssuedTokenIsWiderOrLongerLivedThanItsParent() {
        long seed = Long.getLong("chains.seed", System.nanoTime());
        Random random = new Random(seed);
        TokenFixture f = new TokenFixture(dataDir, ExchangeGate.CEILINGS_ONLY);
        Instant start = f.clock.instant();
        Map<String, String> actorTokens = new HashMap<>();
        AGENTS.forEach(a -> actorTokens.put(a, f.actorToken(a)));
        Map<String, String> userTokens = Map.of("alice", f.userToken("alice"), "bob", f.userToken("bob"));
        int issued = 0;
        int refused = 0;
        int hopsIssued = 0;
        for (int chain = 0; chain < CHAINS; chain++) {
            f.clock.set(start);
            String user = random.nextBoolean() ? "alice" : "bob";
            String agent = random.nextInt(5) == 0 ? "summarizer-agent" : "research-agent";
            TokenService.Issued parent = attempt(f, agent, userTokens.get(user), ExchangeParams.JWT, actorTokens, random,
                    java.util.Set.of());
            if (parent == null) {
                refused++;
                continue;
            }
            issued++;
            VerifiedToken p = parent.claims().token();
            assertTrue(ScopeSet.of(p.scopes()).within(userScopes(user)),
                    "seed " + seed + ": first hop wider than the user's scopes: " + p.scopes());
            assertTrue(ScopeSet.of(p.scopes()).within(f.agent(agent).config().scopes()), "seed " + seed);
            int hops = 1 + random.nextInt(3);
            for (int h = 0; h < hops; h++) {
                f.clock.advance(Duration.ofSeconds(random.nextInt(60)));
                String next = nextAgent(f, parent.claims().token(), random);
                TokenService.Issued child = attempt(f, next, parent.token(), ExchangeParams.ACCESS_TOKEN, actorTokens,
                        random, parent.claims().token().scopes());
                if (child == null) {
                    refused++;
                    continue;
                }
                issued++;
                hopsIssued++;
                checkChild(seed, parent.claims().token(), child.claims().token(), f.agent(next).config());
                parent = child;
            }
        }
        System.out.println("chains " + CHAINS + ", issued " + issued + " (" + hopsIssued + " sub-agent hops), refused "
                + refused + ": " + REFUSALS);
        assertTrue(issued > CHAINS, "the generator should issue many tokens, issued " + issued);
        assertTrue(hopsIssued > CHAINS / 4, "the generator should issue many sub-agent tokens, issued " + hopsIssued);
        assertTrue(refused > CHAINS / 10, "the generator should also provoke refusals, refused " + refused);
    }

    private static ScopeSet userScopes(String user) {
        return user.equals("alice") ? ScopeSet.parse("model:* mcp:*") : ScopeSet.parse("model:sandbox mcp:notes");
    }

    private static void checkChild(long seed, VerifiedToken parent, VerifiedToken child, AgentConfig agent) {
        String where = "seed " + seed + ", parent " + parent.scopes() + " child " + child.scopes();
        assertTrue(ScopeSet.of(child.scopes()).within(ScopeSet.of(parent.scopes())), where);
        assertTrue(ScopeSet.of(child.scopes()).within(agent.scopes()), where);
        assertFalse(child.scopes().isEmpty(), where);
        assertFalse(child.expiresAt().isAfter(parent.expiresAt()), where + ": outlives its parent");
        assertEquals(parent.taskId(), child.taskId(), where);
        assertEquals(parent.traceRoot(), child.traceRoot(), where);
        assertEquals(parent.depth() + 1, child.depth(), where);
        assertEquals(parent.tokenId(), child.parentTokenId(), where);
        assertTrue(child.audience().stream().allMatch(a -> parent.audience().stream()
                .anyMatch(pa -> BrokerUrls.audienceMatches(pa, a))), where + ": audience widened");
    }

    private static TokenService.Issued attempt(TokenFixture f, String agent, String subject, String type,
                                               Map<String, String> actorTokens, Random random,
                                               java.util.Set<String> parentScopes) {
        String scope = random.nextInt(5) == 0 ? null
                : random.nextBoolean() && !parentScopes.isEmpty() ? narrower(parentScopes, random) : randomScopes(random);
        Optional<Duration> lifetime = random.nextInt(4) == 0 ? Optional.of(Duration.ofSeconds(10 + random.nextInt(400)))
                : Optional.empty();
        List<String> resources = switch (random.nextInt(4)) {
            case 0 -> List.of(TokenFixture.MCP);
            case 1 -> List.of(TokenFixture.MCP + "/fs");
            case 2 -> List.of(TokenFixture.V1, TokenFixture.MCP);
            default -> List.of();
        };
        try {
            return f.service.exchange(f.agent(agent), new ExchangeParams(subject, type, actorTokens.get(agent),
                    ExchangeParams.ACCESS_TOKEN, scope, resources, lifetime));
        } catch (OAuthException e) {
            String m = e.getMessage();
            REFUSALS.merge(e.error() + ": " + m.substring(0, Math.min(40, m.length())), 1, Integer::sum);
            return null;
        }
    }

    /** Mostly an agent the presenting agent may delegate to, sometimes any agent (to provoke refusals). */
    private static String nextAgent(TokenFixture f, VerifiedToken parent, Random random) {
        String last = parent.actorChain().get(parent.actorChain().size() - 1);
        List<String> allowed = f.agent(last).config().mayDelegateTo();
        if (allowed.isEmpty() || random.nextInt(4) == 0) {
            return AGENTS.get(random.nextInt(AGENTS.size()));
        }
        return allowed.get(random.nextInt(allowed.size()));
    }

    /** One of the parent's scopes, or one of the narrower scopes below it. */
    private static String narrower(java.util.Set<String> parentScopes, Random random) {
        List<String> pool = new java.util.ArrayList<>(parentScopes);
        String pick = pool.get(random.nextInt(pool.size()));
        List<String> below = SCOPES.stream().filter(s -> ScopeSet.grants(pick, s)).toList();
        return below.get(random.nextInt(below.size()));
    }

    private static String randomScopes(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.append(SCOPES.get(random.nextInt(SCOPES.size()))).append(' ');
        }
        return b.toString().trim();
    }
}
